"""Shared helpers for table definitions."""

from __future__ import annotations

from sqlalchemy import CheckConstraint

from prodcom_tui.domain.vocab import sql_in


def one_of(column: str, values: tuple, name: str | None = None) -> CheckConstraint:
    """A CHECK that keeps a status column inside its closed list."""
    return CheckConstraint(f"{column} IN ({sql_in(values)})", name=name or f"ck_{column}_allowed")


def money_checks(prefix: str, amount: str, *, non_negative: bool = True) -> tuple[CheckConstraint, ...]:
    """Money is integer minor units with an ISO 4217 code; these CHECKs keep it that way."""
    checks = [
        CheckConstraint("length(currency) = 3 AND upper(currency) = currency", name=f"ck_{prefix}_currency"),
        # SQLite would quietly keep 12.5 in an INTEGER column; this portable test refuses it.
        CheckConstraint(f"{amount} = CAST({amount} AS BIGINT)", name=f"ck_{prefix}_{amount}_whole"),
        CheckConstraint(f"abs({amount}) < 10000000000000", name=f"ck_{prefix}_{amount}_size"),
    ]
    if non_negative:
        checks.append(CheckConstraint(f"{amount} >= 0", name=f"ck_{prefix}_{amount}_nonneg"))
    return tuple(checks)


def between(column: str, low: int, high: int) -> CheckConstraint:
    return CheckConstraint(f"{column} BETWEEN {low} AND {high}", name=f"ck_{column}_range")

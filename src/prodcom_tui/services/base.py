"""Shared plumbing for the service modules."""

from __future__ import annotations

from typing import TYPE_CHECKING

from prodcom_tui.domain.errors import InputError
from prodcom_tui.domain.money import Money

if TYPE_CHECKING:  # the store module loads SQLAlchemy: the morning's plain reads must not (services/opening.py)
    from prodcom_tui.store.store import Store


class ServiceBase:
    """A service reads through `store.reading()` and writes one recorded transaction per action."""

    def __init__(self, store: Store) -> None:
        self.store = store

    @property
    def today(self):  # noqa: ANN201
        return self.store.clock.today()


def money(minor: int | None, currency: str = "EUR") -> Money:
    return Money(int(minor or 0), currency)


def not_found(what: str, value: object, expected: str) -> InputError:
    return InputError(f"no {what} {value!s}: {expected}")


class SqlSource:
    """A RowSource over a SELECT: `build(text)` gives the filtered, ordered query; SQL does the paging."""

    def __init__(self, store: Store, build, to_row) -> None:  # noqa: ANN001
        self.store, self.build, self.to_row = store, build, to_row

    def count(self, text: str, cap: int | None = None) -> int:
        """With `cap`, SQL stops at that many matches: a filter on a common word need not scan every row."""
        from sqlalchemy import func, select

        stmt = self.build(text.strip()).order_by(None)
        if cap is not None:
            stmt = stmt.limit(cap)
        with self.store.reading() as s:
            return int(s.execute(select(func.count()).select_from(stmt.subquery())).scalar_one())

    def window(self, text: str, offset: int, limit: int) -> list:
        stmt = self.build(text.strip()).offset(offset).limit(limit)
        with self.store.reading() as s:
            return [self.to_row(row) for row in s.execute(stmt)]


def like(text: str) -> str:
    """A LIKE pattern for what a person typed in a filter box (its own % and _ taken literally)."""
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"

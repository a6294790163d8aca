"""Reusable SQL pieces: aggregates that several screens need, written once."""

from __future__ import annotations

from sqlalchemy import func, select

from .models import BudgetLine, Expense, PurchaseOrder


def committed_by_line():  # noqa: ANN201
    """Sum of live purchase orders per budget line (the commitment)."""
    return (
        select(PurchaseOrder.budget_line_id.label("line_id"), func.sum(PurchaseOrder.amount_minor).label("committed"))
        .where(PurchaseOrder.status != "cancelled")
        .group_by(PurchaseOrder.budget_line_id)
        .subquery()
    )


def actual_by_line():  # noqa: ANN201
    """Sum of expenses per budget line (the actual cost)."""
    return (
        select(Expense.budget_line_id.label("line_id"), func.sum(Expense.amount_minor).label("actual"))
        .group_by(Expense.budget_line_id)
        .subquery()
    )


def budget_lines_with_spend():  # noqa: ANN201
    """Budget lines joined to their committed and actual totals (zero when none)."""
    committed, actual = committed_by_line(), actual_by_line()
    return (
        select(
            BudgetLine,
            func.coalesce(committed.c.committed, 0).label("committed"),
            func.coalesce(actual.c.actual, 0).label("actual"),
        )
        .outerjoin(committed, committed.c.line_id == BudgetLine.id)
        .outerjoin(actual, actual.c.line_id == BudgetLine.id)
    )

"""Budget lines (estimates) and expenses (actuals); commitments are purchase orders."""

from __future__ import annotations

from datetime import date

from pydantic import NaiveDatetime  # local wall-clock time: the producer's 'today' is local

from sqlalchemy import Index, UniqueConstraint
from sqlmodel import Field, SQLModel

from ._base import money_checks


class BudgetLine(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    project_id: int = Field(foreign_key="project.id", index=True, ondelete="CASCADE")
    name: str = Field(max_length=120)
    category: str = Field(default="", max_length=40)
    estimate_minor: int = 0
    currency: str = Field(default="EUR", max_length=3)
    is_contingency: bool = False

    __table_args__ = (*money_checks("budgetline", "estimate_minor"),)


class Expense(SQLModel, table=True):
    """An actual cost; a credit note is the one place a negative amount is meant."""

    id: int | None = Field(default=None, primary_key=True)
    budget_line_id: int = Field(foreign_key="budgetline.id", ondelete="CASCADE")
    vendor_id: int | None = Field(default=None, foreign_key="vendor.id", ondelete="SET NULL")
    purchase_order_id: int | None = Field(default=None, foreign_key="purchaseorder.id", ondelete="SET NULL")
    amount_minor: int
    currency: str = Field(default="EUR", max_length=3)
    spent_on: date
    description: str = Field(default="", max_length=200)
    invoice_ref: str = Field(default="", max_length=60)
    import_key: str | None = Field(default=None, max_length=64)  # a row's fingerprint, so re-imports add nothing
    created_at: NaiveDatetime | None = None

    __table_args__ = (
        *money_checks("expense", "amount_minor", non_negative=False),
        UniqueConstraint("import_key", name="uq_expense_import_key"),
        Index("ix_expense_line_date", "budget_line_id", "spent_on"),
        # The expenses list walks this index newest first (its ORDER BY is spent_on, id) and tests its filter on
        # the text columns and keys the index carries: a row is read from the table only once it matches.
        # With the date alone, a filter matching few rows read every row of the table in date order, one
        # random read each (a rare invoice number on `huge`: ~0.4-0.6 s for the window); migration 0003.
        Index("ix_expense_list", "spent_on", "id", "description", "invoice_ref", "vendor_id", "budget_line_id"),
    )

"""Vendors and the paper trail of buying from them: quotes, purchase orders, deliveries."""

from __future__ import annotations

from datetime import date

from pydantic import NaiveDatetime  # local wall-clock time: the producer's 'today' is local

from sqlalchemy import CheckConstraint, Index
from sqlmodel import Field, SQLModel

from prodcom_tui.domain import vocab

from ._base import between, money_checks, one_of


class Vendor(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(max_length=120, index=True)
    category: str = Field(default="other", max_length=20)
    contact_name: str = Field(default="", max_length=120)
    email: str = Field(default="", max_length=120)
    phone: str = Field(default="", max_length=40)
    rating: int = Field(default=3)
    notes: str = Field(default="", max_length=2000)

    __table_args__ = (one_of("category", vocab.VENDOR_CATEGORIES), between("rating", 1, 5))


class Quote(SQLModel, table=True):
    """A devis; its need is a budget line and, optionally, the deliverable it serves."""

    id: int | None = Field(default=None, primary_key=True)
    budget_line_id: int = Field(foreign_key="budgetline.id", index=True, ondelete="CASCADE")
    deliverable_id: int | None = Field(default=None, foreign_key="deliverable.id", ondelete="SET NULL")
    vendor_id: int = Field(foreign_key="vendor.id", index=True, ondelete="RESTRICT")
    description: str = Field(default="", max_length=200)
    amount_minor: int | None = None  # unknown while the quote is only requested
    currency: str = Field(default="EUR", max_length=3)
    lead_days: int | None = None
    requested_on: date | None = None
    received_on: date | None = None
    valid_until: date | None = None
    status: str = Field(default="requested", max_length=12)

    __table_args__ = (
        one_of("status", vocab.QUOTE_STATUSES),
        *money_checks("quote", "amount_minor"),
        CheckConstraint("status IN ('requested', 'declined') OR amount_minor IS NOT NULL", name="ck_quote_amount_known"),
        CheckConstraint("lead_days IS NULL OR lead_days >= 0", name="ck_quote_lead_days"),
    )


class PurchaseOrder(SQLModel, table=True):
    """A bon de commande: the commitment that follows an accepted quote."""

    id: int | None = Field(default=None, primary_key=True)
    number: str = Field(max_length=30, unique=True)
    quote_id: int | None = Field(default=None, foreign_key="quote.id", ondelete="SET NULL")
    vendor_id: int = Field(foreign_key="vendor.id", index=True, ondelete="RESTRICT")
    budget_line_id: int = Field(foreign_key="budgetline.id", index=True, ondelete="CASCADE")
    amount_minor: int
    currency: str = Field(default="EUR", max_length=3)
    issued_on: date
    status: str = Field(default="open", max_length=12)

    __table_args__ = (one_of("status", vocab.PO_STATUSES), *money_checks("po", "amount_minor"))


class Delivery(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    purchase_order_id: int = Field(foreign_key="purchaseorder.id", index=True, ondelete="CASCADE")
    description: str = Field(default="", max_length=200)
    expected_on: date
    actual_on: date | None = None
    status: str = Field(default="scheduled", max_length=12)
    quality_ok: bool | None = None
    issue_note: str = Field(default="", max_length=1000)
    received_at: NaiveDatetime | None = None

    __table_args__ = (
        one_of("status", vocab.DELIVERY_STATUSES),
        CheckConstraint("status NOT IN ('received', 'partial') OR actual_on IS NOT NULL", name="ck_delivery_actual"),
        Index("ix_delivery_open", "status", "expected_on"),
    )

"""View models of the afternoon: vendors, deliveries, reviews and expenses (plain data for the screens)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

from .budget import LineFigures, Totals
from .money import Money


@dataclass(frozen=True, slots=True)
class VendorRow:
    id: int
    name: str
    category: str
    contact: str
    email: str
    phone: str
    rating: int
    notes: str
    spend: Money


@dataclass(frozen=True, slots=True)
class VendorHistory:
    vendor: VendorRow
    quotes: tuple[tuple[date | None, str, str, Money | None], ...]  # (date, need, status, amount)
    orders: tuple[tuple[date, str, str, Money], ...]  # (issued, number, need, amount)
    deliveries: tuple[tuple[date, date | None, str, bool], ...]  # (expected, actual, description, on time)
    on_time_pct: int | None
    spend: Money


@dataclass(frozen=True, slots=True)
class DeliveryRow:
    id: int
    po_number: str
    vendor: str
    project_code: str
    description: str
    expected_on: date
    actual_on: date | None
    status: str
    late: bool
    quality_ok: bool | None
    issue_note: str


@dataclass(frozen=True, slots=True)
class ReviewRow:
    id: int
    deliverable_id: int
    project_code: str
    deliverable: str
    kind: str
    round: int
    submitted_on: date
    verdict: str
    is_bat: bool


@dataclass(frozen=True, slots=True)
class CheckState:
    item_id: int
    label: str
    checked: bool


@dataclass(frozen=True, slots=True)
class ReviewDetail:
    review: ReviewRow
    project_id: int
    checks: tuple[CheckState, ...]
    feedback: str
    bat_signed_by: str | None
    bat_signed_at: datetime | None

    @property
    def is_print(self) -> bool:
        return self.review.kind == "print"


@dataclass(frozen=True, slots=True)
class ProjectBudget:
    project_id: int
    code: str
    name: str
    lines: tuple[LineFigures, ...]
    totals: Totals


@dataclass(frozen=True, slots=True)
class ExpenseRow:
    id: int
    spent_on: date
    amount: Money
    project_code: str
    line: str
    vendor: str
    description: str
    invoice_ref: str


@dataclass
class ImportPreview:
    """What an import would do (dry run) or did: rows read, new rows, rows already there, and the total."""

    file: str
    columns: dict[str, str]  # field -> the header it was read from
    read: int = 0
    new: int = 0
    already: int = 0
    total: Money = field(default_factory=Money.zero)
    sample: list[tuple[date, Money, str, str]] = field(default_factory=list)  # (date, amount, line, description)
    notes: list[str] = field(default_factory=list)
    written: bool = False

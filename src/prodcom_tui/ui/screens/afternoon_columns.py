"""Columns of the afternoon's windowed lists: how each row reads at 80 columns and at 200."""

from __future__ import annotations

from rich.text import Text

from prodcom_tui.domain.afternoon import DeliveryRow, ReviewRow
from prodcom_tui.domain.money import format_money
from prodcom_tui.domain.quotes import QuoteRow

from ..format import CODE_WIDTH, day, money, plain
from ..widgets.windowed_table import Column


def _delivery_state(r: DeliveryRow) -> Text:
    if r.late:
        return Text("! late", style="bold red")
    if r.status == "partial":
        return Text("partial", style="yellow")
    if r.status == "scheduled":
        return Text("coming")
    if r.status == "received":
        return Text("✓ recv" if r.quality_ok else "✗ issue", style="green" if r.quality_ok else "bold yellow")
    return Text(r.status)


def _short(value) -> Text:  # noqa: ANN001
    return Text(f"{value:%d/%m}") if value else Text("—", style="dim")


DELIVERIES = [
    Column("State", _delivery_state, 8),
    Column("Due", lambda r: _short(r.expected_on), 5),
    Column("Came", lambda r: _short(r.actual_on), 5),
    Column("Project", lambda r: plain(r.project_code), CODE_WIDTH),
    Column("Vendor", lambda r: plain(r.vendor)),
    Column("What", lambda r: plain(r.description + (f" — {r.issue_note}" if r.issue_note else ""))),
    Column("PO", lambda r: plain(r.po_number, "dim"), 12),
]


def _quote_delta(r: QuoteRow) -> Text:
    if r.amount is None:
        return Text("—", style="dim", justify="right")
    d = r.amount - r.estimate
    return Text(("▲ +" if d.minor > 0 else "") + format_money(d), style="red" if d.minor > 0 else "green", justify="right")


QUOTE_STATUS = {"accepted": ("accepted", "bold green"), "declined": ("declined", "dim"),
                "requested": ("asked", "italic"), "negotiating": ("talking", "yellow"), "received": ("received", "")}


def _quote_status(r: QuoteRow) -> Text:
    label, style = QUOTE_STATUS[r.status]
    return Text(label, style=style)


# The project and its need share one column so that, at 80 columns, names keep a readable width.
QUOTES = [
    Column("Need", lambda r: plain(f"{r.need} · {r.project_code}")),
    Column("Vendor", lambda r: plain(r.vendor)),
    Column("★", lambda r: Text("★" * r.vendor_rating, style="yellow"), 5),
    Column("Amount", lambda r: money(r.amount) if r.amount else Text("—", style="dim", justify="right"), 12, "right"),
    Column("vs budget", _quote_delta, 12, "right"),
    Column("Lead", lambda r: Text(f"{r.lead_days} d" if r.lead_days is not None else "—"), 4),
    Column("Status", _quote_status, 8),
]

VERDICT = {"pending": ("waiting", "bold yellow"), "changes_requested": ("changes", ""), "approved": ("approved", "green")}


def _verdict(r: ReviewRow) -> Text:
    label, style = VERDICT[r.verdict]
    return Text("BAT ✓" if r.is_bat else label, style="bold green" if r.is_bat else style)


REVIEWS = [
    Column("Verdict", _verdict, 9),
    Column("Since", lambda r: day(r.submitted_on), 10),
    Column("Project", lambda r: plain(r.project_code), CODE_WIDTH),
    Column("Deliverable", lambda r: plain(r.deliverable)),
    Column("Kind", lambda r: Text(r.kind), 7),
    Column("Round", lambda r: Text(str(r.round), justify="right"), 5, "right"),
]

EXPENSES = [
    Column("Date", lambda r: Text(f"{r.spent_on:%d/%m/%y}"), 8),
    Column("Amount", lambda r: money(r.amount, "green" if r.amount.minor < 0 else ""), 12, "right"),
    Column("Line", lambda r: plain(f"{r.project_code} · {r.line}")),
    Column("Vendor", lambda r: plain(r.vendor)),
    Column("Description", lambda r: plain(r.description)),
    Column("Invoice", lambda r: plain(r.invoice_ref, "dim"), 10),
]

VENDORS = [
    Column("Name", lambda r: plain(r.name)),
    Column("Category", lambda r: Text(r.category), 12),
    Column("Contact", lambda r: plain(r.contact)),
    Column("Rating", lambda r: Text("★" * r.rating + "☆" * (5 - r.rating), style="yellow"), 6),
    Column("Spend", lambda r: money(r.spend), 14, "right"),
]

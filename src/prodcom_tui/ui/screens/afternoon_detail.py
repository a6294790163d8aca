"""The wide screen's side panel: what the row under the cursor means (the need's devis compared, a vendor's record…)."""

from __future__ import annotations

from typing import Any

from rich.console import Group
from rich.table import Table
from rich.text import Text
from textual import work
from textual.containers import VerticalScroll
from textual.widgets import Static
from textual.worker import get_current_worker

from prodcom_tui.domain.budget import LineFigures
from prodcom_tui.domain.money import format_money
from prodcom_tui.domain.quotes import compare

from ..format import plain
from ..modals.quote_compare import comparison_table
from ..modals.vendor_history import history_view


def _grid(pairs: list[tuple[str, Any]]) -> Table:
    grid = Table.grid(padding=(0, 2))
    grid.add_column(style="bold")
    grid.add_column()
    for label, value in pairs:
        grid.add_row(label, value if isinstance(value, Text) else plain(value))
    return grid


def line_view(f: LineFigures) -> Table:
    why = ("ordered: the purchase orders stand" if f.committed.minor else "not ordered yet: the estimate stands")
    if f.actual.minor > max(f.committed.minor, f.estimate.minor if not f.committed.minor else 0):
        why = "spent beyond the orders: the actual cost stands"
    variance = "—" if f.variance_pct is None else f"{f.variance_pct:+.1f} %"
    return _grid([("Line", f"{f.project_code} · {f.name}"), ("Estimate", format_money(f.estimate)),
                  ("Committed", format_money(f.committed)), ("Actual", format_money(f.actual)),
                  ("Forecast", format_money(f.forecast)), ("Why", why), ("Remaining", format_money(f.remaining)),
                  ("Variance", Text(variance, style="bold red" if f.state == "over" else ""))])


def row_view(pane: str, row: Any) -> Table:
    if pane == "deliveries":
        return _grid([("Delivery", row.description), ("Vendor", row.vendor), ("Order", row.po_number),
                      ("Expected", f"{row.expected_on:%d/%m/%Y}"), ("Arrived", f"{row.actual_on:%d/%m/%Y}" if row.actual_on else "not yet"),
                      ("Status", "late" if row.late else row.status), ("Issue", row.issue_note or "—")])
    if pane == "reviews":
        return _grid([("Deliverable", f"{row.project_code} · {row.deliverable}"), ("Kind", row.kind), ("Round", str(row.round)),
                      ("Submitted", f"{row.submitted_on:%d/%m/%Y}"), ("Verdict", "BAT signed" if row.is_bat else row.verdict),
                      ("", Text("enter opens the checklist", style="dim"))])
    return _grid([("Expense", format_money(row.amount)), ("On", f"{row.spent_on:%d/%m/%Y}"), ("Line", f"{row.project_code} · {row.line}"),
                  ("Vendor", row.vendor or "—"), ("Invoice", row.invoice_ref or "—"), ("Description", row.description or "—")])


def _need_view(services: Any, need_id: int, quote_id: int) -> Group:
    rows = compare(services.quotes.of_need(need_id))
    ids = [c.quote.id for c in rows]
    q = rows[0].quote if rows else None
    title = plain(f"{q.project_code} · {q.need} — budget {format_money(q.estimate)}\n", "bold") if q else Text("")
    return Group(title, comparison_table(rows, ids.index(quote_id) if quote_id in ids else None, 12),
                 Text("\nc compares full screen · A accepts the devis under the cursor", style="dim"))


class DetailPanel(VerticalScroll):
    DEFAULT_CSS = """
    DetailPanel { display: none; border: round $panel; padding: 0 1; }
    """

    def compose(self):  # noqa: ANN201
        yield Static("", id="detail-body")

    def clear(self) -> None:
        self.query_one("#detail-body", Static).update("")

    def follow(self, pane: str, row: Any) -> None:
        if pane == "quotes":
            self._load(lambda s: _need_view(s, row.need_id, row.id))
        elif pane == "vendors":
            self._load(lambda s: history_view(h) if (h := s.vendors.history(row.id)) else Text(""))
        else:
            self.query_one("#detail-body", Static).update(row_view(pane, row))

    def follow_line(self, line_id: int | None) -> None:
        if line_id is None:
            self.clear()
        else:
            self._load(lambda s: line_view(f) if (f := s.budget.line(line_id)) else Text(""))

    @work(thread=True, exclusive=True, group="detail")
    def _load(self, build) -> None:  # noqa: ANN001
        view = build(self.app.services)
        if not get_current_worker().is_cancelled:
            self.app.call_from_thread(self.query_one("#detail-body", Static).update, view)

"""Mode 2, the afternoon: deliveries, devis, draft reviews, the budget with its expenses, and vendors.

Panes take turns in one place (`tab`); at 150 columns and more a side panel explains the row under the cursor.
"""

from __future__ import annotations

from typing import Any

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.widgets import ContentSwitcher, DataTable, Header, Static

from ..modals.review import ReviewScreen
from ..modals.vendor_history import VendorHistoryScreen
from ..widgets.budget_table import BudgetTable
from ..widgets.key_bar import KeyBar
from ..widgets.pane_bar import PaneBar
from ..widgets.pane_frame import FramedVertical
from ..widgets.table_pane import TablePane
from ..widgets.windowed_table import WindowedTable
from . import afternoon_columns as cols
from .afternoon_actions import AfternoonActions
from .afternoon_commands import AfternoonCommands
from .afternoon_detail import DetailPanel
from .base import DataScreen

PANES = [("deliveries", "Deliveries"), ("quotes", "Quotes"), ("reviews", "Reviews"), ("budget", "Budget"),
         ("expenses", "Expenses"), ("vendors", "Vendors")]
WINDOWED = {"deliveries": cols.DELIVERIES, "quotes": cols.QUOTES, "reviews": cols.REVIEWS,
            "expenses": cols.EXPENSES, "vendors": cols.VENDORS}
TITLES = {"deliveries": "Deliveries — late first", "quotes": "Devis per need — open first, cheapest first",
          "reviews": "Draft reviews — waiting first", "expenses": "Expenses — newest first", "vendors": "Vendors"}
# action -> panes where its key means something (elsewhere the key is hidden from the footer and does nothing)
ACTION_PANES = {
    "new_quote": {"quotes"}, "compare": {"quotes"}, "accept": {"quotes"}, "receive": {"deliveries"},
    "new_round": {"reviews"}, "expense": {"budget", "expenses"}, "import_csv": {"budget", "expenses"},
    "new_vendor": {"vendors"}, "edit_vendor": {"vendors"}, "estimate": {"budget"}, "new_line": {"budget"},
}
TARGET_PANES = {"delivery": "deliveries", "review": "reviews", "budget_line": "budget"}
WIDE, WIDER = 150, 180  # from these widths the side panel shows, then grows
PANEL_WIDE, PANEL_WIDER = 58, 66  # its widths, as in afternoon.tcss


class AfternoonScreen(AfternoonActions, DataScreen):
    CSS_PATH = "afternoon.tcss"
    COMMANDS = DataScreen.COMMANDS | {AfternoonCommands}
    BINDINGS = [
        Binding("tab", "pane(1)", "Next pane", id="afternoon.next_pane", tooltip="Show the next pane"),
        Binding("shift+tab", "pane(-1)", "Previous pane", show=False, id="afternoon.prev_pane", tooltip="Show the previous pane"),
        Binding("r", "receive", "Received", id="afternoon.receive", tooltip="Mark the delivery received: date, quality"),
        Binding("n", "new_quote", "New devis", id="afternoon.new_quote", tooltip="Record a devis request or a received devis"),
        Binding("c", "compare", "Compare", id="afternoon.compare", tooltip="Compare this need's devis side by side"),
        Binding("A", "accept", "Accept", id="afternoon.accept", tooltip="Accept the devis: purchase order, commitment, others declined"),
        Binding("n", "new_round", "New round", id="afternoon.new_round", tooltip="A new draft came back: open its next review round"),
        Binding("e", "expense", "Expense", id="afternoon.expense", tooltip="Record an expense (French or English amounts)"),
        Binding("i", "import_csv", "Import CSV", id="afternoon.import", tooltip="Import expenses from a bank or payment CSV"),
        Binding("E", "estimate", "Re-estimate", id="afternoon.estimate", tooltip="Change the estimate of the budget line"),
        Binding("L", "new_line", "New line", id="afternoon.new_line", tooltip="Add a budget line to the project"),
        Binding("n", "new_vendor", "New vendor", id="afternoon.new_vendor", tooltip="Add a vendor to the directory"),
        Binding("e", "edit_vendor", "Edit", id="afternoon.edit_vendor", tooltip="Edit the vendor under the cursor"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.pane = "deliveries"
        self.sources: dict[str, Any] = {}
        self.stale: set[str] = set()
        self.pending: tuple[str, int] | None = None  # (pane, id) to land on once its rows are loaded
        self.budget_data: list | None = None

    def compose(self) -> ComposeResult:
        yield Header()
        yield PaneBar(PANES, id="pane-bar")
        with Horizontal(id="afternoon-body"):
            with ContentSwitcher(initial="deliveries", id="panes"):
                for pane, columns in WINDOWED.items():
                    if pane == "expenses":
                        yield self._budget_pane()
                    yield TablePane(TITLES[pane], columns, id=pane, empty="Nothing here.")
            yield DetailPanel(id="detail")
        yield KeyBar()

    def _budget_pane(self) -> FramedVertical:
        pane = FramedVertical(Static("Budget of live projects — e expense · i import", classes="pane-title"),
                              BudgetTable(id="budget-lines"), id="budget")
        return pane

    def on_mount(self) -> None:
        self._focus_pane()

    def on_resize(self) -> None:
        appears = self.size.width >= WIDE and not self.has_class("-wide")
        self.set_class(self.size.width >= WIDE, "-wide")
        self.set_class(self.size.width >= WIDER, "-wider")
        self._show_budget()
        if appears:  # the panel follows cursor moves; one that just appeared shows the row already there
            self._follow_current()

    def _show_budget(self) -> None:
        if self.budget_data is not None:
            # The side panel and the pane's border take their share of the width.
            panel = PANEL_WIDER if self.has_class("-wider") else PANEL_WIDE if self.has_class("-wide") else 0
            width = self.size.width - panel - 6
            self.query_one(BudgetTable).show(self.budget_data, width)

    # --- data -------------------------------------------------------------------------------

    def fetch(self, services: Any) -> dict[str, Any]:
        data: dict[str, Any] = {"budget": services.budget.projects(), "late": services.deliveries.late_count(),
                                "waiting": services.reviews.waiting_count()}
        if not self.sources:
            data["sources"] = {pane: getattr(services, pane).source() for pane in WINDOWED}
        return data

    def show(self, data: dict[str, Any]) -> None:
        self.budget_data = data["budget"]
        self._show_budget()
        self.sources = self.sources or data["sources"]
        # Only the pane on screen reloads now; the others when they are shown (fewer queries at once).
        self.stale = set(WINDOWED)
        self._refresh_pane()
        bar = self.query_one(PaneBar)
        bar.set_count("deliveries", f"({data['late']} late)" if data["late"] else "")
        bar.set_count("reviews", f"({data['waiting']} waiting)" if data["waiting"] else "")
        self._land_pending()

    def _refresh_pane(self) -> None:
        pane = self.pane
        if pane not in self.stale or not self.sources:
            return
        self.stale.discard(pane)
        table = self.table(pane)
        if table.source is None:
            table.set_source(self.sources[pane])
        else:
            table.reload()

    def table(self, pane: str) -> WindowedTable:
        return self.query_one(f"#{pane}", TablePane).table

    def current(self) -> Any | None:
        return self.table(self.pane).current_row if self.pane in WINDOWED else None

    # --- panes ------------------------------------------------------------------------------

    def action_pane(self, step: int) -> None:
        names = [p for p, _ in PANES]
        self.show_pane(names[(names.index(self.pane) + step) % len(names)])

    def show_pane(self, pane: str) -> None:
        self.pane = pane
        self.query_one(ContentSwitcher).current = pane
        self.query_one(PaneBar).select(pane)
        self._refresh_pane()
        self._focus_pane()
        self.refresh_bindings()
        self.query_one(DetailPanel).clear()

    def _focus_pane(self) -> None:
        if self.pane in WINDOWED:
            self.table(self.pane).focus()
        else:
            self.query_one(BudgetTable).focus()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        panes = ACTION_PANES.get(action)
        return True if panes is None else self.pane in panes

    def focus_item(self, target: str, item_id: int) -> None:
        """Land on the item a morning roadblock is about (`app.goto`)."""
        pane = TARGET_PANES.get(target)
        if pane is None:
            return
        self.show_pane(pane)
        self.pending = (pane, item_id)
        self._land_pending()

    def _land_pending(self) -> None:
        if self.pending is None:
            return
        pane, item_id = self.pending
        if pane == "budget":
            if self.query_one(BudgetTable).move_to(f"line-{item_id}"):
                self.pending = None
            return
        table = self.table(pane)
        for index in range(min(table.row_count, 2000)):
            row = table.row_at(index)
            if row is None:
                return  # its block is loading: the next Highlighted brings us back here
            if row.id == item_id:
                table.cursor, self.pending = index, None
                return
        if table.row_count:
            self.pending = None

    # --- rows -------------------------------------------------------------------------------

    def on_windowed_table_highlighted(self, event: WindowedTable.Highlighted) -> None:
        self._land_pending()
        # A pane that is not on screen can still announce rows as they load: only the visible one drives the panel.
        if self.has_class("-wide") and event.table is self.current_table():
            self.query_one(DetailPanel).follow(self.pane, event.row)

    def _follow_current(self) -> None:
        if self.pane == "budget":
            self.query_one(DetailPanel).follow_line(self.query_one(BudgetTable).current_line_id())
        elif (row := self.current()) is not None:
            self.query_one(DetailPanel).follow(self.pane, row)

    def current_table(self) -> WindowedTable | None:
        return self.table(self.pane) if self.pane in WINDOWED else None

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        if self.has_class("-wide") and self.pane == "budget":
            self.query_one(DetailPanel).follow_line(self.query_one(BudgetTable).current_line_id())

    def on_windowed_table_selected(self, event: WindowedTable.Selected) -> None:
        opener = {"quotes": self.action_compare, "vendors": self._vendor_history, "reviews": self._open_review,
                  "deliveries": self.action_receive, "expenses": lambda: None}[self.pane]
        opener()

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        if self.pane == "budget":
            self.action_expense()

    def _vendor_history(self) -> None:
        if (row := self.current()) is not None:
            self.app.push_screen(VendorHistoryScreen(row.id))

    def _open_review(self) -> None:
        if (row := self.current()) is not None:
            self.app.push_screen(ReviewScreen(row.id), self._said)

    def _said(self, message: str | None) -> None:
        if message:
            self.notify(message)

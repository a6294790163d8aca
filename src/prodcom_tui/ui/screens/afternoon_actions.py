"""What the afternoon's keys do: forms, the devis acceptance flow, imports (a mixin of AfternoonScreen)."""

from __future__ import annotations

from textual import work

from prodcom_tui.domain.money import format_money

from ..modals.afternoon_forms import (
    budget_line_form, estimate_form, expense_form, quote_form, receive_form, vendor_form,
)
from ..modals.confirm import ConfirmScreen
from ..modals.csv_import import ImportScreen
from ..modals.quote_compare import QuoteCompareScreen
from ..widgets.budget_table import BudgetTable


class AfternoonActions:
    """Needs from the screen: `pane`, `current()`, `budget_data`, `_said(message)`."""

    def action_receive(self) -> None:
        row = self.current()
        if row is None:
            return
        if row.status in ("received",):
            self.notify(f"Already received on {row.actual_on:%d/%m}", severity="warning")
            return
        self.app.push_screen(receive_form(row.id, row.description or row.po_number), self._said)

    def action_new_quote(self) -> None:
        row = self.current()
        self.app.push_screen(quote_form(row.project_code, row.need) if row else quote_form(), self._said_id("Devis recorded"))

    def action_compare(self) -> None:
        if (row := self.current()) is not None:
            self.app.push_screen(QuoteCompareScreen(row.need_id, row.id), self._accept_id)

    def action_accept(self) -> None:
        if (row := self.current()) is not None:
            self._accept_id(row.id)

    def _accept_id(self, quote_id: int | None) -> None:
        if quote_id is not None:
            self._check_accept(quote_id)

    @work(thread=True, exclusive=True, group="accept-check")
    def _check_accept(self, quote_id: int) -> None:
        try:
            warning = self.app.services.quotes.acceptance_warning(quote_id)
        except Exception as exc:  # noqa: BLE001 - a user error becomes a notification, anything else is logged
            self.app.call_from_thread(self.app.report_error, exc)
            return
        self.app.call_from_thread(self._confirm_accept, quote_id, warning)

    def _confirm_accept(self, quote_id: int, warning: str | None) -> None:
        if warning is None:
            self._accept(quote_id)
            return
        self.app.push_screen(ConfirmScreen("Accept this devis?", warning), lambda yes: self._accept(quote_id) if yes else None)

    def _accept(self, quote_id: int) -> None:
        self.app.run_write(lambda s: s.quotes.accept(quote_id, confirmed=True), on_done=self._said)

    def action_new_round(self) -> None:
        if (row := self.current()) is not None:
            self.app.run_write(lambda s: s.reviews.submit_round(row.id), on_done=self._said)

    def action_expense(self) -> None:
        project, line = self._line_context()
        self.app.push_screen(expense_form(project, line), self._said_id("Expense recorded"))

    def action_estimate(self) -> None:
        budget = self.query_one(BudgetTable)
        line_id = budget.current_line_id()
        if line_id is None:
            self.notify("Put the cursor on a budget line first", severity="warning")
            return
        figures = next(f for p in self.budget_data or () for f in p.lines if f.id == line_id)
        current = format_money(figures.estimate)
        self.app.push_screen(estimate_form(line_id, figures.name, current), self._said_id("Estimate changed"))

    def action_new_line(self) -> None:
        self.app.push_screen(budget_line_form(self._line_context()[0]), self._said_id("Budget line added"))

    def action_import_csv(self) -> None:
        self.app.push_screen(ImportScreen(self._line_context()[0]), self._said)

    def _line_context(self) -> tuple[str, str]:
        """(project code, line name) under the cursor, to prefill forms."""
        if self.pane == "expenses" and (row := self.current()) is not None:
            return row.project_code, row.line
        budget = self.query_one(BudgetTable)
        return budget.context()

    def action_new_vendor(self) -> None:
        self.app.push_screen(vendor_form(), self._said_id("Vendor added"))

    def action_edit_vendor(self) -> None:
        if (row := self.current()) is not None:
            self.app.push_screen(vendor_form(row), self._said_id("Vendor saved"))

    def _said_id(self, message: str):  # noqa: ANN202
        return lambda result: self.notify(message) if result else None

"""`h`: the days off that retro-planning skips; `n` adds one (a bridge day), `d` removes one (u undoes)."""

from __future__ import annotations

from datetime import date

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Static

from prodcom_tui.domain.dates import format_date

from ..format import plain
from ..widgets.keytable import KeyTable
from .form import FieldSpec, FormScreen


class HolidaysScreen(ModalScreen[None]):
    BINDINGS = [
        Binding("escape,q", "dismiss", "Close", id="holidays.close", tooltip="Close the holidays"),
        Binding("n", "add", "Add", id="holidays.add", tooltip="Add a day off"),
        Binding("d", "remove", "Remove", id="holidays.remove", tooltip="Remove the day under the cursor (u undoes)"),
    ]
    DEFAULT_CSS = """
    HolidaysScreen { align: center middle; }
    HolidaysScreen > Vertical { width: 70%; max-width: 80; height: 80%; border: thick $accent; background: $surface; padding: 0 1; }
    """

    def __init__(self) -> None:
        super().__init__()
        self.days: list[date] = []

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(Text("Holidays — plans skip these days and weekends", style="bold"))
            yield KeyTable(id="holiday-list")
            yield Static(Text("n add · d remove · esc close", style="dim"))

    def on_mount(self) -> None:
        self.query_one(KeyTable).add_columns("Day", "Holiday")
        self.reload()

    @work(thread=True, exclusive=True)
    def reload(self) -> None:
        days = self.app.services.planning.holiday_list()
        self.app.call_from_thread(self._show, days)

    def _show(self, days: list[tuple[date, str]]) -> None:
        table = self.query_one(KeyTable)
        row = table.cursor_row
        table.clear()
        self.days = [d for d, _ in days]
        table.add_rows((Text(f"{format_date(d)} {d.year}"), plain(label)) for d, label in days)
        if days:
            table.move_cursor(row=min(row, len(days) - 1))
        table.focus()

    def action_add(self) -> None:
        fields = [FieldSpec("day", "Day", placeholder="e.g. 2026-12-24, 24/12"), FieldSpec("label", "Name", placeholder="e.g. Pont de Noël")]
        form = FormScreen("Add a day off", fields, lambda s, v: s.planning.add_holiday(v["day"], v["label"]))
        self.app.push_screen(form, lambda _: self.reload())

    def action_remove(self) -> None:
        if not self.days:
            return
        day = self.days[self.query_one(KeyTable).cursor_row]
        self.app.run_write(lambda s: s.planning.remove_holiday(day), on_done=lambda _: self.reload())

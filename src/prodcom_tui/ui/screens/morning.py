"""Mode 1, the morning review: what is due today or overdue."""

from __future__ import annotations

from typing import Any

from rich.text import Text
from textual.app import ComposeResult
from textual.widgets import Footer, Header, Static

from prodcom_tui.domain.views import TaskRow

from ..format import day, plain
from ..widgets.keytable import KeyTable
from .base import DataScreen

PRIORITY = {1: Text("high", style="bold"), 2: Text("normal"), 3: Text("low", style="dim")}


class MorningScreen(DataScreen):
    CSS_PATH = "morning.tcss"

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("Due today and overdue", classes="pane-title")
        yield KeyTable(id="tasks-due")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one(KeyTable).add_columns("Due", "Project", "Task", "Who", "Priority", "Status")

    def fetch(self, services: Any) -> list[TaskRow]:
        return services.overview.tasks_due()

    def show(self, rows: list[TaskRow]) -> None:
        table = self.query_one(KeyTable)
        table.clear()
        today = self.app.today
        table.add_rows(
            (day(r.due_on, today), plain(r.project_code), plain(r.title), plain(r.assignee), PRIORITY[r.priority], Text(r.status))
            for r in rows
        )
        title = f"Due today and overdue — {len(rows)} task{'s' if len(rows) != 1 else ''}"
        self.query_one(".pane-title", Static).update(title)

"""Mode 3, the evening: live projects and how far along they are."""

from __future__ import annotations

from typing import Any

from rich.text import Text
from textual.app import ComposeResult
from textual.widgets import Footer, Header, Static

from prodcom_tui.domain.views import ProjectRow

from ..format import day, plain
from ..widgets.keytable import KeyTable
from .base import DataScreen


def bar(pct: int, width: int = 10) -> Text:
    filled = round(pct * width / 100)
    return Text("█" * filled + "░" * (width - filled) + f" {pct:>3} %")


class EveningScreen(DataScreen):
    CSS_PATH = "evening.tcss"

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("Live projects", classes="pane-title")
        yield KeyTable(id="projects")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one(KeyTable).add_columns("Project", "Name", "Client", "Delivery", "Tasks", "Done")

    def fetch(self, services: Any) -> list[ProjectRow]:
        return services.overview.projects()

    def show(self, rows: list[ProjectRow]) -> None:
        table = self.query_one(KeyTable)
        table.clear()
        table.add_rows(
            (plain(r.code), plain(r.name), plain(r.client), day(r.delivery_on, self.app.today),
             Text(f"{r.tasks_done}/{r.tasks_total}", justify="right"), bar(r.done_pct))
            for r in rows
        )

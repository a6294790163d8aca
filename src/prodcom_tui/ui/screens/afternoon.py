"""Mode 2, the afternoon: budget lines of live projects with committed and actual spend."""

from __future__ import annotations

from typing import Any

from textual.app import ComposeResult
from textual.widgets import Footer, Header, Static

from prodcom_tui.domain.views import BudgetLineRow

from ..format import money, pct, plain
from ..widgets.keytable import KeyTable
from .base import DataScreen


class AfternoonScreen(DataScreen):
    CSS_PATH = "afternoon.tcss"

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("Budget lines of live projects", classes="pane-title")
        yield KeyTable(id="budget-lines")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one(KeyTable).add_columns("Project", "Line", "Estimate", "Committed", "Actual", "Remaining", "Used")

    def fetch(self, services: Any) -> list[BudgetLineRow]:
        return services.overview.budget_lines()

    def show(self, rows: list[BudgetLineRow]) -> None:
        table = self.query_one(KeyTable)
        table.clear()
        table.add_rows(
            (plain(r.project_code), plain(r.name), money(r.estimate), money(r.committed), money(r.actual),
             money(r.remaining, "bold red" if r.remaining.minor < 0 else ""), pct(r.used_pct))
            for r in rows
        )

"""The windowed table alone over `--rows` in-memory rows: key latency of the widget without any screen."""

from __future__ import annotations

import sys
from dataclasses import dataclass

from textual.app import App, ComposeResult
from textual.screen import Screen

from prodcom_tui.domain.paging import ListSource
from prodcom_tui.ui.app import tune_gc
from prodcom_tui.ui.band_compositor import BandCompositor
from prodcom_tui.ui.format import plain
from prodcom_tui.ui.widgets.table_pane import TablePane
from prodcom_tui.ui.widgets.windowed_table import Column


@dataclass(frozen=True)
class Row:
    id: int
    name: str
    vendor: str
    amount: str


COLUMNS = [Column("#", lambda r: plain(str(r.id)), 7, "right"), Column("What", lambda r: plain(r.name)),
           Column("Vendor", lambda r: plain(r.vendor), 24), Column("Amount", lambda r: plain(r.amount), 12, "right")]


class TableScreen(Screen):
    """A screen drawn by prodcom's compositor, as the morning's and the afternoon's are (ui/screens/base.py):
    the windowed table is on no other screen in the app."""

    def __init__(self, rows: list[Row]) -> None:
        super().__init__()
        self._compositor = BandCompositor()
        self.rows = rows

    def compose(self) -> ComposeResult:
        yield TablePane("table ready", COLUMNS, id="rows")

    def on_mount(self) -> None:
        table = self.query_one(TablePane).table
        table.set_source(ListSource(self.rows, key=lambda r: f"{r.name} {r.vendor}"))
        table.focus()


class TableOnly(App):
    def __init__(self, rows: int) -> None:
        super().__init__()
        vendors = ["Coursiers de Pantin", "Atelier Offset", "Traductions Babel", "Motion Factory"]
        self.rows = [Row(i, f"expense line {i} for the client", vendors[i % 4], f"{i * 37 % 10000},{i % 100:02d} €")
                     for i in range(rows)]

    def get_default_screen(self) -> Screen:
        return TableScreen(self.rows)

    def on_mount(self) -> None:
        # prodcom's own collector settings (ProdcomApp does the same when it mounts): the row measures
        # the widget as it runs inside prodcom, not Python's default young scans every 700 allocations.
        tune_gc("start")


if __name__ == "__main__":
    TableOnly(int(sys.argv[1]) if len(sys.argv) > 1 else 50_000).run()

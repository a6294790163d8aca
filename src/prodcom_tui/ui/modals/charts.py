"""`c` on a project: open tasks over time (burndown) and spend to date against the estimate."""

from __future__ import annotations

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from prodcom_tui.domain.charts import Series
from prodcom_tui.domain.money import Money, format_money

from ..format import plain
from ..widgets.chart import BlockChart


class ChartScreen(ModalScreen[None]):
    BINDINGS = [Binding("escape,q,c", "dismiss", "Close", id="charts.close", tooltip="Close the charts")]
    DEFAULT_CSS = """
    ChartScreen { align: center middle; }
    ChartScreen > VerticalScroll { width: 95%; max-width: 150; height: auto; max-height: 95%;
        border: thick $accent; background: $surface; padding: 0 1; }
    """

    def __init__(self, project_id: int, title: str, currency: str = "EUR") -> None:
        super().__init__()
        self.project_id, self.title_text, self.currency = project_id, title, currency

    def compose(self) -> ComposeResult:
        with VerticalScroll():
            yield Static(plain(self.title_text, "bold"))
            yield BlockChart(rows=7, id="burndown")
            yield BlockChart(rows=7, fmt=self._money, id="spend")
            yield Static(Text("Bars turn red where spend passes the estimate (┄). esc closes.", style="dim"))

    def on_mount(self) -> None:
        self.query_one("#burndown", BlockChart).update(Text("Loading…", style="dim"))
        self._load()

    @work(thread=True, exclusive=True)
    def _load(self) -> None:
        series = self.app.services.report.charts(self.project_id)
        self.app.call_from_thread(self._show, series)

    def _show(self, series: tuple[Series, Series] | None) -> None:
        if series is None:
            self.query_one("#burndown", BlockChart).update(Text("This project no longer exists."))
            return
        self.query_one("#burndown", BlockChart).plot(series[0])
        self.query_one("#spend", BlockChart).plot(series[1])

    def _money(self, minor: int) -> str:
        return format_money(Money(int(minor), self.currency))

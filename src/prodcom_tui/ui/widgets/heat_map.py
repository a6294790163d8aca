"""A 5×5 likelihood × impact grid with the count of open risks written in each cell."""

from __future__ import annotations

from rich.console import Group
from rich.table import Table
from rich.text import Text
from textual.widgets import Static

from prodcom_tui.domain.risks import IMPACT_WORDS, SCALE, level

# Colour only repeats what the number and the legend already say.
STYLES = {"high": "bold white on #a33a32", "medium": "bold black on #d9a441", "low": "black on #7fae7a"}


class HeatMap(Static):
    """Rows are impact (5 at the top), columns likelihood; each cell shows how many open risks sit there."""

    DEFAULT_CSS = """
    HeatMap { height: auto; width: auto; padding: 0 1; }
    """

    def __init__(self, *args, **kwargs) -> None:  # noqa: ANN002, ANN003
        super().__init__(*args, **kwargs)
        self.counts: dict[tuple[int, int], int] = {}

    def set_counts(self, counts: dict[tuple[int, int], int]) -> None:
        self.counts = dict(counts)
        self.update(self.grid())

    def grid(self) -> Group:
        table = Table.grid(padding=(0, 0))
        table.add_column(width=12, justify="right")
        for _ in SCALE:
            table.add_column(width=5, justify="center")
        table.add_row(Text("impact", style="dim"), *(Text("") for _ in SCALE))
        for impact in reversed(SCALE):
            cells = [self._cell(likelihood, impact) for likelihood in SCALE]
            table.add_row(Text(f"{IMPACT_WORDS[impact]} {impact} ", style="dim"), *cells)
        table.add_row(Text("likelihood →", style="dim"), *(Text(str(n), style="dim") for n in SCALE))
        total = sum(self.counts.values())
        legend = Text.assemble(
            (f"{total} open  ", "bold"), ("≥15 high", STYLES["high"]), " ", ("8-14 medium", STYLES["medium"]), " ",
            ("<8 low", STYLES["low"]),
        )
        return Group(table, legend)

    def _cell(self, likelihood: int, impact: int) -> Text:
        n = self.counts.get((likelihood, impact), 0)
        style = STYLES[level(likelihood * impact)]
        return Text(f"{n:^5}" if n else "  ·  ", style=style if n else style.replace("bold ", "") + " dim")

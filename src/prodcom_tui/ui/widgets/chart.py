"""A bar chart drawn with block characters: one column per day, eighths of a cell for precision."""

from __future__ import annotations

from collections.abc import Callable

from rich.text import Text
from textual.widgets import Static

from prodcom_tui.domain.charts import Series

BLOCKS = " ▁▂▃▄▅▆▇█"


class BlockChart(Static):
    """Draws a Series; a dotted line marks its reference (the estimate) when it has one."""

    DEFAULT_CSS = """
    BlockChart { height: auto; padding: 0 1; }
    """

    def __init__(self, rows: int = 8, fmt: Callable[[int], str] = str, **kwargs) -> None:  # noqa: ANN003
        super().__init__(**kwargs)
        self.rows, self.fmt = rows, fmt

    def plot(self, series: Series) -> None:
        self.update(self.render_series(series))

    def render_series(self, series: Series) -> Text:
        top = max([*series.values, series.reference or 0, 1])
        ref_row = None if series.reference is None else min(self.rows - 1, int(series.reference * self.rows / top))
        out = Text()
        out.append(f"{series.title}", style="bold")
        last = self.fmt(series.values[-1]) if series.values else "—"
        out.append(f"  now {last}" + (f" · estimate {self.fmt(series.reference)}" if series.reference else "") + "\n")
        for row in reversed(range(self.rows)):
            label = self.fmt(top) if row == self.rows - 1 else "0" if row == 0 else ""
            out.append(f"{label:>12} │", style="dim")
            out.append_text(self._line(series.values, row, top, ref_row == row, series.reference, self.rows))
            out.append("\n")
        out.append(" " * 13 + "└" + "─" * len(series.values) + "\n", style="dim")
        if series.days:
            first, end = series.days[0].strftime("%d %b"), series.days[-1].strftime("%d %b")
            out.append(" " * 14 + first + " " * max(1, len(series.values) - len(first) - len(end)) + end, style="dim")
        return out

    @staticmethod
    def _line(values: tuple[int, ...], row: int, top: int, is_ref: bool, ref: int | None, rows: int) -> Text:
        line = Text()
        for v in values:
            eighths = round(v * rows * 8 / top) - row * 8
            cell = BLOCKS[max(0, min(8, eighths))]
            over = ref is not None and v > ref
            if cell == " " and is_ref:
                line.append("┄", style="bold yellow")
            else:
                line.append(cell, style="red" if over else "#5b8fd0")
        return line

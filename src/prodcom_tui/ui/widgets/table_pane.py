"""A titled pane around a WindowedTable, with `/` to filter it in SQL as you type."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Static

from .filterable import Filterable
from .pane_frame import FRAMED, AlikeInside
from .windowed_table import Column, WindowedTable


# (least width, labels of the columns kept at that width or None for all), widest first.
Levels = tuple[tuple[int, tuple[str, ...] | None], ...]


class TablePane(AlikeInside, Filterable, Vertical):
    """Title line, a filter box that appears on `/` (see Filterable), and the table."""

    BINDINGS = [
        Binding("slash", "filter", "Filter", id="pane.filter", tooltip="Filter this list (as you type; esc clears)"),
    ]
    DEFAULT_CSS = """
    TablePane { height: 1fr; border: round $panel; }
    TablePane > .pane-title { height: 1; padding: 0 1; text-style: bold; }
    TablePane > .filter-box { display: none; height: 3; }
    TablePane.-filtering > .filter-box { display: block; }
    """

    def __init__(self, title: str, columns: list[Column], *, empty: str = "Nothing here.", id: str | None = None,
                 levels: Levels = ()) -> None:
        super().__init__(id=id, classes=FRAMED)
        self.title = title
        self.all_columns, self.levels = columns, levels
        self.table = WindowedTable(columns, empty=empty)

    def fit(self, width: int) -> None:
        """Show fewer columns as the pane gets thinner, keeping the ones a producer reads first."""
        if not self.levels:
            return
        keep = next((cols for least, cols in self.levels if width >= least), None)
        self.table.columns = [c for c in self.all_columns if keep is None or c.label in keep]
        self.table.refresh()

    def on_resize(self, event) -> None:  # noqa: ANN001
        self.fit(event.size.width)

    def compose(self) -> ComposeResult:
        yield Static(Text(self.title), classes="pane-title")
        yield self.table

    def set_title(self, title: str) -> None:
        self.title = title
        self.query_one(".pane-title", Static).update(Text(title))

    @property
    def filter_target(self):  # noqa: ANN201
        return self.table

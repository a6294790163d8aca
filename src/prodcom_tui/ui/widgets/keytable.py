"""A DataTable that answers to the same movement keys as every other pane."""

from __future__ import annotations

from rich.text import Text
from textual.binding import Binding
from textual.widgets import DataTable

from .focus_cells import FocusKeepsCells

MIN_FLEX = 12  # the flexible column never narrower than this: the table scrolls sideways instead


class KeyTable(FocusKeepsCells, DataTable):
    """For lists that stay small (under ~1,000 rows); big lists use the windowed table."""

    BINDINGS = [
        Binding("j", "cursor_down", "Down", show=False, id="table.down", tooltip="Move the cursor down"),
        Binding("k", "cursor_up", "Up", show=False, id="table.up", tooltip="Move the cursor up"),
        Binding("g", "scroll_top", "Top", show=False, id="table.top", tooltip="Go to the first row"),
        Binding("G", "scroll_bottom", "Bottom", show=False, id="table.bottom", tooltip="Go to the last row"),
    ]

    DEFAULT_CSS = """
    KeyTable {
        height: 1fr;
        /* DataTable tints itself 5 % when focused, which changes every cell it draws (focus_cells.py):
           focus shows on the pane's lit frame and the cursor's colours, as for the other lists. */
        &:focus { background-tint: 0%; & > .datatable--header { background-tint: 0%; } }
    }
    """

    def __init__(self, *args, **kwargs) -> None:  # noqa: ANN002, ANN003
        kwargs.setdefault("cursor_type", "row")
        kwargs.setdefault("zebra_stripes", True)
        super().__init__(*args, **kwargs)
        self._flex_rows: list[tuple] = []  # the rows held, for laying the columns out again on a resize

    def _update_dimensions(self, new_rows) -> None:  # noqa: ANN001
        """DataTable measures new rows' columns when its queue next runs dry, but its line cache is not
        keyed by the columns' widths: a line drawn in between (a busy machine draws a frame first) came
        back with the columns at their labels' widths ("• T", "VERA-P") until something else changed.
        When the measure changes a width, the cached lines go."""
        before = [column.get_render_width(self) for column in self.ordered_columns]
        super()._update_dimensions(new_rows)
        if [column.get_render_width(self) for column in self.ordered_columns] != before:
            self._clear_caches()
            self.refresh()

    # --- a column that takes the width left -------------------------------------------------

    _flex: tuple[tuple[str, int | None], ...] = ()  # (label, fixed width or None) for each column
    _flex_label = ""

    def flex_columns(self, columns: list[tuple[str, int | None]], flex: str) -> None:
        """Columns as (label, width or None for the content's width); `flex` takes the width the others
        leave, so its long cells end in an ellipsis at the pane's edge instead of running off it."""
        self._flex, self._flex_label = tuple(columns), flex
        self._lay_out()

    def fill(self, rows: list[tuple]) -> None:
        """The rows in place of the old ones, the cursor kept on the same line (or the last)."""
        cursor = self.cursor_row
        if self._flex:
            self._flex_rows = list(rows)
            self._lay_out()
        else:
            self.clear()
        self.add_rows(rows)
        if rows:
            self.move_cursor(row=min(cursor, len(rows) - 1))

    def on_resize(self) -> None:
        if self._flex:
            self.fill(self._flex_rows)

    def _lay_out(self) -> None:
        """Columns again with the widths that fit the rows held and the table's width."""
        self.clear(columns=True)
        widths = [w if w is not None else _content_width(label, i, self._flex_rows)
                  for i, (label, w) in enumerate(self._flex)]
        pad = 2 * self.cell_padding
        flex_at = [label for label, _ in self._flex].index(self._flex_label)
        others = sum(w + pad for i, w in enumerate(widths) if i != flex_at)
        # Rows beyond the height bring the vertical scrollbar, which takes its width from the columns.
        bar = self.styles.scrollbar_size_vertical if len(self._flex_rows) > self.content_region.height - 1 else 0
        left = self.content_region.width - bar - others - pad
        widths[flex_at] = max(left, MIN_FLEX)
        for (label, _), width in zip(self._flex, widths):
            self.add_column(label, width=width)


def _content_width(label: str, index: int, rows: list[tuple]) -> int:
    """What DataTable's automatic width would be: the widest of the label and the column's cells."""
    cells = (row[index] for row in rows)
    return max([len(label), *((c.cell_len if isinstance(c, Text) else len(str(c))) for c in cells)])

"""A table that renders only the rows on screen, fetching windows of a SQL query as the view moves.

Textual's DataTable measures every cell of every row (1.4 s for 10k rows); this one never holds
more than a few blocks of rows, so it starts and scrolls in constant time whatever the table size.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual import work
from textual.binding import Binding
from textual.geometry import Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from prodcom_tui.domain.paging import RowSource

BLOCK = 200  # rows fetched per query; a screen shows at most ~70
KEEP_BLOCKS = 8  # blocks kept in memory, least recently used dropped first


@dataclass(frozen=True)
class Column:
    label: str
    render: Callable[[Any], Text]
    width: int | None = None  # None: share the width left over by fixed columns
    justify: str = "left"


class WindowedTable(ScrollView, can_focus=True):
    """Rows come from a RowSource; `x` marks rows, `enter` selects, the cursor survives reloads."""

    BINDINGS = [
        Binding("down,j", "move(1)", "Down", show=False, id="table.down", tooltip="Move the cursor down"),
        Binding("up,k", "move(-1)", "Up", show=False, id="table.up", tooltip="Move the cursor up"),
        Binding("pagedown", "page(1)", "Page down", show=False, id="table.page_down", tooltip="One screen down"),
        Binding("pageup", "page(-1)", "Page up", show=False, id="table.page_up", tooltip="One screen up"),
        Binding("home,g", "jump(0)", "First", show=False, id="table.first", tooltip="Go to the first row"),
        Binding("end,G", "jump(-1)", "Last", show=False, id="table.last", tooltip="Go to the last row"),
        Binding("enter", "select", "Open", id="table.open", tooltip="Open the row under the cursor"),
        Binding("x", "mark", "Mark", id="table.mark", tooltip="Mark the row; the next action applies to every marked row"),
    ]
    DEFAULT_CSS = """
    WindowedTable { height: 1fr; background: $surface; overflow-x: hidden; }
    WindowedTable > .windowed-table--header { text-style: bold; background: $panel; }
    WindowedTable > .windowed-table--cursor { background: $accent; color: $text; }
    WindowedTable:focus { background-tint: $foreground 3%; }
    """
    COMPONENT_CLASSES = {"windowed-table--header", "windowed-table--cursor", "windowed-table--marked"}

    cursor = reactive(0, always_update=True, init=False)

    @dataclass
    class Highlighted(Message):
        table: "WindowedTable"
        row: Any

    @dataclass
    class Selected(Message):
        table: "WindowedTable"
        row: Any

    def __init__(self, columns: list[Column], *, empty: str = "Nothing here.", id: str | None = None,
                 classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.columns, self.empty = columns, empty
        self.source: RowSource | None = None
        self.filter_text = ""
        self.row_count = 0
        self.marked: set[Any] = set()
        self._blocks: OrderedDict[int, list[Any]] = OrderedDict()
        self._pending: set[int] = set()
        self._generation = 0
        self._loaded = False

    # --- data -------------------------------------------------------------------------------

    def set_source(self, source: RowSource, *, keep_cursor: bool = True) -> None:
        """Point the table at a (new) query and load it; the cursor stays on the same row id if it can."""
        self.source = source
        self.reload(keep_cursor=keep_cursor)

    def set_filter(self, text: str) -> None:
        self.filter_text = text
        self.reload(keep_cursor=False)

    def reload(self, *, keep_cursor: bool = True) -> None:
        if self.source is None:
            return
        self._generation += 1
        current = self.current_row if keep_cursor else None
        near = self.cursor if keep_cursor else 0
        self._load_first(self._generation, self.source, self.filter_text, near, current)

    @work(thread=True, exclusive=True, group="window-first")
    def _load_first(self, generation: int, source: RowSource, text: str, near: int, current: Any) -> None:
        count = source.count(text)
        start = max(0, min(near, max(count - 1, 0)) // BLOCK * BLOCK)
        rows = source.window(text, start, BLOCK)
        self.app.call_from_thread(self._first_loaded, generation, count, start, rows, current, near)

    def _first_loaded(self, generation: int, count: int, start: int, rows: list[Any], current: Any, near: int) -> None:
        if generation != self._generation:
            return
        self._blocks.clear()
        self._pending.clear()
        self._blocks[start // BLOCK] = rows
        self.row_count, self._loaded = count, True
        self.virtual_size = Size(0, count + 1)
        self.cursor = self._index_of(current, start, rows, near)
        self.refresh()

    def _index_of(self, current: Any, start: int, rows: list[Any], near: int) -> int:
        """Where the row that was under the cursor is now, else the same position clamped."""
        key = getattr(current, "id", None)
        for offset, row in enumerate(rows):
            if key is not None and getattr(row, "id", None) == key:
                return start + offset
        return self._clamp(near)

    def row_at(self, index: int) -> Any | None:
        """The row at `index` if its block is loaded; otherwise asks for the block and returns None."""
        if not 0 <= index < self.row_count:
            return None
        block = index // BLOCK
        rows = self._blocks.get(block)
        if rows is None:
            self._request(block)
            return None
        self._blocks.move_to_end(block)
        offset = index - block * BLOCK
        return rows[offset] if offset < len(rows) else None

    def _request(self, block: int) -> None:
        if block in self._pending or self.source is None:
            return
        self._pending.add(block)
        self._load_block(self._generation, self.source, self.filter_text, block)

    @work(thread=True, group="window-block")
    def _load_block(self, generation: int, source: RowSource, text: str, block: int) -> None:
        rows = source.window(text, block * BLOCK, BLOCK)
        self.app.call_from_thread(self._block_loaded, generation, block, rows)

    def _block_loaded(self, generation: int, block: int, rows: list[Any]) -> None:
        self._pending.discard(block)
        if generation != self._generation:
            return
        self._blocks[block] = rows
        while len(self._blocks) > KEEP_BLOCKS:
            self._blocks.popitem(last=False)
        self.refresh()
        if block == self.cursor // BLOCK:
            self._announce()

    @property
    def current_row(self) -> Any | None:
        return self.row_at(self.cursor) if self.row_count else None

    @property
    def marked_or_current(self) -> list[Any]:
        """The marked row ids, or the id of the row under the cursor (what the next action applies to)."""
        if self.marked:
            return sorted(self.marked)
        row = self.current_row
        return [row.id] if row is not None else []

    def clear_marks(self) -> None:
        self.marked.clear()
        self.refresh()

    # --- movement ---------------------------------------------------------------------------

    def watch_cursor(self, old: int, new: int) -> None:
        self._scroll_to_cursor()
        self.refresh()
        self._announce()

    def _announce(self) -> None:
        row = self.current_row
        if row is not None:
            self.post_message(self.Highlighted(self, row))

    def _scroll_to_cursor(self) -> None:
        visible = max(self.size.height - 1, 1)
        top = int(self.scroll_y)
        if self.cursor < top:
            self.scroll_to(y=self.cursor, animate=False, immediate=True)
        elif self.cursor >= top + visible:
            self.scroll_to(y=self.cursor - visible + 1, animate=False, immediate=True)

    def _clamp(self, index: int) -> int:
        return max(0, min(index, self.row_count - 1)) if self.row_count else 0

    def action_move(self, step: int) -> None:
        self.cursor = self._clamp(self.cursor + step)

    def action_page(self, direction: int) -> None:
        self.cursor = self._clamp(self.cursor + direction * max(self.size.height - 2, 1))

    def action_jump(self, where: int) -> None:
        self.cursor = self._clamp(where if where >= 0 else self.row_count - 1)

    def action_select(self) -> None:
        row = self.current_row
        if row is not None:
            self.post_message(self.Selected(self, row))

    def action_mark(self) -> None:
        row = self.current_row
        if row is None:
            return
        self.marked.symmetric_difference_update({row.id})
        self.action_move(1)
        self.refresh()

    def on_click(self, event) -> None:  # noqa: ANN001
        if event.y >= 1:
            self.cursor = self._clamp(int(self.scroll_y) + event.y - 1)

    # --- rendering --------------------------------------------------------------------------

    def _widths(self, total: int) -> list[int]:
        fixed = sum(c.width for c in self.columns if c.width) + len(self.columns) + 1
        flex = [c for c in self.columns if not c.width]
        share = max((total - fixed) // max(len(flex), 1), 6)
        return [c.width or share for c in self.columns]

    def _line(self, cells: list[Text], widths: list[int], style: Style, mark: str) -> Strip:
        text = Text(mark, no_wrap=True)
        for cell, width, column in zip(cells, widths, self.columns):
            piece = cell.copy()
            piece.truncate(width, overflow="ellipsis")
            if column.justify == "right":
                piece.pad_left(width - piece.cell_len)
            else:
                piece.pad_right(width - piece.cell_len)
            text.append_text(piece)
            text.append(" ")
        segments = list(text.render(self.app.console))
        return Strip(segments).adjust_cell_length(self.size.width, style).apply_style(style)

    def render_line(self, y: int) -> Strip:
        width = self.size.width
        widths = self._widths(width - 2)
        if y == 0:
            header = [Text(c.label, justify=c.justify) for c in self.columns]
            return self._line(header, widths, self.get_component_rich_style("windowed-table--header"), "  ")
        index = int(self.scroll_y) + y - 1
        if not self._loaded or index >= self.row_count:
            message = self.empty if self._loaded and self.row_count == 0 and y == 1 else ""
            return Strip([Segment(message.ljust(width)[:width], Style(dim=True))])
        row = self.row_at(index)
        if row is None:
            return Strip([Segment("…".ljust(width), Style(dim=True))])
        style = self.get_component_rich_style("windowed-table--cursor") if index == self.cursor and self.has_focus else (
            Style(reverse=True) if index == self.cursor else Style())
        mark = "● " if row.id in self.marked else "  "
        return self._line([c.render(row) for c in self.columns], widths, style, mark)

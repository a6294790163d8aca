"""A table that renders only the rows on screen, fetching windows of a SQL query as the view moves.

Textual's DataTable measures every cell of every row (1.4 s for 10k rows); this one never holds
more than a few blocks of rows, so it starts and scrolls in constant time whatever the table size.
"""

from __future__ import annotations

from collections import OrderedDict
from dataclasses import dataclass
from typing import Any

from textual import work
from textual.binding import Binding
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView

from prodcom_tui.domain.paging import RowSource

from .quick_scrollbar import QuickScrollBar
from .row_count import LowerBoundCount
from .table_drawing import TableDrawing
from .table_lines import Column, LineCache

__all__ = ["BLOCK", "Column", "WindowedTable"]

BLOCK = 200  # rows fetched per query; a screen shows at most ~70
KEEP_BLOCKS = 8  # blocks kept in memory, least recently used dropped first


class WindowedTable(TableDrawing, LowerBoundCount, ScrollView, can_focus=True):
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
    """
    COMPONENT_CLASSES = {"windowed-table--header", "windowed-table--cursor", "windowed-table--marked"}

    cursor = reactive(0, always_update=True, init=False, repaint=False)  # watch_cursor repaints what changed
    block_size = BLOCK

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
        self._columns = list(columns)
        self.empty = empty
        self.source: RowSource | None = None
        self.filter_text = ""
        self.row_count = 0
        self.marked: set[Any] = set()
        self._blocks: OrderedDict[int, list[Any]] = OrderedDict()
        self._pending: set[tuple[int, int]] = set()  # (generation, block) being fetched
        self._generation = 0
        self._loaded = False
        self._first_in = False  # this query's first window has landed
        self._stale = False  # the filter changed: the rows held belong to the previous query
        self._lines = LineCache()
        self._prerender_due = False
        self._baked: tuple = ()  # the component styles the cached lines were drawn with

    @property
    def vertical_scrollbar(self) -> QuickScrollBar:
        """Textual's own property, with a scrollbar that draws its lines directly (quick_scrollbar.py)."""
        if self._vertical_scrollbar is None:
            self._vertical_scrollbar = bar = QuickScrollBar(vertical=True, name="vertical",
                                                            thickness=self.scrollbar_size_vertical)
            bar.display = False
            self.app._start_widget(self, bar)
        return self._vertical_scrollbar

    @property
    def columns(self) -> list[Column]:
        return self._columns

    @columns.setter
    def columns(self, columns: list[Column]) -> None:
        self._columns = list(columns)
        self._lines.clear()
        self.refresh()

    # --- data -------------------------------------------------------------------------------

    def set_source(self, source: RowSource, *, keep_cursor: bool = True) -> None:
        """Point the table at a (new) query and load it; the cursor stays on the same row id if it can."""
        self.source = source
        self.reload(keep_cursor=keep_cursor)

    def set_filter(self, text: str) -> None:
        """Filter in SQL; until the new rows arrive none of the old ones is shown or acted on."""
        if text == self.filter_text and self._loaded:
            return
        self.filter_text = text
        self._stale = True
        self.refresh()
        self.reload(keep_cursor=False)

    def reload(self, *, keep_cursor: bool = True) -> None:
        if self.source is None:
            return
        self._generation += 1
        self.reset_count()
        current = self._peek(self.cursor) if keep_cursor and not self._stale else None
        near = self.cursor if keep_cursor and not self._stale else 0
        self._first_in = False
        self._load_first(self._generation, self.source, self.filter_text, near, current)
        # Counted beside the window (row_count.py); wasted only when the window turns out short.
        self._count_first(self._generation, self.source, self.filter_text, near // BLOCK * BLOCK)

    @work(thread=True, exclusive=True, group="window-first")
    def _load_first(self, generation: int, source: RowSource, text: str, near: int, current: Any) -> None:
        """The window around the cursor (what the eye waits for); a short one is also the count."""
        if generation != self._generation:
            return  # a newer keystroke or reload came in before this one started
        start = near // BLOCK * BLOCK
        rows = source.window(text, start, BLOCK)
        count = start + len(rows) if len(rows) < BLOCK else None
        if not rows and start:  # the list shrank below the cursor: find where it ends now
            count = source.count(text)
            start = max(count - 1, 0) // BLOCK * BLOCK
            rows = source.window(text, start, BLOCK)
        self.app.call_from_thread(self._first_loaded, generation, start, rows, count, current, near)

    def _first_loaded(self, generation: int, start: int, rows: list[Any], count: int | None, current: Any,
                      near: int) -> None:
        if generation != self._generation:
            return
        self._blocks.clear()
        self._blocks[start // BLOCK] = rows
        self._loaded, self._stale, self._first_in = True, False, True
        if count is not None or not self._counted:  # a count that landed first knows more than a full window
            self._set_count(count if count is not None else start + len(rows))
        self.cursor = self._index_of(current, start, rows, near)  # its watcher also schedules the pre-render
        self.refresh()
        if count is not None or self._counted:  # all there is, or the count came first: nothing to wait for
            self._counted = True
            self.data_landed()

    def _index_of(self, current: Any, start: int, rows: list[Any], near: int) -> int:
        """Where the row that was under the cursor is now, else the same position clamped."""
        key = getattr(current, "id", None)
        if key is not None:
            for offset, row in enumerate(rows):
                if row.id == key:
                    return start + offset
        return self._clamp(near)

    def _peek(self, index: int) -> Any | None:
        """The row at `index` if its block is held, without asking for it."""
        rows = self._blocks.get(index // BLOCK)
        offset = index % BLOCK
        return rows[offset] if rows is not None and offset < len(rows) else None

    def row_at(self, index: int) -> Any | None:
        """The row at `index` if its block is loaded; otherwise asks for the block and returns None."""
        if self._stale or not 0 <= index < self.row_count:
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
        key = (self._generation, block)
        if key in self._pending or self.source is None or block in self._blocks or block < 0:
            return
        if block * BLOCK >= self.row_count:
            return
        self._pending.add(key)
        self._load_block(self._generation, self.source, self.filter_text, block)

    @work(thread=True, group="window-block")
    def _load_block(self, generation: int, source: RowSource, text: str, block: int) -> None:
        if generation != self._generation:
            return
        rows = source.window(text, block * BLOCK, BLOCK)
        self.app.call_from_thread(self._block_loaded, generation, block, rows)

    def _block_loaded(self, generation: int, block: int, rows: list[Any]) -> None:
        self._pending.discard((generation, block))
        if generation != self._generation or self._stale:
            return
        self._blocks[block] = rows
        while len(self._blocks) > KEEP_BLOCKS:
            self._blocks.popitem(last=False)
        self._refresh_rows(block * BLOCK, (block + 1) * BLOCK)  # only its rows in view; one fetched ahead has none
        self._schedule_prerender()
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
        top = int(self.scroll_y)
        self._scroll_to_cursor()
        if int(self.scroll_y) == top:  # no scroll: only the two lines whose look changed
            self._refresh_row(old)
            self._refresh_row(new)
        self._prefetch(new)
        self.count_further(new)
        self._schedule_prerender()
        self._announce()

    def _prefetch(self, index: int) -> None:
        """Ask for the blocks a page away so paging rarely shows a row still loading."""
        if self._stale:
            return
        page = max(self.size.height, 1)
        for block in {(index - page) // BLOCK, (index + 2 * page) // BLOCK}:
            self._request(block)

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

    def action_select(self) -> None:
        row = self.current_row
        if row is not None:
            self.post_message(self.Selected(self, row))

    def action_mark(self) -> None:
        row = self.current_row
        if row is None:
            return
        self.marked.symmetric_difference_update({row.id})
        self._refresh_row(self.cursor)
        self.action_move(1)

    def on_click(self, event) -> None:  # noqa: ANN001
        if event.y >= 1:
            self.cursor = self._clamp(int(self.scroll_y) + event.y - 1)

    def on_focus(self) -> None:
        self._refresh_row(self.cursor)
        self._schedule_prerender()

    def on_blur(self) -> None:
        self._refresh_row(self.cursor)

"""How the windowed table draws: lines from a cache, a page above and below drawn ahead of need."""

from __future__ import annotations

from itertools import chain
from typing import Any

from rich.style import Style
from rich.text import Text
from textual.strip import Strip

from .direct_lines import DirectLines
from .focus_tint import FocusTint
from .table_lines import MARK, NO_MARK, blank, row_strip, widths

PLAIN, CURSOR, CURSOR_FOCUSED = 0, 1, 2  # how a row line is drawn (part of its cache key)
REVERSE = Style(reverse=True)  # the cursor row of a table without focus
PRERENDER_AFTER = 0.004  # seconds after a frame before the pages around it are drawn ahead


class TableDrawing(DirectLines, FocusTint):
    """Mixed into WindowedTable, which holds the rows, the cursor and the line cache."""

    def _schedule_prerender(self) -> None:
        """Only for the focused table: without focus it is not paged (while a filter is typed, its box has it)."""
        if not self._prerender_due and self.has_focus:
            self._prerender_due = True
            # Not at once after the frame: Textual writes a frame from a thread of its own, which then
            # waited for the GIL while the pages were drawn (the table alone, pagedown p50 17 -> 13 ms).
            self.call_after_refresh(self._prerender_soon)

    def _prerender_soon(self) -> None:
        # A bound method, not call_after_refresh(self.set_timer, …): Textual wraps extra arguments in a new
        # partial, and counts its parameters with inspect.signature at each call (~4 % of a pagedown).
        self.set_timer(PRERENDER_AFTER, self._prerender)

    def _prerender(self) -> None:
        """After the frame is out, draw a page below and above the view so paging finds its lines ready."""
        self._prerender_due = False
        width, visible = self.size.width, max(self.size.height - 1, 1)
        top = int(self.scroll_y)
        for index in chain(range(top + visible, top + 2 * visible), range(top - visible, top)):
            row = self._peek(index) if 0 <= index < self.row_count and index != self.cursor else None
            if row is not None and not self._stale:
                key = (row, PLAIN, row.id in self.marked)
                if self._lines.get(key, width) is None:
                    self._lines.put(key, self._render_row(row, PLAIN, key[2], width))

    def notify_style_update(self) -> None:
        """A theme change restyles the component colours baked into the cached lines: draw them again.

        Focus moving in or out also lands here (FocusTint sets the tint), but the tint is laid over the lines
        afterwards, so the cache stays unless the header or cursor colours really changed.
        """
        baked = self._baked_styles()
        if not baked or baked != self._baked:
            self._baked = baked
            self._lines.clear()
        super().notify_style_update()

    def _baked_styles(self) -> tuple:
        try:
            return (self.get_component_rich_style("windowed-table--header"),
                    self.get_component_rich_style("windowed-table--cursor"))
        except KeyError:  # not styled yet (still mounting): nothing cached either
            return ()

    def _note_baked(self) -> None:
        """Called before a line is cached: lines drawn before the first style update that finds the styles
        (the rows land before it at start) were drawn with these colours, and that update must keep them.
        It emptied the cache instead, and the first tab into each table drew every row in view again."""
        if not self._baked:
            self._baked = self._baked_styles()

    def _refresh_row(self, index: int) -> None:
        """Repaint the one line of row `index`, if it is in view (row_count's _refresh_rows)."""
        self._refresh_rows(index, index + 1)

    def render_line(self, y: int) -> Strip:
        width = self.size.width
        if y == 0:
            return self._header(width)
        index = int(self.scroll_y) + y - 1
        if self._stale or not self._loaded or index >= self.row_count:
            empty = self._loaded and not self._stale and self.row_count == 0 and y == 1
            return blank(width, self.empty if empty else "")
        row = self.row_at(index)
        if row is None:
            return blank(width, "…")
        state = (CURSOR_FOCUSED if self.has_focus else CURSOR) if index == self.cursor else PLAIN
        key = (row, state, row.id in self.marked)
        return self._lines.get(key, width) or self._lines.put(key, self._render_row(row, state, key[2], width))

    def _header(self, width: int) -> Strip:
        key = (None, PLAIN, False)  # no row is None
        cached = self._lines.get(key, width)
        if cached is None:
            self._note_baked()
            cells = [Text(c.label) for c in self._columns]
            style = self.get_component_rich_style("windowed-table--header")
            strip = row_strip(cells, self._columns, widths(self._columns, width - 2), NO_MARK, self.app.console, width, style)
            cached = self._lines.put(key, strip)
        return cached

    def _render_row(self, row: Any, state: int, marked: bool, width: int) -> Strip:
        self._note_baked()
        style = (self.get_component_rich_style("windowed-table--cursor") if state == CURSOR_FOCUSED
                 else REVERSE if state == CURSOR else None)
        cells = [c.render(row) for c in self._columns]
        sizes = widths(self._columns, width - 2)
        return row_strip(cells, self._columns, sizes, MARK if marked else NO_MARK, self.app.console, width, style,
                         over=state == CURSOR_FOCUSED)

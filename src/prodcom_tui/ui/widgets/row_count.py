"""How many rows a windowed table has, counted only as far as the person looks.

Counting every expense that matches a common word scans the whole table (~130 ms on `large`
for each keystroke of a filter), while the first screenful costs ~5 ms. So a filtered table
first counts up to COUNT_STEP past its window and treats that as "at least"; it counts further
when the cursor nears the end of what is counted, and exactly when `end` asks for the last row.

The first count runs beside the first window, not after it: both are SQLite scans that leave the GIL
free, so on two cores a filter keystroke waits for the slower of the two instead of their sum
(~12 ms each on `huge`).
"""

from __future__ import annotations

from typing import Any

from textual import work
from textual.geometry import Region, Size
from textual.widget import Widget

COUNT_STEP = 1000  # rows counted past the first window before the count is "at least"


class LowerBoundCount:
    """Mixed into WindowedTable, which provides the generation, source, filter, rows and scrolling."""

    _at_least = False  # row_count is a lower bound: more rows may match than were counted
    _counting = False  # a further count is on its way
    _counted = False  # this query's count is known: from its first count, or from a short first window
    _end_wanted = False  # `end` was pressed while the count was only a lower bound

    @work(thread=True, exclusive=True, group="window-count")
    def _count_first(self, generation: int, source: Any, text: str, start: int) -> None:
        """Beside the first window: count to COUNT_STEP past it (a lower bound when the cap is reached)."""
        if generation != self._generation:
            return
        cap = start + COUNT_STEP
        found = source.count(text, cap)
        self.app.call_from_thread(self._first_count_loaded, generation, found, found >= cap)

    def _first_count_loaded(self, generation: int, count: int, at_least: bool) -> None:
        """A window shorter than a block was the whole list, and its count is exact: this one then changes
        nothing, and landing it again would draw an extra frame (caught by tests/ui/test_prompt_frames.py)."""
        if not self._counted:
            self.count_loaded(generation, count, at_least)

    def count_loaded(self, generation: int, count: int, at_least: bool = False) -> None:
        if generation != self._generation:
            return
        self._at_least, self._counting, self._counted = at_least, False, True
        self._set_count(count)
        if self._first_in:  # else the first window, when it lands, says the data is complete
            self.data_landed()
        if self._end_wanted and at_least:
            self.count_further(count, exact=True)  # a step of counting was already on its way: now the rest
        elif self._end_wanted:
            self._end_wanted = False
            self.cursor = max(count - 1, 0)

    def _set_count(self, count: int) -> None:
        """The scrollbar's thumb, and the lines in view that the new count fills in or leaves blank.

        Textual's `virtual_size` asks for a layout of the whole screen, though here only the scrollbar
        depends on it: it is set quietly and the scrollbars updated (a layout still follows when the
        scrollbar appears or goes). That was a third of a filter keystroke's frames.
        """
        old, self.row_count = self.row_count, count
        size = Size(0, count + 1)
        self.set_reactive(Widget.virtual_size, size)
        self._scroll_update(size)
        if old != count:
            self._refresh_rows(min(old, count), max(old, count) + 1)

    def _refresh_rows(self, start: int, end: int) -> None:
        """Repaint the lines of rows start..end-1 that are in view (line 0 is the header)."""
        top = int(self.scroll_y)
        first, last = max(start, top), min(end, top + self.size.height - 1)
        if first < last:
            self.refresh(Region(0, first - top + 1, self.size.width, last - first))

    def data_landed(self) -> None:
        """The screen draws it as soon as a frame may be, when it knows how (ui/screens/prompt_frames.py).

        A widget's repaint reaches the screen as a message the widget posts when its own queue is next
        idle, which can come after the screen has drawn: the table and its scrollbar post theirs now.
        """
        landed = getattr(self.screen, "data_landed", None)
        if landed is not None:
            for widget in (self, getattr(self, "_vertical_scrollbar", None)):
                if widget is not None:
                    widget._check_refresh()
            landed()

    def reset_count(self) -> None:
        """A new query: whatever was being counted belongs to the old one."""
        self._at_least = self._counting = self._end_wanted = self._counted = False

    def count_further(self, index: int, *, exact: bool = False) -> None:
        """Near the end of what is counted (or `end` pressed): count on, or to the end when `exact`."""
        if not self._at_least or self._counting or self.source is None:
            return
        if not exact and index < self.row_count - 2 * self.block_size:
            return
        self._counting = True
        cap = None if exact else self.row_count * 2
        self._count_more(self._generation, self.source, self.filter_text, cap)

    @work(thread=True, exclusive=True, group="window-count")
    def _count_more(self, generation: int, source: Any, text: str, cap: int | None) -> None:
        if generation != self._generation:
            return
        found = source.count(text, cap)
        self.app.call_from_thread(self.count_loaded, generation, found, cap is not None and found >= cap)

    def action_jump(self, where: int) -> None:
        # The last row is not known yet (counted only "at least" so far, or the first count is still on its
        # way beside a full window): go there once it is counted.
        if where < 0 and (self._at_least or not self._counted):
            self._end_wanted = True
            self.count_further(self.row_count, exact=True)
            return
        self.cursor = self._clamp(where if where >= 0 else self.row_count - 1)

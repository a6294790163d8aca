"""A DataTable's drawn cells kept when the focus moves or its pane is shown again: only the cursor changes.

Textual's DataTable draws each cell through Rich (~0.3 ms a cell) and keeps the results in caches keyed
on the widget's pseudo-classes (focus included) and on a count of its resizes. Its focus rule tints the
whole table 5 %, which changes every cell's colours, and hiding a pane and showing it again resizes
the table twice. So each tab into a table drew every cell in view again: the afternoon's budget took
75-112 ms to its first frame at each tab into it on `large` (30 lines of 8 cells), where the other
panes take 13-31 ms.

Here (KeyTable) focus shows on the pane's lit frame and the cursor's colours only, as for the other
lists; the cursor's cells are the only ones drawn again when focus moves; a table shown again at the
size it had keeps everything; any other change of colours (a theme) empties every cache, as before.
"""

from __future__ import annotations

from textual import events
from textual.geometry import Size
from textual.widget import PseudoClasses, Widget

# What a cell off the cursor is drawn with, besides the table's own style (DataTable's component classes).
UNFOCUSED_LOOK = ("datatable--header", "datatable--fixed", "datatable--odd-row", "datatable--even-row",
                  "datatable--hover", "datatable--header-hover")


class FocusKeepsCells:
    """Mixed into KeyTable, before DataTable (whose private caches it trims: see the canary test)."""

    _look: tuple = ()  # the colours the cached cells off the cursor were drawn with
    _drawn_size: Size | None = None  # the size the table was last drawn at

    def get_pseudo_class_state(self) -> PseudoClasses:
        # Out of the caches' keys: focus changes only the cursor's cells, dropped below.
        return super().get_pseudo_class_state()._replace(focus=False)  # type: ignore[misc]

    def _on_focus(self, _: events.Focus) -> None:
        self._drop_cursor_cells()

    def _on_blur(self, _: events.Blur) -> None:
        self._drop_cursor_cells()

    def _on_resize(self, event: events.Resize) -> None:
        # Shown again as it was: DataTable's handler, after this one in the MRO, would only count a change
        # into its caches' keys. (KeyTable's own on_resize comes before and still runs.)
        if event.size == self._drawn_size:
            event.prevent_default()
            return
        self._drawn_size = event.size

    def notify_style_update(self) -> None:
        look = self._unfocused_look()
        if not look or look != self._look:
            self._look = look
            super().notify_style_update()  # type: ignore[misc]  # DataTable's: every cache emptied
            return
        Widget.notify_style_update(self)  # type: ignore[arg-type]
        self._drop_cursor_cells()

    def _drop_cursor_cells(self) -> None:
        cells = self._cell_render_cache  # type: ignore[attr-defined]
        for key in [key for key in cells.keys() if key[3]]:  # (row, column, base style, cursor, …)
            cells.discard(key)
        self._row_render_cache.clear()  # type: ignore[attr-defined]  # put together again from the cells
        self._line_cache.clear()  # type: ignore[attr-defined]
        self._styles_cache.clear()  # type: ignore[attr-defined]
        self._get_styles_to_render_cell.cache_clear()  # type: ignore[attr-defined]
        self.refresh()  # type: ignore[attr-defined]

    def _unfocused_look(self) -> tuple:
        try:
            return (self.rich_style, *(self.get_component_rich_style(name) for name in UNFOCUSED_LOOK))  # type: ignore[attr-defined]
        except KeyError:  # not styled yet
            return ()

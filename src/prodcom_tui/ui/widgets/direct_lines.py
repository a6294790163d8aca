"""A line-API widget's lines handed to the compositor as drawn, when its box adds nothing to them.

Textual passes every line a widget draws through its style cache (borders, padding, outline, tint,
opacity), which rebuilds the line through a dozen checks and a new Strip even when none of those
apply, then runs the app's line filters over it. For a table whose box adds nothing, the same lines
come out of this in one step: the windowed table alone, pagedown p50 ~13 -> ~11.5 ms and ~1 ms less
CPU a key, its p95 unchanged (bench/table_app.py in a pseudo-terminal, seven runs alternated with the
code before).

The filters make a new Strip each frame, as Textual's cache does, rather than `Strip.apply_filter`,
which keeps the filtered copy (and the compositor's cuts of it) on the table's cached line: those
copies lived as long as the line cache, every older-generation garbage collection walked them, and
one pagedown in sixteen took 30-66 ms.

Only for a box with no border, outline, padding, tint, opacity or hatch, where Textual's pipeline
returns the line unchanged (tests/ui/test_direct_lines.py compares both, segment for segment, in
every state of a table); anything else goes Textual's way.
"""

from __future__ import annotations

from textual.geometry import Region
from textual.strip import Strip


class DirectLines:
    """Mixed into a Widget that draws with `render_line` (the windowed table)."""

    def render_lines(self, crop: Region) -> list[Strip]:
        if not self._adds_nothing():
            return super().render_lines(crop)  # type: ignore[misc]
        width = self.size.width  # type: ignore[attr-defined]
        lines = [self.render_line(y) for y in crop.line_range]  # type: ignore[attr-defined]
        if any(line.cell_length != width for line in lines):  # Textual would pad or cut it
            return super().render_lines(crop)  # type: ignore[misc]
        inner = self.background_colors[1]  # type: ignore[attr-defined]
        for line_filter in self.get_line_filters():  # type: ignore[attr-defined]
            lines = [Strip(line_filter.apply(line._segments, inner), line.cell_length) for line in lines]
        if crop.column_span != (0, width):
            lines = [line.crop(crop.x, crop.right) for line in lines]
        return lines

    def _adds_nothing(self) -> bool:
        """What Textual's style cache would pass through as it is (textual/_styles_cache.py, render_line)."""
        styles = self.styles  # type: ignore[attr-defined]
        hover = self.hover_style  # type: ignore[attr-defined]
        return (not self.BLANK  # type: ignore[attr-defined]
                and not any(edge for edge, _ in styles.border) and not any(edge for edge, _ in styles.outline)
                and not any(styles.padding) and not styles.tint.a
                and self.opacity == 1 and styles.text_opacity == 1  # type: ignore[attr-defined]
                and (not styles.has_rule("hatch") or styles.hatch == "none")
                and not (self.auto_links and hover.link_id))  # type: ignore[attr-defined]

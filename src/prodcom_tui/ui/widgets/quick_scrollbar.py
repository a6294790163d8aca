"""The windowed table's scrollbar: Textual's, drawn straight from its segments.

Textual draws a scrollbar like any widget: a Rich renderable turned into lines, then each line
through the widget's style pipeline. For the 33 cells of a table's bar that took ~6 ms a frame
(more than the table's own rows), and every page or filter moves the thumb. The same segments
are put into lines directly here, with the same base style and line filters, so it looks and
clicks the same (a Pilot test compares the two line by line).
"""

from __future__ import annotations

from rich.color import Color
from rich.segment import Segment
from textual.geometry import Region
from textual.scrollbar import ScrollBar, ScrollBarRender
from textual.strip import Strip


class QuickScrollBar(ScrollBar):
    _last: tuple = ((), [])  # (what the lines were drawn from, the whole bar's lines): asked for every frame

    def render_lines(self, crop: Region) -> list[Strip]:
        bar = self.render()
        if not self.vertical or type(bar) is not ScrollBarRender:  # a renderer set by someone else: Textual's way
            return super().render_lines(crop)
        background = self.background_colors[1]
        key = (self.size, bar.virtual_size, bar.window_size, bar.position, bar.style,
               self.visual_style.rich_style, background, tuple(self.get_line_filters()))
        if key != self._last[0]:
            self._last = (key, self._draw(bar, key[5], background, key[7]))
        # The whole bar is kept and cut here: the data screens' compositor asks for a few lines at a time
        # (ui/band_compositor.py), and a cache keyed by the crop missed on nearly every frame.
        lines = self._last[1][crop.y : crop.bottom]
        return lines if crop.width == self.size.width else [line.crop(crop.x, crop.right) for line in lines]

    def _draw(self, bar: ScrollBarRender, base, background, filters) -> list[Strip]:  # noqa: ANN001
        """What ScrollBarRender's __rich_console__ yields for this size, one Strip per line."""
        width, height = self.size
        segments = bar.render_bar(size=height, virtual_size=bar.virtual_size, window_size=bar.window_size,
                                  position=bar.position, thickness=width, vertical=True,
                                  back_color=bar.style.bgcolor or Color.parse("#555555"),
                                  bar_color=bar.style.color or Color.parse("bright_magenta")).segments
        lines = []
        for segment in segments:
            strip = Strip([Segment(segment.text, base + segment.style)], width)
            for line_filter in filters:
                strip = strip.apply_filter(line_filter, background)
            lines.append(strip)
        return lines

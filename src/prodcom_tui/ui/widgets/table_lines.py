"""Turning rows into terminal lines for the windowed table, and remembering them.

Rendering a row (Text per cell, truncate, pad, split into segments) costs far more than a dict
look-up, so each line is kept until its row, its state or the table's width or style changes:
moving the cursor re-renders two lines, scrolling by one re-renders one.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from rich.console import Console
from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual.strip import Strip

MAX_LINES = 600  # about ten screens of a tall terminal; beyond that the cache starts over
MARK, NO_MARK = "● ", "  "


@dataclass(frozen=True)
class Column:
    label: str
    render: Callable[[Any], Text]
    width: int | None = None  # None: share the width left over by fixed columns
    justify: str = "left"


def widths(columns: Sequence[Column], total: int) -> list[int]:
    """Fixed columns keep their width; the others share what is left (at least 6 cells each)."""
    fixed = sum(c.width for c in columns if c.width) + len(columns) + 1
    flex = sum(1 for c in columns if not c.width)
    share = max((total - fixed) // max(flex, 1), 6)
    return [c.width or share for c in columns]


def row_text(cells: Sequence[Text], columns: Sequence[Column], sizes: Sequence[int], mark: str) -> Text:
    """One line of text: cells cut or padded to their column; the caller's Text objects are never changed."""
    line = Text(mark, no_wrap=True, end="")
    for cell, width, column in zip(cells, sizes, columns):
        if cell.cell_len > width:
            cell = cell.copy()  # truncate works in place, and renderers may share Text constants
            cell.truncate(width, overflow="ellipsis")
        gap = width - cell.cell_len
        if column.justify == "right":
            line.append(" " * gap)
            line.append_text(cell)
        else:
            line.append_text(cell)
            line.append(" " * gap)
        line.append(" ")
    return line


def to_strip(line: Text, console: Console, width: int, style: Style) -> Strip:
    strip = Strip(list(line.render(console)))
    return strip.adjust_cell_length(width, style).apply_style(style) if style else strip.adjust_cell_length(width)


def blank(width: int, message: str = "") -> Strip:
    return Strip([Segment(message[:width].ljust(width), Style(dim=True))], width)


class LineCache:
    """Rendered lines keyed by (row index, state); emptied whenever what they show may differ."""

    def __init__(self) -> None:
        self._lines: dict[tuple[int, int, bool], Strip] = {}
        self.width = -1

    def get(self, key: tuple[int, int, bool], width: int) -> Strip | None:
        if width != self.width:
            self._lines.clear()
            self.width = width
            return None
        return self._lines.get(key)

    def put(self, key: tuple[int, int, bool], strip: Strip) -> Strip:
        if len(self._lines) >= MAX_LINES:
            self._lines.clear()
        self._lines[key] = strip
        return strip

    def clear(self) -> None:
        self._lines.clear()

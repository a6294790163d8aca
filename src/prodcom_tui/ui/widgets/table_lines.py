"""Turning rows into terminal lines for the windowed table, and remembering them.

Rendering a row (Text per cell, truncate, pad, split into segments) costs far more than a dict
look-up, so each line is kept until its row, its state or the table's width or style changes:
moving the cursor re-renders two lines, scrolling by one re-renders one.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from rich.cells import cell_len
from rich.console import Console
from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual.strip import Strip

MAX_LINES = 600  # about ten screens of a tall terminal; beyond that the oldest lines go
MARK, NO_MARK = "● ", "  "
NULL = Style.null()


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


def _fit(cell: Text, width: int, justify: str, console: Console) -> list[Segment]:
    """The general case: a copy of the cell (renderers may share Text constants) cut, padded, rendered."""
    piece = cell.copy()
    piece.plain = piece.plain.replace("\n", " ")
    piece.truncate(width, overflow="ellipsis")
    if justify == "right":
        piece.pad_left(width - piece.cell_len)
    else:
        piece.pad_right(width - piece.cell_len)
    line = Text(end="")
    line.append_text(piece)  # its own style becomes a span: Text.render ignores a bare base style
    return list(line.render(console))


def quick_to_measure(text: str) -> bool:
    """Whether Rich measures `text` in one set look-up (Latin letters, accents included, are below U+0300;
    Rich's set also holds a few other blocks, which this check leaves to the slow side).

    Most other characters (€, —, …, ’) send the whole string down Rich's character-by-character path
    (~20 µs for a 100-cell line against ~2 µs). Rich remembers the widths of recent short strings, but
    the lines a page brings are new, and Textual measures each one again as it cuts and filters it. A
    cell holding one is kept in a segment of its own, so only that short piece takes the slow path:
    on `pagedown` over 50,000 expenses (amounts in €) ~2 ms of the compositor's 12 a key.
    """
    return not text or max(text) < "\u0300"


def row_strip(cells: Sequence[Text], columns: Sequence[Column], sizes: Sequence[int], mark: str,
              console: Console, width: int, style: Style | None, *, over: bool = False) -> Strip:
    """A row as one line of segments: cells cut or padded to their column, a space after each.

    `style` lies under the cells' own colours, or with `over` on top of them: the cursor row's colours
    win, since a cell's green or yellow on the cursor's amber could not be read.
    """
    runs = _runs(cells, columns, sizes, mark, console)
    # Measured as Textual will measure it, segment by segment (a variation selector or joiner changes a
    # width only within one string), then padded and styled in place: one Strip with its length given
    # rather than three, each with seven small caches.
    drawn = sum(cell_len(segment.text) for segment in runs)
    if drawn > width:  # a terminal narrower than the columns: Textual's own cut
        runs = list(Strip(runs, drawn).adjust_cell_length(width))
    elif drawn < width:
        runs.append(Segment(" " * (width - drawn)))
    if style is not None:
        runs = list(Segment.apply_style(runs, post_style=style) if over else Segment.apply_style(runs, style))
    else:
        # A segment without a style breaks Textual's opacity pass (textual/_opacity.py reads style.color):
        # a table under a faded container crashed the app. The null style draws the same.
        runs = [segment if segment.style is not None else Segment(segment.text, NULL, segment.control) for segment in runs]
    return Strip(runs, width)


def _runs(cells: Sequence[Text], columns: Sequence[Column], sizes: Sequence[int], mark: str,
          console: Console) -> list[Segment]:
    """The row's segments, neighbours of one style sharing one.

    A cell without spans or overflow (most of them) becomes its text directly, skipping Text.render,
    which is most of the cost of drawing a line. Each segment costs again in every frame (cut, filtered
    and written by Textual's compositor), but a piece slow to measure keeps its own (quick_to_measure).
    """
    runs: list[Segment] = []
    text, run_style, quick_run = mark, None, quick_to_measure(mark)
    for cell, size, column in zip(cells, sizes, columns):
        plain = cell.plain
        # Rich measures widths character by character; printable ASCII (most cells) is one cell a character.
        cells_wide = len(plain) if plain.isascii() and plain.isprintable() else cell.cell_len
        if cell.spans or cells_wide > size or "\n" in plain:
            pieces = _fit(cell, size, column.justify, console)
        else:
            gap = " " * (size - cells_wide)
            pieces = [Segment(gap + plain if column.justify == "right" else plain + gap,
                              console.get_style(cell.style) if cell.style else None)]
        pieces.append(Segment(" "))
        for piece in pieces:
            if piece.style == run_style and quick_run and quick_to_measure(piece.text):
                text += piece.text
            else:
                runs.append(Segment(text, run_style))
                text, run_style, quick_run = piece.text, piece.style, quick_to_measure(piece.text)
    runs.append(Segment(text, run_style))
    return runs


def blank(width: int, message: str = "") -> Strip:
    return Strip([Segment(message[:width].ljust(width), Style(dim=True))], width)


class LineCache:
    """Rendered lines keyed by (row, state, marked), emptied when the width, columns or colours change.

    Keyed by the row's value, not its place: rows are frozen dataclasses (domain/paging.py), so a row
    draws the same line wherever it sits and whichever query brought it. Typing a filter keeps most
    rows of the previous keystroke's screen, and erasing it brings back rows drawn before: those lines
    are found here instead of drawn again (each row is ~0.25 ms of a filter keystroke's frame).
    """

    def __init__(self) -> None:
        self._lines: dict[tuple[Any, int, bool], Strip] = {}
        self.width = -1

    def get(self, key: tuple[Any, int, bool], width: int) -> Strip | None:
        if width != self.width:
            self._lines.clear()
            self.width = width
            return None
        line = self._lines.pop(key, None)
        if line is not None:  # to the back of the queue: the rows on screen are the last to go
            self._lines[key] = line
        return line

    def put(self, key: tuple[Any, int, bool], strip: Strip) -> Strip:
        lines = self._lines
        while len(lines) >= MAX_LINES:  # the least recently used first (dicts keep insertion order)
            del lines[next(iter(lines))]
        lines[key] = strip
        return strip

    def clear(self) -> None:
        self._lines.clear()

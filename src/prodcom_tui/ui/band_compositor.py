"""A compositor that draws only the lines a frame changes, not the whole box around them.

Textual's partial update takes the box around all of a frame's dirty regions, and asks every visible
widget overlapping it for all of its lines, even where no line of the box changes. A tab on the
morning dirties the two frames' edges, two tables and the key bar, whose box is nearly the whole
screen. Here the dirty lines are grouped into runs, and each widget is asked only for its lines in
each run. What is written does not change: the same spans, cut at the same places
(tests/ui/test_band_compositor.py compares both on the four modes, with and without a toast).

On `large` at 120x36 in a pseudo-terminal, the drawing of a frame (Compositor.render_update) fell from
~12 to ~10.5 ms a tab, and from ~9.2 to ~8.2 ms a pagedown in the expenses.

A widget every cut of whose lines in a run is already filled by widgets in front is not asked at all:
the screen and the grid behind the morning's panes drew a full-width line each for every line of a
run, all of it thrown away (a tab: ~0.5-1 ms of CPU less, five runs alternated with the code before).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from textual._compositor import ChopsUpdate, Compositor
from textual.geometry import Region
from textual.strip import Strip


def line_runs(lines: Iterable[int]) -> Iterator[tuple[int, int]]:
    """(first, end) of each run of consecutive line numbers, in order."""
    start = end = None
    for y in sorted(set(lines)):
        if start is not None and y == end:
            end += 1
            continue
        if start is not None:
            yield start, end
        start, end = y, y + 1
    if start is not None:
        yield start, end


class BandCompositor(Compositor):
    def render_partial_update(self) -> ChopsUpdate | None:
        update_regions = self._dirty_regions.copy()
        self._dirty_regions.clear()
        if not update_regions:
            return None
        spans = list(self._regions_to_spans(update_regions))
        chops: list[dict[int, Strip | None]] = [dict.fromkeys(cut_set[:-1]) for cut_set in self.cuts]
        screen = self.size.region
        for first, end in line_runs(y for y, _, _ in spans):
            self._paint_band(chops, Region(0, first, screen.width, end - first).intersection(screen))
        return ChopsUpdate(chops, spans, [cut_set[1:] for cut_set in self.cuts])

    def _paint_band(self, chops: list[dict[int, Strip | None]], band: Region) -> None:
        """Fill the chops of the lines in `band` front to back: the first strip a cut gets is the one seen."""
        cuts = self.cuts
        for widget, (region, clip) in self.visible_widgets.items():
            shown = region.intersection(clip).intersection(band)
            if not shown:
                continue
            first_cut, last_cut = shown.column_span
            line_cuts = [[cut for cut in cuts[y] if last_cut >= cut >= first_cut] for y in shown.line_range]
            if hidden(chops, shown, line_cuts):
                continue  # a container behind its panes: nothing to ask it
            strips = widget.render_lines(shown.translate((-region.x, -region.y)))
            x = shown.x
            for y, strip, at in zip(shown.line_range, strips, line_cuts):
                line = chops[y]
                offsets = [cut - x for cut in at[1:]]
                # Not strip.divide: for one piece it keeps `[self]` in the strip's cache (see `pieces`).
                for cut, piece in zip(at, pieces(strip, offsets)):
                    if line.get(cut) is None:
                        line[cut] = piece


def hidden(chops: list[dict[int, Strip | None]], shown: Region, line_cuts: list[list[int]]) -> bool:
    """Every cut `shown` starts on its lines is filled already by what is in front (its right edge, the last
    of its cuts, starts the next widget's piece, not its own)."""
    right = shown.right
    return all(chops[y].get(cut) is not None for y, at in zip(shown.line_range, line_cuts) for cut in at if cut < right)


def pieces(strip: Strip, offsets: list[int]) -> list[Strip]:
    """`strip` cut at `offsets` (its end included), as Strip.divide cuts it.

    Strip.divide returns one piece as `[self]` and keeps that list in the strip's own cache: a reference
    cycle that reference counting cannot free, made for every line of every frame. On `large` at 120x36,
    200 pagedowns in the expenses left enough of them for 13 young collections of ~11 ms and one of
    43 ms among the keys (the keys they fell on were the p95); with the strip passed whole, none ran,
    and the p95 fell from 22.6 to 17.5 ms (tests/ui/test_band_compositor.py counts what keys leave).
    """
    if offsets == [strip.cell_length]:
        return [strip]
    return strip.divide(offsets)

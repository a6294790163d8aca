"""A compositor that draws only the lines a frame changes, not the whole box around them.

Textual's partial update takes the box around all of a frame's dirty regions, and asks every visible
widget overlapping it for all of its lines, even where no line of the box changes. A tab on the
morning dirties the two frames' edges, two tables and the key bar, whose box is nearly the whole
screen. Here the dirty lines are grouped into runs, and each widget is asked only for its lines in
each run. What the terminal shows does not change: the same spans, cut at the same places, less only
Textual's cursor moves to pieces it then writes nothing of (tests/ui/test_band_compositor.py compares
both on the four modes, with and without a toast).

On `large` at 120x36 in a pseudo-terminal, the drawing of a frame (Compositor.render_update) fell from
~12 to ~10.5 ms a tab, and from ~9.2 to ~8.2 ms a pagedown in the expenses.

A widget is asked only for the lines where it starts a piece the update writes (one that meets a span)
and that no widget in front has filled. The screen and the grid behind the morning's panes drew a
full-width line each for every line of a run, all of it thrown away (a tab: ~0.5-1 ms of CPU less);
a frame's edges made every widget beside them on those lines draw too (Pilot, 40 tabs on `large`: the
frame's drawing 8.2 -> 7.7 ms a tab).
"""

from __future__ import annotations

from bisect import bisect_right
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
        written = written_cuts(self.cuts, spans)
        screen = self.size.region
        for first, end in line_runs(written):
            self._paint_band(chops, written, Region(0, first, screen.width, end - first).intersection(screen))
        return ChopsUpdate(chops, spans, [cut_set[1:] for cut_set in self.cuts])

    def _paint_band(self, chops: list[dict[int, Strip | None]], written: dict[int, list[int]], band: Region) -> None:
        """Fill the chops of the lines in `band` front to back: the first strip a cut gets is the one seen."""
        cuts = self.cuts
        for widget, (region, clip) in self.visible_widgets.items():
            shown = region.intersection(clip).intersection(band)
            if not shown:
                continue
            lines = wanted_lines(chops, written, shown)
            if not lines:
                continue  # behind what is in front, or beside every span of its lines: nothing of it is written
            first, end = lines[0], lines[-1] + 1
            shown = Region(shown.x, first, shown.width, end - first)
            strips = widget.render_lines(shown.translate((-region.x, -region.y)))
            x, right = shown.column_span
            for y, strip in zip(shown.line_range, strips):
                line = chops[y]
                at = [cut for cut in cuts[y] if right >= cut >= x]
                offsets = [cut - x for cut in at[1:]]
                # Not strip.divide: for one piece it keeps `[self]` in the strip's cache (see `pieces`).
                for cut, piece in zip(at, pieces(strip, offsets)):
                    if line.get(cut) is None:
                        line[cut] = piece


def written_cuts(cuts: list[list[int]], spans: list[tuple[int, int, int]]) -> dict[int, list[int]]:
    """For each line a span touches, the cuts whose pieces ChopsUpdate writes: those overlapping a span
    (x1 to x2, x2 excluded). The other pieces of the line are skipped when the update is written."""
    written: dict[int, list[int]] = {}
    for y, x1, x2 in spans:
        line = cuts[y]
        index = max(bisect_right(line, x1) - 1, 0)  # the piece x1 falls in
        at = written.setdefault(y, [])
        while index < len(line) - 1 and line[index] < x2:
            at.append(line[index])
            index += 1
    return written


def wanted_lines(chops: list[dict[int, Strip | None]], written: dict[int, list[int]], shown: Region) -> list[int]:
    """The lines of `shown` where it starts a written piece no widget in front has filled yet (a piece
    starting at its right edge is the next widget's)."""
    x, right = shown.column_span
    return [y for y in shown.line_range
            if any(x <= cut < right and chops[y].get(cut) is None for cut in written.get(y, ()))]


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

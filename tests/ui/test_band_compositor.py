"""The data screens' compositor writes exactly what Textual's own would, for any set of dirty regions."""

from __future__ import annotations

import gc
import random
import re

from textual._compositor import Compositor
from textual.geometry import Region

from prodcom_tui.ui.band_compositor import BandCompositor, line_runs, pieces

from afternoon_helpers import open_pane
from pilot_wait import settle


def test_line_runs_group_consecutive_lines() -> None:
    assert list(line_runs([5, 1, 2, 3, 9, 2, 10])) == [(1, 4), (5, 6), (9, 11)]
    assert list(line_runs([])) == []


def random_regions(rng: random.Random, width: int, height: int) -> set[Region]:
    """A few rectangles, thin and wide: frame edges, a cursor row, a whole pane."""
    regions = set()
    for _ in range(rng.randint(1, 5)):
        x, y = rng.randrange(width), rng.randrange(height)
        regions.add(Region(x, y, rng.randint(1, width - x), rng.randint(1, height - y)))
    return regions


# A cursor move followed by nothing but another move, a line feed or the end: Textual's ChopsUpdate moves to
# a piece that starts where a span ends and writes none of it. Such a move shows nothing on the terminal.
IDLE_MOVE = re.compile(r"\x1b\[\d+;\d+H(?=\x1b\[\d+;\d+H|\n|$)")


def written(compositor: Compositor, regions: set[Region], render, console) -> str:  # noqa: ANN001
    """What the update writes to the terminal, cursor moves that write nothing left out."""
    compositor._dirty_regions.clear()
    compositor._dirty_regions.update(regions)
    return IDLE_MOVE.sub("", render(compositor).render_segments(console))


async def test_every_update_matches_textuals_own(make_app, demo_path) -> None:
    rng = random.Random(20261127)
    app = make_app(demo_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app, pilot)
        # Each round moves the focus, the cursor or the mode, so the lines differ from round to round.
        rounds = (("tab",), ("j", "j"), ("tab", "pagedown"), ("2",), ("tab", "j"), ("3",), ("4",), ("1", "tab"))
        for index, keys in enumerate(rounds):
            await pilot.press(*keys)
            if index == len(rounds) - 1:  # a toast over the panes: a layer in front of them
                app.notify("Saved", timeout=30)
            await settle(app, pilot)
            compositor = app.screen._compositor
            assert isinstance(compositor, BandCompositor)
            width, height = compositor.size
            for _ in range(40):
                regions = random_regions(rng, width, height)
                band = written(compositor, regions, BandCompositor.render_partial_update, app.console)
                whole = written(compositor, regions, Compositor.render_partial_update, app.console)
                assert band == whole, sorted(regions)


async def test_a_container_hidden_behind_its_panes_is_not_asked_for_lines(make_app, demo_path) -> None:
    """A frame edge inside the panes: the grid and the screen behind them show nowhere on those lines,
    so drawing them (a full-width line each) would be thrown away."""
    app = make_app(demo_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app, pilot)
        screen, grid, pane = app.screen, app.screen.query_one("#morning-grid"), app.screen.query_one("#requests")
        asked: list[str] = []
        for widget in (screen, grid, pane):
            drawn = widget.render_lines

            def spy(crop, widget=widget, drawn=drawn):  # noqa: ANN001, ANN202
                asked.append(widget.id or type(widget).__name__)
                return drawn(crop)

            widget.render_lines = spy
        left = pane.region
        compositor = app.screen._compositor
        regions = {Region(left.x, left.y + 1, 1, left.height - 2)}  # the pane's left edge, inside its top and bottom
        band = written(compositor, regions, BandCompositor.render_partial_update, app.console)
        assert asked == ["requests"]
        assert band == written(compositor, regions, Compositor.render_partial_update, app.console)


def garbage_after(make) -> int:  # noqa: ANN001
    """Objects only the garbage collector could free once `make()` has run and its result is dropped."""
    gc.collect()
    gc.disable()
    try:
        make()
        return gc.collect()
    finally:
        gc.enable()


def test_one_piece_is_the_strip_itself_and_leaves_nothing_for_the_collector() -> None:
    from rich.segment import Segment
    from textual.strip import Strip

    segments = [Segment("abcdef"), Segment("ghij")]
    # A canary: why `pieces` exists. When a Textual upgrade stops caching [self], this fails and `pieces` can go.
    assert garbage_after(lambda: Strip(segments).divide([10])) > 0
    strip = Strip(segments, 10)
    assert pieces(strip, [10]) == [strip]
    assert garbage_after(lambda: pieces(Strip(segments), [10])) == 0
    for offsets in ([3, 10], [3, 7, 10], [6, 10]):
        assert [list(p) for p in pieces(strip, offsets)] == [list(p) for p in Strip(segments, 10).divide(offsets)]


async def test_tabbing_and_paging_leave_no_garbage_for_the_collector(make_app, demo_path) -> None:
    """Strip.divide keeps `[self]` in the strip's cache when it cuts one piece: a reference cycle for every
    line of every frame, which only the garbage collector frees. On `large`, 200 pagedowns ran 13 young
    collections of ~11 ms and one of 43 ms (the keys they fell on made the p95); with the strip passed
    whole, none ran. With the collector off, what eight keys leave behind is counted here."""
    app = make_app(demo_path)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(app, pilot)
        await open_pane(app, pilot, "expenses")
        for mode, key in (("1", "tab"), ("2", "pagedown")):
            await pilot.press(mode)
            await settle(app, pilot)
            for _ in range(8):  # lines cached since the screen was last drawn whole are drawn again once
                await pilot.press(key)
            await settle(app, pilot)
            gc.collect()
            gc.disable()
            try:
                for _ in range(8):
                    await pilot.press(key)
                    await pilot.pause()
                left = gc.collect()
            finally:
                gc.enable()
            # Before: ~4,900 objects after eight tabs; now 0-15 after either key.
            assert left < 500, (key, left)

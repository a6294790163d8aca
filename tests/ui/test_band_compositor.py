"""The data screens' compositor writes exactly what Textual's own would, for any set of dirty regions."""

from __future__ import annotations

import random

from textual._compositor import Compositor
from textual.geometry import Region

from prodcom_tui.ui.band_compositor import BandCompositor, line_runs

from morning_helpers import settle


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


def written(compositor: Compositor, regions: set[Region], render, console) -> str:  # noqa: ANN001
    compositor._dirty_regions.clear()
    compositor._dirty_regions.update(regions)
    return render(compositor).render_segments(console)


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

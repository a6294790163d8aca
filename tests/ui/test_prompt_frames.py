"""A filtered table's rows and count reach the terminal when they land, not at Textual's next timer slot.

Textual's update timer is held still here, so any frame drawn comes from ui/screens/prompt_frames.py.
"""

from __future__ import annotations

import asyncio
from time import monotonic

from textual.app import App, ComposeResult
from textual.screen import Screen
from textual.timer import Timer

from prodcom_tui.domain.paging import ListSource
from prodcom_tui.ui.screens.prompt_frames import PromptFrames
from prodcom_tui.ui.widgets.table_pane import TablePane
from prodcom_tui.ui.widgets.windowed_table import WindowedTable

from test_windowed_table import COLUMNS, SIZE, items
from pilot_wait import settle


async def wait(app: App, seconds: float = 0.1) -> None:
    """Until the workers are done and their messages handled; not `pilot.pause()`, which draws a frame itself."""
    await app.workers.wait_for_complete()
    await asyncio.sleep(seconds)


class FramedScreen(PromptFrames, Screen):
    def compose(self) -> ComposeResult:
        yield TablePane("Items", COLUMNS, empty="No item.", id="items")

    def on_mount(self) -> None:
        self.query_one(WindowedTable).set_source(ListSource(items(600), key=lambda r: r.name))


class Host(App):
    def on_mount(self) -> None:
        self.push_screen(FramedScreen())


def frames_of(screen, monkeypatch) -> list[tuple[int, str]]:  # noqa: ANN001
    """Each frame drawn from now on, as (row count, first row shown); Textual's own timer no longer ticks."""
    monkeypatch.setattr(Timer, "resume", lambda self: None)
    table, drawn, draw = screen.query_one(WindowedTable), [], screen._on_timer_update

    def recorded() -> None:
        draw()
        drawn.append((table.row_count, table.render_line(1).text.strip()))

    monkeypatch.setattr(screen, "_on_timer_update", recorded)
    return drawn


async def test_rows_and_count_are_drawn_as_they_land(monkeypatch) -> None:  # noqa: ANN001
    app = Host()
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        screen = app.screen
        drawn = frames_of(screen, monkeypatch)
        screen.query_one(WindowedTable).set_filter("blue")  # 400 rows: the count lands after them
        await wait(app)
        assert drawn and drawn[-1] == (400, "1 item 00001 blue")
        assert not screen._dirty_widgets  # the scrollbar's new thumb went out with the count
        screen.query_one(WindowedTable).set_filter("00042")  # one row: the count comes with it
        await wait(app)
        assert drawn[-1] == (1, "42 item 00042 red")
        # Without a landing, nothing draws while Textual's timer is held: the frames above came from it.
        drawn.clear()
        screen.query_one(TablePane).styles.background = "red"
        await wait(app)
        assert drawn == []


async def test_data_landing_within_a_frame_interval_waits_for_it_then_draws(monkeypatch) -> None:  # noqa: ANN001
    app = Host()
    async with app.run_test(size=SIZE):
        await wait(app)
        screen = app.screen
        drawn = frames_of(screen, monkeypatch)
        screen._last_frame = monotonic() + 1.0  # as if the last frame were a second in the future
        screen.query_one(WindowedTable).set_filter("blue")
        await wait(app)
        assert drawn == []  # booked for when the interval is up, not drawn
        deadline = monotonic() + 10
        while not drawn and monotonic() < deadline:
            await asyncio.sleep(0.05)
        assert drawn and drawn[-1][0] == 400

"""The shell's first frame comes before the morning's panes: what that holds back, and what it must not lose."""

from __future__ import annotations

import subprocess
import sys

from textual.app import App

from prodcom_tui.ui.messages import Loaded
from prodcom_tui.ui.screens.base import DataScreen

PANE_MODULES = ("prodcom_tui.ui.widgets.windowed_table", "prodcom_tui.ui.widgets.timeline",
                "prodcom_tui.ui.widgets.requests_pane", "prodcom_tui.domain.roadblocks")


def test_the_panes_code_is_not_imported_before_the_first_frame() -> None:
    code = ("import sys, prodcom_tui.cli.main, prodcom_tui.ui.app; "
            f"print([m for m in {PANE_MODULES!r} if m in sys.modules])")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]", out.stdout


class Held(DataScreen):
    """A screen whose panes are 'not mounted yet': it holds what loads, and its keys do nothing."""

    BINDINGS = [("z", "zap", "Zap")]

    def __init__(self) -> None:
        super().__init__()
        self.shown: list[object] = []
        self.zapped = 0

    def on_mount(self) -> None:
        self.hold_data()

    def show(self, data: object) -> None:
        self.shown.append(data)

    def action_zap(self) -> None:
        self.zapped += 1


async def test_data_loaded_before_the_panes_is_shown_once_they_are_there() -> None:
    screen = Held()
    app = App()
    async with app.run_test() as pilot:
        await app.push_screen(screen)
        screen.post_message(Loaded("first"))
        screen.post_message(Loaded("newer"))
        await pilot.press("z")
        await pilot.pause()
        assert screen.shown == [] and screen.zapped == 0
        screen.release_data()
        assert screen.shown == ["newer"]  # only the latest load: an older one would flash stale rows
        await pilot.press("z")
        await pilot.pause()
        assert screen.zapped == 1
        screen.post_message(Loaded("later"))
        await pilot.pause()
        assert screen.shown == ["newer", "later"]


async def test_the_first_frame_on_the_terminal_is_the_shell_and_the_panes_follow(make_app, demo_path) -> None:
    """Textual writes nothing until the app is ready; panes mounted before that delayed the first frame."""
    app = make_app(demo_path)
    seen = []
    shown = app._shell_shown

    def spy() -> None:
        seen.append((bool(app.screen.query("#requests")), app._first_frame.is_set()))
        shown()

    app._shell_shown = spy
    async with app.run_test(size=(160, 48)) as pilot:
        for _ in range(50):
            await app.workers.wait_for_complete()
            await pilot.pause()
            if app.screen.query("#requests") and app.screen.data_released:
                break
        assert seen == [(False, False)]  # no panes yet when the first frame went out; the open waited for it
        assert app.screen.query_one("#requests").table.row_count > 0

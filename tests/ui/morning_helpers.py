"""Helpers the morning's Pilot tests share (rootdir-relative import, like afternoon_helpers.py).

`morning` hands each test the module's one app, reset by `as_opened` to a freshly opened morning on the
demo data: starting an app, opening its store and building the other modes in the background cost
~1.3 s of CPU, more than most of the checks. Modules using it run their tests in one event loop:
`pytestmark = pytest.mark.asyncio(loop_scope="module")`.
"""

from __future__ import annotations

import contextlib

import pytest
import pytest_asyncio
from pilot_wait import settle

WIDE = (160, 48)  # the four panes side by side
SCRATCH = "reset"  # a blank mode, shown while the morning is taken down and built again


@pytest_asyncio.fixture(scope="module", loop_scope="module")
async def morning_app(tmp_path_factory, demo_template):  # noqa: ANN001, ANN201
    """One app for the module, on its own copy of the demo, its data and config in a private directory."""
    from prodcom_tui.domain.clock import Clock

    from private_env import TODAY, new_app, point_into
    from shared_files import copy_database

    root = tmp_path_factory.mktemp("morning-app")
    with pytest.MonkeyPatch.context() as mp:
        point_into(mp, root)  # set up before any test's private_dirs: the app must not see the real dirs
        app = new_app(copy_database(demo_template, root / "demo.db"), Clock(TODAY))
        async with app.run_test(size=WIDE) as pilot:
            await settle(app, pilot)
            yield app, pilot


@pytest_asyncio.fixture(loop_scope="module")
async def morning(morning_app, demo_template):  # noqa: ANN001, ANN201
    app, pilot = morning_app
    await as_opened(app, pilot, demo_template)
    return app, pilot


async def as_opened(app, pilot, template) -> None:  # noqa: ANN001
    """As just opened on the demo: nothing over the morning, no notification, the file back to the demo's
    rows, and a new MorningScreen (its focus, cursors, filters, marks and timeline window as at start)."""
    from textual.app import InvalidModeError
    from textual.screen import Screen

    from prodcom_tui.ui.screens.morning import MorningScreen
    from shared_files import copy_database

    assert app.size == WIDE, "a test that resizes the terminal needs its own app"
    await settle(app, pilot)  # no write still running
    while len(app.screen_stack) > 1:
        await app.pop_screen()
    with contextlib.suppress(InvalidModeError):  # added once: a new screen restyles the whole app when it shows
        app.add_mode(SCRATCH, Screen)
    await app.switch_mode(SCRATCH)
    await app.remove_mode("morning")
    copy_database(template, app.services.store.path)  # SQLite's backup API: the open engines see the new rows
    app.clear_notifications()
    app.add_mode("morning", MorningScreen)
    await app.switch_mode("morning")
    await settle(app, pilot)
    assert isinstance(app.screen, MorningScreen) and app.screen.current_pane() == "requests"

"""How the stand-up looks on the demo data, today and the clock frozen (update with --snapshot-update)."""

from __future__ import annotations

from pathlib import Path

from snapshot_helpers import tables_measured


def _app(demo_path: Path, clock):  # noqa: ANN001, ANN202
    from prodcom_tui.services.facade import open_services
    from prodcom_tui.ui.app import ProdcomApp

    return ProdcomApp(lambda: open_services(demo_path, clock), "demo.db", clock.today(), offer_demo=False)


async def _julien_at_one_minute(pilot) -> None:  # noqa: ANN001
    """Julien Roux's slide (done, today and blocked all filled), 60 s into his turn and 4 minutes in."""
    app = pilot.app
    await app.workers.wait_for_complete()
    await pilot.pause()
    await pilot.press("4")
    for _ in range(3):
        await app.workers.wait_for_complete()
        await pilot.pause()
    screen = app.screen
    screen.timer.now = lambda: 0.0
    screen.timer.started, screen.timer.since, screen.timer.spent = -180.0, -180.0, {}
    await pilot.press(*["space"] * 5)
    screen.timer.since = -60.0
    screen._tick()
    await tables_measured(pilot)


def test_standup_person_slide(snap_compare, demo_path: Path, clock) -> None:
    assert snap_compare(_app(demo_path, clock), terminal_size=(120, 36), run_before=_julien_at_one_minute)

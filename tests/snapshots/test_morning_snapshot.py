"""How the morning review looks on the demo data, today frozen (update with --snapshot-update)."""

from __future__ import annotations

from pathlib import Path

from snapshot_helpers import tables_measured


def _app(demo_path: Path, clock):  # noqa: ANN001, ANN202
    from prodcom_tui.services.facade import open_services
    from prodcom_tui.ui.app import ProdcomApp

    # A fixed label: the temporary path would change the header on every run.
    return ProdcomApp(lambda: open_services(demo_path, clock), "demo.db", clock.today(), offer_demo=False)


async def _loaded(pilot) -> None:  # noqa: ANN001
    for _ in range(3):
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
    await tables_measured(pilot)


def test_morning_review_wide(snap_compare, demo_path: Path, clock) -> None:
    assert snap_compare(_app(demo_path, clock), terminal_size=(160, 48), run_before=_loaded)


def test_morning_review_small_terminal(snap_compare, demo_path: Path, clock) -> None:
    assert snap_compare(_app(demo_path, clock), terminal_size=(80, 24), run_before=_loaded)

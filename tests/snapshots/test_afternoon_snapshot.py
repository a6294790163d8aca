"""How the afternoon's budget pane looks on the demo agency (baseline: `pytest --snapshot-update`)."""

from __future__ import annotations

from snapshot_helpers import tables_measured


def test_afternoon_budget_pane(snap_compare, demo_path, clock) -> None:
    from prodcom_tui.services.facade import open_services
    from prodcom_tui.ui.app import ProdcomApp

    # A fixed label: the real path changes with every test's tmp dir and would show in the header.
    app = ProdcomApp(lambda: open_services(demo_path, clock), "~/prodcom.db", clock.today(), offer_demo=False)

    async def run_before(pilot) -> None:  # noqa: ANN001
        from textual.worker import WorkerCancelled

        for key in ("2", "tab", "tab", "tab"):
            await pilot.press(key)
            await pilot.pause()
            try:
                await app.workers.wait_for_complete()
            except WorkerCancelled:  # an exclusive load replaced by a newer one
                pass
        await tables_measured(pilot)

    assert snap_compare(app, terminal_size=(100, 30), run_before=run_before)

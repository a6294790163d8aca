"""A fast start: only the first screen's code before the first frame; chores after the data."""

from __future__ import annotations

import subprocess
import sys

LATER_MODULES = ("prodcom_tui.ui.screens.afternoon", "prodcom_tui.ui.screens.evening",
                 "prodcom_tui.ui.screens.standup", "prodcom_tui.ui.commands", "alembic")


def test_first_frame_path_imports_only_the_first_screen() -> None:
    code = ("import sys, prodcom_tui.cli.main, prodcom_tui.ui.app; "
            f"print([m for m in {LATER_MODULES!r} if m in sys.modules])")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]", out.stdout


async def test_after_open_runs_once_and_its_warnings_are_shown(demo_path, clock) -> None:
    from prodcom_tui.services.facade import open_services
    from prodcom_tui.ui.app import ProdcomApp

    seen = []

    def after_open(services) -> list[str]:  # noqa: ANN001
        seen.append(services)
        return ["today's automatic backup failed (disk full)"]

    app = ProdcomApp(lambda: open_services(demo_path, clock), "demo.db", clock.today(), offer_demo=False,
                     after_open=after_open)
    async with app.run_test(size=(100, 30)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert seen == [app.services]
        assert any("automatic backup failed" in str(n.message) for n in app._notifications)
        await pilot.press("2")  # the other modes are built on first use
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert app.screen.__class__.__name__ == "AfternoonScreen"


def test_daily_backup_is_taken_once_a_day(demo_path, clock) -> None:
    from prodcom_tui.cli.app_cmd import daily_backup
    from prodcom_tui.services.facade import Services
    from prodcom_tui.store.open import open_store

    services = Services(open_store(demo_path, clock=clock))
    try:
        folder = demo_path.parent / "backups"
        before = set(folder.glob("*")) if folder.exists() else set()
        assert daily_backup(services) == []
        made = set(folder.glob("*")) - before
        assert len(made) == 1 and "daily" in next(iter(made)).name
        assert daily_backup(services) == [] and set(folder.glob("*")) - before == made  # not twice a day
    finally:
        services.close()

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


def test_schema_head_read_as_text_matches_alembic() -> None:
    from prodcom_tui.store import migrate

    assert migrate.static_head() == migrate.head_revision()


def test_opening_a_current_or_a_new_database_does_not_load_alembic(demo_path) -> None:
    """Alembic is only needed to upgrade; checking the version is one SELECT, and a new file gets the
    schema from the shipped dump."""
    new = demo_path.with_name("new.db")
    code = ("import sys; from pathlib import Path; from prodcom_tui.store.open import open_store; "
            f"s = open_store(Path({str(demo_path)!r})); s.dispose(); "
            f"s = open_store(Path({str(new)!r})); s.dispose(); print('alembic' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert out.stdout.strip() == "False", out.stderr
    assert new.is_file()


def test_an_old_or_foreign_file_still_goes_through_alembic(tmp_path) -> None:
    import sqlite3

    import pytest

    from prodcom_tui.store.errors import NotADatabase
    from prodcom_tui.store.open import open_store

    foreign = tmp_path / "other.db"
    with sqlite3.connect(foreign) as db:
        db.execute("create table notes (body text)")
    with pytest.raises(NotADatabase):
        open_store(foreign, upgrade=False)

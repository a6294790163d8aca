"""A database in a folder whose name SQLite's URI syntax would misread (`#`, `?`, `%41`, spaces)."""

from __future__ import annotations

import shutil

import pytest

from prodcom_tui.services.facade import open_services
from prodcom_tui.store.fastread import connect_current


@pytest.mark.parametrize("folder", ["with #hash", "what?mode=rwc", "pct%41", "a b"])
def test_the_app_opens_the_file_named_and_no_other(tmp_path, demo_path, clock, folder) -> None:
    base = tmp_path / "odd"
    where = base / folder
    where.mkdir(parents=True)
    db = where / "agency.db"
    shutil.copy(demo_path, db)
    conn = connect_current(db)
    assert conn is not None, "the fast reader did not recognise the file"
    conn.close()
    services = open_services(db, clock)
    try:
        assert not services.system.is_empty()
    finally:
        services.close()
    assert list(base.iterdir()) == [where], "SQLite opened (and created) another file than the one named"
    assert {p.name for p in where.iterdir()} <= {"agency.db", "agency.db-wal", "agency.db-shm", "backups"}


def test_a_database_reached_through_a_link_keeps_its_backups_beside_the_name_given(tmp_path, demo_path, clock) -> None:
    from prodcom_tui.services.opening import open_fast

    real = tmp_path / "real"
    real.mkdir()
    shutil.copy(demo_path, real / "agency.db")
    (tmp_path / "link").symlink_to(real)
    named = tmp_path / "link" / "agency.db"
    services = open_fast(named, clock, lambda: None)
    assert services is not None and services.store.path == named  # backups_dir() is taken from this path

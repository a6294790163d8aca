"""Under the usual umask 022 every file prodcom writes is its owner's alone: dir 0700, files 0600."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from prodcom_tui.cli.main import main


@pytest.fixture
def umask_022():
    previous = os.umask(0o022)
    yield
    os.umask(previous)


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_every_file_is_private_under_umask_022(umask_022, tmp_path: Path, capsys) -> None:
    data = Path(os.environ["PRODCOM_DATA_DIR"])
    assert not data.exists()
    assert main(["demo"]) == 0  # the default location: the data dir is created by prodcom
    db = data / "prodcom.db"
    assert mode(data) == 0o700 and mode(db) == 0o600

    from prodcom_tui.store.open import open_store

    store = open_store(db)  # while open, SQLite's -wal and -shm exist: they copy the database's mode
    store.ping()
    with store.writing("seed", "touch the WAL"):
        pass
    assert {p.name: mode(p) for p in data.glob("prodcom.db-*")} == {"prodcom.db-wal": 0o600, "prodcom.db-shm": 0o600}
    store.dispose()

    assert main(["backup"]) == 0
    backups = list((data / "backups").glob("*.db"))
    assert backups and all(mode(b) == 0o600 for b in backups) and mode(data / "backups") == 0o700

    export = tmp_path / "expenses.csv"
    assert main(["export", "expenses", "--output", str(export)]) == 0
    assert mode(export) == 0o600

    from prodcom_tui.logs import log_crash

    try:
        raise RuntimeError("for the log")
    except RuntimeError as exc:
        log = log_crash(exc)
    assert mode(log) == 0o600


def test_an_existing_database_left_readable_is_made_private(umask_022, tmp_path: Path) -> None:
    from prodcom_tui.store.open import open_store

    db = tmp_path / "loose.db"
    open_store(db).dispose()
    db.chmod(0o644)
    open_store(db).dispose()
    assert mode(db) == 0o600


def test_a_new_file_another_opener_creates_meanwhile_is_taken_and_made_private(umask_022, tmp_path: Path,
                                                                                monkeypatch) -> None:  # noqa: ANN001
    """Two processes opening one new file both find it missing; the second to create it must not fail."""
    from prodcom_tui.store.files import create_private_file

    path = tmp_path / "new.db"
    path.write_bytes(b"")  # the other process, between this one's check and its create
    monkeypatch.setattr(Path, "exists", lambda self: False)
    create_private_file(path)
    assert mode(path) == 0o600

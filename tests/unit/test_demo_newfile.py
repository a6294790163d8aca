"""A new demo file is built under a temporary name: it appears whole at its name, or not at all."""

from __future__ import annotations

import sqlite3
import stat
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from prodcom_tui.domain.clock import Clock
from prodcom_tui.store.demo import newfile
from prodcom_tui.store.errors import StoreError

from test_demo_digest import DIGESTS, digest

CLOCK = Clock(date(2026, 11, 26))


def _names(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


def test_a_new_file_holds_the_same_rows_and_is_an_ordinary_private_wal_file(tmp_path: Path) -> None:
    db = tmp_path / "demo.db"
    built = newfile.build_new(db, CLOCK, "demo", 7)
    assert _names(tmp_path) == ["demo.db"]  # no temporary file, journal or WAL left beside it
    assert digest(db) == DIGESTS["demo"]
    assert built.counts["task"] == 360 and built.data_seconds > 0
    assert stat.S_IMODE(db.stat().st_mode) == 0o600
    conn = sqlite3.connect(db)
    try:
        assert conn.execute("PRAGMA journal_mode").fetchone() == ("wal",)
    finally:
        conn.close()


def test_a_failure_while_building_leaves_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(*_args: object) -> dict:
        raise RuntimeError("disk gone")

    monkeypatch.setattr(newfile, "fill", broken)
    with pytest.raises(RuntimeError):
        newfile.build_new(tmp_path / "demo.db", CLOCK, "demo", 7)
    assert _names(tmp_path) == []


def test_a_file_that_appears_meanwhile_is_never_replaced(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    db = tmp_path / "demo.db"
    real_fill = newfile.fill

    def someone_else_opens_it(*args: object) -> dict:
        db.write_bytes(b"theirs")
        return real_fill(*args)

    monkeypatch.setattr(newfile, "fill", someone_else_opens_it)
    with pytest.raises(StoreError, match="appeared"):
        newfile.build_new(db, CLOCK, "demo", 7)
    assert db.read_bytes() == b"theirs"
    assert _names(tmp_path) == ["demo.db"]


def test_a_stale_schema_dump_falls_back_to_the_migrations(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A migration added without redoing the dump must not give demo files an old schema."""
    monkeypatch.setattr(newfile, "dump_is_current", lambda: False)
    newfile.build_new(tmp_path / "demo.db", CLOCK, "demo", 7)
    assert digest(tmp_path / "demo.db") == DIGESTS["demo"]


def test_a_new_demo_file_is_made_without_sqlalchemy_or_alembic(tmp_path: Path) -> None:
    """Loading them is most of what `prodcom demo` into a new file used to take (~1.5 s of 3)."""
    script = (
        "import runpy, sys\n"
        f"sys.argv = ['prodcom', 'demo', '--db', {str(tmp_path / 'demo.db')!r}, '--today', '2026-11-26']\n"
        "try:\n    runpy.run_module('prodcom_tui', run_name='__main__')\nexcept SystemExit as done:\n    assert not done.code\n"
        "print(sorted({m.split('.')[0] for m in sys.modules} & {'sqlalchemy', 'sqlmodel', 'alembic'}))\n"
    )
    out = subprocess.run([sys.executable, "-c", script], check=True, capture_output=True, text=True).stdout
    assert out.splitlines()[-1] == "[]"
    assert digest(tmp_path / "demo.db") == DIGESTS["demo"]


def test_a_file_left_by_a_killed_build_with_the_same_pid_is_not_taken_for_ours(tmp_path: Path) -> None:
    import os

    # SIGKILL skips the clean-up: its half-written file stays, and PIDs come round again.
    leftover = tmp_path / f".demo.db.{os.getpid()}.building"
    leftover.write_bytes(b"half a database, unjournaled" * 100)
    db = tmp_path / "demo.db"
    newfile.build_new(db, CLOCK, "demo", 7)
    assert digest(db) == DIGESTS["demo"]
    assert leftover.exists()  # another run's file: not ours to delete

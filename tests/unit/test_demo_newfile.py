"""A new demo file is built under a temporary name: it appears whole at its name, or not at all."""

from __future__ import annotations

import sqlite3
import stat
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

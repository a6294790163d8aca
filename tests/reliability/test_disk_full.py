"""A full disk (PRAGMA max_page_count, and a real tiny tmpfs where the machine allows it) gives one clear
message in the app and on the command line, and the data written before stays whole."""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
from pathlib import Path

import pytest
from sqlalchemy import event
from sqlalchemy.exc import OperationalError
from sqlmodel import func, select

from prodcom_tui.store import engine as engine_mod
from prodcom_tui.store.errors import StoreError, StoreFull
from prodcom_tui.store.models import Project, Vendor
from prodcom_tui.store.open import open_store
from prodcom_tui.store.store import storage_error

FULL = "the disk is full, so nothing was saved: free some space and try again"


def cap_pages(store, spare: int = 0) -> None:  # noqa: ANN001
    """From now on the write connections may not grow the file past its current size (+ spare pages)."""
    store.write_engine.dispose()

    @event.listens_for(store.write_engine, "connect")
    def _cap(dbapi_conn, _record):  # noqa: ANN001
        pages = dbapi_conn.execute("PRAGMA page_count").fetchone()[0]
        dbapi_conn.execute(f"PRAGMA max_page_count = {pages + spare}")


def add_projects(store, prefix: str, n: int) -> None:  # noqa: ANN001
    with store.writing("project.create", f"{n} projects") as s:
        for i in range(n):
            s.add(Project(code=f"{prefix}{i}", name="n" * 120, client="c" * 120))


def count(store) -> int:  # noqa: ANN001
    with store.reading() as s:
        return s.exec(select(func.count(Project.id))).one()


def test_full_disk_is_one_sentence_and_the_earlier_data_stays(store) -> None:
    add_projects(store, "OLD", 50)
    cap_pages(store)
    with pytest.raises(StoreFull) as caught:
        add_projects(store, "NEW", 2_000)
    assert str(caught.value) == FULL
    assert count(store) == 50
    with store.read_engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA integrity_check").scalar() == "ok"
    add_projects(store, "SMALL", 1)  # the store keeps working once the change fits
    assert count(store) == 51


def test_error_sentences_follow_sqlite_codes_not_words() -> None:
    """'no such column: full' is a bug, not a full disk; the statement never reaches the message."""
    conn = sqlite3.connect(":memory:")
    with pytest.raises(sqlite3.OperationalError) as no_column:
        conn.execute("SELECT full FROM sqlite_master")
    wrapped = OperationalError("SELECT full FROM sqlite_master", {"secret": "x"}, no_column.value)
    message = str(storage_error(wrapped))
    assert "disk is full" not in message and "SELECT" not in message and "secret" not in message
    conn.execute("CREATE TABLE t (v TEXT UNIQUE)")
    conn.execute("INSERT INTO t VALUES ('a')")
    with pytest.raises(sqlite3.IntegrityError) as dup:
        conn.execute("INSERT INTO t VALUES ('a')")
    assert str(storage_error(dup.value)).startswith("the change breaks a rule of the database (UNIQUE")


async def test_the_app_says_the_disk_is_full_in_a_notification(tmp_path: Path, clock) -> None:
    from prodcom_tui.services.facade import Services
    from prodcom_tui.ui.app import ProdcomApp

    path = tmp_path / "full.db"
    store = open_store(path, clock=clock)
    with store.writing("vendor.create", "vendors") as s:  # data before, in a table the demo offer allows
        s.add_all([Vendor(name=f"Vendor {i}") for i in range(5)])
    cap_pages(store)
    app = ProdcomApp(lambda: Services(store), str(path), clock.today(), offer_demo=False)
    async with app.run_test(size=(120, 36)) as pilot:
        await app.workers.wait_for_complete()
        app.run_write(lambda s: s.system.load_demo())  # the first-run offer's write: thousands of rows
        await app.workers.wait_for_complete()
        await pilot.pause()
        messages = [(n.message, n.severity) for n in app._notifications]
    assert (FULL, "error") in messages
    with store.reading() as s:
        assert s.exec(select(func.count(Vendor.id))).one() == 5
        assert s.exec(select(func.count(Project.id))).one() == 0
    store.dispose()


def test_the_command_line_says_it_in_one_line(tmp_path: Path, monkeypatch, capsys) -> None:
    from prodcom_tui.cli.main import main

    path = tmp_path / "cli.db"
    open_store(path).dispose()
    original = engine_mod._set_pragmas

    def capped(dbapi_conn, read_only):  # noqa: ANN001, ANN202
        original(dbapi_conn, read_only)
        pages = dbapi_conn.execute("PRAGMA page_count").fetchone()[0]
        dbapi_conn.execute(f"PRAGMA max_page_count = {pages + 2}")

    monkeypatch.setattr(engine_mod, "_set_pragmas", capped)
    assert main(["demo", "--db", str(path)]) == 1
    err = capsys.readouterr().err
    assert err == f"prodcom: {FULL}\n"
    monkeypatch.setattr(engine_mod, "_set_pragmas", original)
    assert main(["check", "--db", str(path)]) == 0


@pytest.fixture
def tiny_fs(tmp_path: Path):
    """A real 400 KiB filesystem; only where the test may mount one (root on Linux), else skipped."""
    point = tmp_path / "tiny"
    point.mkdir()
    if os.geteuid() != 0 or shutil.which("mount") is None:
        pytest.skip("mounting a tmpfs needs root")
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=400k", "tmpfs", str(point)], capture_output=True)
    if done.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {done.stderr.decode().strip()}")
    try:
        yield point
    finally:
        # Lazy, so a handle still open somewhere cannot leave the mount behind after the run.
        subprocess.run(["umount", "-l", str(point)], check=False)


def test_a_really_full_disk_on_the_command_line(tiny_fs: Path, capsys) -> None:
    """The entry point runs in this process (an interpreter start costs seconds); the disk is as full."""
    from prodcom_tui.cli.main import main

    db = str(tiny_fs / "p.db")
    assert main(["db", "upgrade", "--db", db]) == 0
    capsys.readouterr()
    assert main(["demo", "--db", db]) == 1
    assert capsys.readouterr().err == f"prodcom: {FULL}\n"
    conn = sqlite3.connect(tiny_fs / "p.db")
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    finally:
        conn.close()
    with pytest.raises(StoreError):
        raise storage_error(sqlite3.OperationalError("disk I/O error"))  # a code-less error still reads as one sentence

"""A full disk (PRAGMA max_page_count, and a real tiny tmpfs where the machine allows it), a full disk
during a schema upgrade, a read-only file and a failed write each give one clear message in the app or on
the command line, and the data written before stays whole."""

from __future__ import annotations

import os
import resource
import shutil
import signal
import sqlite3
import subprocess
import tempfile
from contextlib import contextmanager
from pathlib import Path

import pytest
from sqlalchemy import event
from sqlalchemy.exc import OperationalError
from sqlmodel import func, select

from prodcom_tui.store import engine as engine_mod
from prodcom_tui.store import migrate
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


def cap_every_connection(monkeypatch, spare: int = 2):  # noqa: ANN001, ANN201
    """Every connection prodcom opens from now on may grow the file by `spare` pages at most; gives back the
    uncapped hook. max_page_count is a setting of one connection, not of the file, so it goes where prodcom
    sets up each connection (engine._set_pragmas) rather than on a connection of the test's own."""
    original = engine_mod._set_pragmas

    def capped(dbapi_conn, read_only):  # noqa: ANN001, ANN202
        original(dbapi_conn, read_only)
        pages = dbapi_conn.execute("PRAGMA page_count").fetchone()[0]
        dbapi_conn.execute(f"PRAGMA max_page_count = {pages + spare}")

    monkeypatch.setattr(engine_mod, "_set_pragmas", capped)
    return original


def test_the_command_line_says_it_in_one_line(tmp_path: Path, monkeypatch, capsys) -> None:
    from prodcom_tui.cli.main import main

    path = tmp_path / "cli.db"
    open_store(path).dispose()
    original = cap_every_connection(monkeypatch)
    assert main(["demo", "--db", str(path)]) == 1
    err = capsys.readouterr().err
    assert err == f"prodcom: {FULL}\n"
    monkeypatch.setattr(engine_mod, "_set_pragmas", original)
    assert main(["check", "--db", str(path)]) == 0


OLD_REVISION = "0002"  # before 0003's covering index on expense, which needs room in proportion to the rows


def file_at_old_revision(path: Path, expenses: int) -> None:
    """A file at OLD_REVISION with a project, a line and its expenses, built as test_store builds old files."""
    from prodcom_tui.store.engine import create_private_file, make_engine

    create_private_file(path)
    engine = make_engine(path, write=True)
    migrate.upgrade(engine, OLD_REVISION)
    with engine.begin() as conn:
        conn.exec_driver_sql("INSERT INTO project (id, code, name, client, kind, status, currency, health_comment) "
                             "VALUES (1, 'OLD', 'Old project', '', 'print', 'live', 'EUR', '')")
        conn.exec_driver_sql("INSERT INTO budgetline (id, project_id, name, category, estimate_minor, currency, "
                             "is_contingency) VALUES (1, 1, 'Printing', '', 123456, 'EUR', 0)")
        conn.exec_driver_sql(
            "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ?) INSERT INTO expense "
            "(budget_line_id, amount_minor, currency, spent_on, description, invoice_ref) "
            "SELECT 1, i, 'EUR', '2026-11-01', printf('%0180d', i), '' FROM n", (expenses,))
    engine.dispose()


def revision_and_expenses(path: Path) -> tuple[str, int, int, str]:
    conn = sqlite3.connect(path)
    try:
        return (conn.execute("SELECT version_num FROM alembic_version").fetchone()[0],
                *conn.execute("SELECT count(*), sum(amount_minor) FROM expense").fetchone(),
                conn.execute("PRAGMA integrity_check").fetchone()[0])
    finally:
        conn.close()


def test_a_full_disk_during_a_schema_upgrade_is_called_a_full_disk(tmp_path: Path, monkeypatch, capsys) -> None:
    """The upgrade runs out of room building 0003's index: the command line and open_store say the disk is
    full (store/open.py WRITE_PROBLEMS), not "cannot be read as a database"; the file stays at its old
    revision, whole, and upgrades once there is room."""
    from prodcom_tui.cli.main import main

    path = tmp_path / "old.db"
    file_at_old_revision(path, 2_000)
    intact = (OLD_REVISION, 2_000, 2_000 * 2_001 // 2, "ok")
    original = cap_every_connection(monkeypatch)
    assert main(["db", "upgrade", "--db", str(path)]) == 1
    assert capsys.readouterr().err == f"prodcom: {FULL}\n"
    with pytest.raises(StoreFull):
        open_store(path)  # what the app does on start
    assert revision_and_expenses(path) == intact
    assert list((tmp_path / "backups").glob("*before-upgrade.db"))
    monkeypatch.setattr(engine_mod, "_set_pragmas", original)
    assert main(["db", "upgrade", "--db", str(path)]) == 0
    assert revision_and_expenses(path) == (migrate.head_revision(), *intact[1:])


NOBODY = 65534
READ_ONLY = "the database file is read-only: nothing was saved; check its permissions"


@contextmanager
def as_the_files_owner(folder: Path):  # noqa: ANN201
    """Root ignores file modes (and CI runs as root): there the folder and its files are given to nobody and
    prodcom runs with nobody's effective uid; the saved uid stays root, so the test takes root back after."""
    if os.geteuid() != 0:
        yield
        return
    for path in [folder, *folder.iterdir()]:
        os.chown(path, NOBODY, NOBODY)
    os.seteuid(NOBODY)
    try:
        yield
    finally:
        os.seteuid(0)


def test_a_read_only_file_is_one_sentence_on_the_command_line(capsys) -> None:
    """A folder of its own under the system temp dir: pytest's tmp_path sits in a 0700 folder of root's."""
    from prodcom_tui.cli.main import main

    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        db = folder / "p.db"
        assert main(["db", "upgrade", "--db", str(db)]) == 0
        db.chmod(0o400)
        capsys.readouterr()
        with as_the_files_owner(folder):
            assert main(["demo", "--db", str(db)]) == 1
            assert capsys.readouterr().err == f"prodcom: {READ_ONLY}\n"
            assert main(["check", "--db", str(db)]) == 0  # still readable, nothing half-written


@contextmanager
def no_file_may_grow():  # noqa: ANN201
    """RLIMIT_FSIZE 0 for this process (no root needed): a write that would grow a file fails with EFBIG,
    which SQLite reports as an I/O error (only ENOSPC is a full disk); SIGXFSZ ignored so the write fails
    instead of killing the process. Both are put back after."""
    limit = resource.getrlimit(resource.RLIMIT_FSIZE)
    handler = signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    resource.setrlimit(resource.RLIMIT_FSIZE, (0, limit[1]))
    try:
        yield
    finally:
        resource.setrlimit(resource.RLIMIT_FSIZE, limit)
        signal.signal(signal.SIGXFSZ, handler)


def test_a_failed_write_is_one_sentence_on_the_command_line(tmp_path: Path, capsys) -> None:
    from prodcom_tui.cli.main import main

    db = tmp_path / "p.db"
    assert main(["db", "upgrade", "--db", str(db)]) == 0
    capsys.readouterr()
    with no_file_may_grow():
        assert main(["demo", "--db", str(db)]) == 1
    err = capsys.readouterr().err
    assert err == "prodcom: the database file could not be written (disk I/O error): nothing was saved; check the disk\n"
    assert main(["check", "--db", str(db)]) == 0
    assert revision_and_expenses(db)[1:] == (0, None, "ok")


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

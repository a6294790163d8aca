"""Backups: verified copies through SQLite's backup API, 0600, rotated 7 daily + 4 weekly, restorable."""

from __future__ import annotations

import mailbox
import os
import sqlite3
from datetime import datetime, timedelta
from email.message import EmailMessage
from pathlib import Path

import pytest
from sqlmodel import func, select

from prodcom_tui.cli.main import main
from prodcom_tui.services.facade import open_services
from prodcom_tui.store.backup import KEEP_DAILY, KEEP_RECENT, KEEP_WEEKLY, backup_file, keep_set, list_backups, rotate
from prodcom_tui.store.errors import StoreError
from prodcom_tui.store.models import Project

FIXTURES = Path(__file__).parent.parent / "fixtures" / "csv"


def test_rotation_keeps_the_newest_few_seven_days_and_four_weeks() -> None:
    start = datetime(2026, 9, 1, 8, 0)
    stamps = sorted((start + timedelta(hours=7 * i) for i in range(300)), reverse=True)  # ~87 days, 3-4 a day
    kept = keep_set(stamps)
    newest = stamps[0]
    assert set(stamps[:KEEP_RECENT]) <= kept
    days = sorted({s.date() for s in kept}, reverse=True)
    assert days[:KEEP_DAILY] == [newest.date() - timedelta(days=d) for d in range(KEEP_DAILY)]
    for day in days[:KEEP_DAILY]:  # the newest backup of each of the last seven days
        assert max(s for s in stamps if s.date() == day) in kept
    weeks = sorted({s.isocalendar()[:2] for s in kept}, reverse=True)
    assert len(weeks) == KEEP_WEEKLY  # nothing older than the fourth week survives
    for week in weeks:
        assert max(s for s in stamps if s.isocalendar()[:2] == week) in kept
    assert len(kept) <= KEEP_RECENT + KEEP_DAILY + KEEP_WEEKLY


def test_rotate_deletes_files_outside_the_keep_set(tmp_path: Path) -> None:
    folder = tmp_path / "backups"
    folder.mkdir()
    for days in range(40):
        (folder / f"prodcom-{datetime(2026, 11, 26) - timedelta(days=days):%Y%m%d-%H%M%S}-daily.db").write_bytes(b"")
    (folder / "notes.txt").write_text("not ours")
    rotate(folder)
    left = [p for _, p in list_backups(folder)]
    assert len(left) == len(keep_set([s for s, _ in list_backups(folder)])) <= KEEP_DAILY + KEEP_WEEKLY
    assert (folder / "notes.txt").exists()


@pytest.fixture
def umask_022():
    """The usual desktop umask, under which a plain open() would give 0644."""
    previous = os.umask(0o022)
    yield
    os.umask(previous)


def test_a_backup_is_private_verified_and_a_complete_copy(demo_path: Path, umask_022) -> None:
    target = backup_file(demo_path, "manual")
    assert target.stat().st_mode & 0o777 == 0o600
    assert target.parent.stat().st_mode & 0o777 == 0o700
    with sqlite3.connect(target) as copy, sqlite3.connect(demo_path) as live:
        assert copy.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        query = "SELECT count(*), sum(amount_minor) FROM expense"
        assert copy.execute(query).fetchone() == live.execute(query).fetchone()
    assert not list(target.parent.glob("*.partial"))


def test_a_damaged_database_gives_no_backup(tmp_path: Path, demo_path: Path) -> None:
    damaged = tmp_path / "damaged.db"
    data = bytearray(demo_path.read_bytes())
    data[4096 * 3: 4096 * 6] = b"\xff" * (4096 * 3)  # scribble over pages, keep the header
    damaged.write_bytes(bytes(data))
    with pytest.raises(StoreError):
        backup_file(damaged, "manual")
    assert not list((tmp_path / "backups").glob("*.db")) and not list((tmp_path / "backups").glob("*.partial"))


def a_mailbox(path: Path) -> Path:
    box = mailbox.mbox(str(path))
    message = EmailMessage()
    message["From"], message["Subject"], message["Message-ID"] = "client@x.fr", "BAT à valider", "<bat@x.fr>"
    message["Date"] = "Tue, 24 Nov 2026 09:15:00 +0100"
    message.set_content("Bonjour")
    box.add(message)
    box.close()
    return path


@pytest.mark.parametrize(("kind", "table"), [("expenses", "expense"), ("mail", "request")])
def test_the_importers_backup_before_an_import(kind: str, table: str, demo_path: Path, tmp_path: Path,
                                               umask_022, capsys) -> None:
    """`prodcom import expenses|mail` leave a private, verified copy holding the data as it was before."""
    what = {"expenses": [str(FIXTURES / "bank_fr_latin1.csv"), "--project", "VERA-PRINTEMPS"],
            "mail": [str(a_mailbox(tmp_path / "in.mbox"))]}[kind]
    folder = demo_path.parent / "backups"
    count = f"SELECT count(*) FROM {table}"
    with sqlite3.connect(demo_path) as live:
        before = live.execute(count).fetchone()
    assert not list(folder.glob("*-before-import.db"))
    assert main(["import", kind, *what, "--db", str(demo_path)]) == 0
    (made,) = folder.glob("*-before-import.db")
    assert made.stat().st_mode & 0o777 == 0o600
    with sqlite3.connect(made) as copy, sqlite3.connect(demo_path) as live:
        assert copy.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert copy.execute(count).fetchone() == before != live.execute(count).fetchone()


def test_the_first_open_of_the_day_backs_up_once(demo_path: Path, clock) -> None:
    for _ in range(2):
        open_services(demo_path, clock).close()
    daily = list((demo_path.parent / "backups").glob("*-daily.db"))
    assert len(daily) == 1 and daily[0].name.startswith(f"prodcom-{clock.today():%Y%m%d}")


def projects(path: Path) -> int:
    with sqlite3.connect(path) as conn:
        return conn.execute("SELECT count(*) FROM project").fetchone()[0]


def test_backup_then_restore_from_the_command_line(demo_path: Path, capsys, clock) -> None:
    assert main(["backup", "--db", str(demo_path)]) == 0
    backup = Path(capsys.readouterr().out.strip().rsplit(" ", 1)[-1])
    before = projects(demo_path)
    services = open_services(demo_path, clock)
    with services.store.writing("project.create", "after the backup") as s:
        s.add(Project(code="LATER", name="Made after the backup"))
    services.close()
    assert projects(demo_path) == before + 1
    assert main(["restore", str(backup), "--db", str(demo_path)]) == 0
    assert projects(demo_path) == before
    saved = list((demo_path.parent / "backups").glob("*-before-restore.db"))
    assert len(saved) == 1 and projects(saved[0]) == before + 1  # the replaced data is kept
    assert main(["check", "--db", str(demo_path)]) == 0


@pytest.mark.parametrize("content", ["random", "truncated", "other-sqlite"])
def test_restore_refuses_a_file_that_is_not_a_good_backup(content: str, demo_path: Path, tmp_path: Path, capsys) -> None:
    bad = tmp_path / f"{content}.db"
    if content == "random":
        bad.write_bytes(b"SQLite format 3\x00" + bytes(range(256)) * 40)
    elif content == "truncated":
        bad.write_bytes(demo_path.read_bytes()[: 4096 * 5])
    else:
        with sqlite3.connect(bad) as conn:
            conn.execute("CREATE TABLE notes (t TEXT)")
    before = demo_path.read_bytes()
    assert main(["restore", str(bad), "--db", str(demo_path)]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and str(bad) in err and "Traceback" not in err
    assert demo_path.read_bytes() == before
    assert not (demo_path.parent / "backups").exists() or not list((demo_path.parent / "backups").glob("*restore*"))


def test_restore_into_a_new_path_is_private(demo_path: Path, tmp_path: Path, umask_022, clock) -> None:
    target = tmp_path / "fresh" / "restored.db"
    target.parent.mkdir()
    assert main(["restore", str(demo_path), "--db", str(target)]) == 0
    assert target.stat().st_mode & 0o777 == 0o600
    services = open_services(target, clock)
    with services.store.reading() as s:
        assert s.exec(select(func.count(Project.id))).one() == projects(demo_path)
    services.close()

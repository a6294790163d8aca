"""A database file damaged inside (its header and schema intact, some of its pages overwritten): every way
in says so in one sentence, `prodcom check` names the damage briefly, and `prodcom restore` replaces it,
keeping the damaged bytes aside.

A damaged page is only found when a read reaches it, so such a file opens; it used to end in
"internal error (DatabaseError)" on the command line, a hundred lines of SQLite's verdict from
`check`, and a restore that refused to run because it could not make a verified copy of the file it
was replacing.
"""

from __future__ import annotations

import sqlite3
import stat
from pathlib import Path

import pytest

from prodcom_tui.cli.main import main
from pilot_wait import settle

PAGE_DAMAGE = b"\xde\xad\xbe\xef" * 200


def damage_expenses(db: Path) -> None:
    """Overwrite the cells of the expense table's root page: the file opens, the morning's tables read,
    and any read of the expenses (the report, the afternoon's list) meets a malformed page."""
    with sqlite3.connect(db) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        page_size = conn.execute("PRAGMA page_size").fetchone()[0]
        root = conn.execute("SELECT rootpage FROM sqlite_master WHERE type = 'table' AND name = 'expense'").fetchone()[0]
    conn.close()
    with open(db, "r+b") as f:
        f.seek((root - 1) * page_size + 12)
        f.write(PAGE_DAMAGE[: page_size - 16])


def prodcom(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    """`prodcom args` in this process: exit code, stdout, stderr."""
    code = main(list(args))
    out = capsys.readouterr()
    return code, out.out, out.err


def one_line(stderr: str) -> str:
    lines = stderr.strip().splitlines()
    assert len(lines) == 1, stderr[:2000]
    return lines[0]


def test_check_says_the_file_is_damaged_in_one_short_line(demo_path: Path, capsys) -> None:  # noqa: ANN001
    damage_expenses(demo_path)
    code, _, err = prodcom(capsys, "check", "--db", str(demo_path))
    assert code == 1
    line = one_line(err)
    assert line.startswith("prodcom check: integrity check failed") and len(line) < 400, line


def test_a_command_that_reads_the_damage_says_so_and_how_to_recover(demo_path: Path, capsys) -> None:  # noqa: ANN001
    damage_expenses(demo_path)
    code, _, err = prodcom(capsys, "report", "--db", str(demo_path), "--format", "txt")
    assert code == 1
    line = one_line(err)
    assert "damaged" in line and "prodcom restore" in line and "internal error" not in line, line


def test_backup_of_a_damaged_file_says_what_to_do_instead(demo_path: Path, capsys) -> None:  # noqa: ANN001
    damage_expenses(demo_path)
    code, _, err = prodcom(capsys, "backup", "--db", str(demo_path))
    assert code == 1 and not list((demo_path.parent / "backups").glob("prodcom-*.db"))
    for line in err.strip().splitlines():  # the automatic daily backup's warning, then the command's error
        assert "is damaged" in line and "prodcom restore" in line and "once the cause is fixed" not in line, line


def test_restore_replaces_a_damaged_file_and_keeps_its_bytes_aside(demo_path: Path, tmp_path: Path, capsys) -> None:  # noqa: ANN001
    good = tmp_path / "good.db"
    good.write_bytes(demo_path.read_bytes())  # the demo is checkpointed: its one file is the whole database
    damage_expenses(demo_path)
    damaged_bytes = demo_path.read_bytes()

    code, out, err = prodcom(capsys, "restore", str(good), "--db", str(demo_path))
    assert code == 0, err
    assert prodcom(capsys, "check", "--db", str(demo_path))[0] == 0
    (kept,) = (demo_path.parent / "backups").glob("damaged-*.db")
    assert str(kept) in out and kept.read_bytes() == damaged_bytes
    assert stat.S_IMODE(kept.stat().st_mode) == 0o600


async def test_the_app_says_the_file_is_damaged_and_keeps_running(make_app, demo_path: Path) -> None:
    damage_expenses(demo_path)
    app = make_app(demo_path)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(app, pilot)
        await pilot.press("2")
        await settle(app, pilot)
        while app.screen.pane != "expenses":
            await pilot.press("tab")
        await settle(app, pilot)
        said = [n.message for n in app._notifications if n.severity == "error"]
        # Once: every pane that reads the expenses fails alike, and the same sentence stacked hid the screen.
        assert len([m for m in said if "damaged" in m and "prodcom restore" in m]) == 1, said
        assert app.is_running and app.return_code is None

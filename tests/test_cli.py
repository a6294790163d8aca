"""The command line as a user meets it: help everywhere, one clear line on every mistake.

Most checks call the entry point in this process (an interpreter start costs a second of imports each);
the two smoke tests at the top run `python -m prodcom_tui` for real, exit code and streams included."""

from __future__ import annotations

import hashlib
import io
import os
import subprocess
import sys
from contextlib import redirect_stderr, redirect_stdout
from pathlib import Path
from unittest import mock

import pytest

SUBCOMMANDS = [["open"], ["demo"], ["db"], ["db", "path"], ["db", "upgrade"], ["backup"], ["restore"], ["check"], ["undo"]]


def real_prodcom(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "prodcom_tui", *args], capture_output=True, text=True, timeout=60)


def prodcom(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """`prodcom args` as `python -m prodcom_tui` runs it (`raise SystemExit(main())`), in this process."""
    from prodcom_tui.cli.main import main

    out, err = io.StringIO(), io.StringIO()
    with mock.patch.dict(os.environ, env or {}), redirect_stdout(out), redirect_stderr(err):
        try:
            code = main(list(args))
        except SystemExit as exit_:  # argparse's --help, --version and usage errors
            code = exit_.code
    if code is not None and not isinstance(code, int):
        err.write(f"{code}\n")  # what the interpreter does with SystemExit("message")
        code = 1
    return subprocess.CompletedProcess(["prodcom", *args], code or 0, out.getvalue(), err.getvalue())


def test_version() -> None:
    out = real_prodcom("--version")
    assert out.returncode == 0 and out.stdout.startswith("prodcom ")
    assert prodcom("--version").stdout == out.stdout


@pytest.mark.parametrize("words", SUBCOMMANDS, ids=lambda w: " ".join(w))
def test_every_subcommand_has_help(words: list[str]) -> None:
    out = prodcom(*words, "--help")
    assert out.returncode == 0, out.stderr
    assert "usage:" in out.stdout


def one_line_error(out: subprocess.CompletedProcess[str]) -> str:
    assert out.returncode != 0
    assert "Traceback" not in out.stderr
    lines = out.stderr.strip().splitlines()
    assert len(lines) == 1, out.stderr
    return lines[0]


def test_missing_folder_is_one_line(tmp_path: Path) -> None:
    line = one_line_error(prodcom("--db", "/no/such/dir/x.db", "check"))
    assert "/no/such/dir" in line and "does not exist" in line


def test_directory_as_database_is_one_line(tmp_path: Path) -> None:
    assert "is a directory" in one_line_error(prodcom("--db", str(tmp_path), "db", "upgrade"))


def test_random_bytes_untouched(tmp_path: Path) -> None:
    junk = tmp_path / "junk.db"
    junk.write_bytes(os.urandom(2048))
    before = hashlib.sha256(junk.read_bytes()).hexdigest()
    assert "not a SQLite database" in one_line_error(prodcom("--db", str(junk)))
    assert hashlib.sha256(junk.read_bytes()).hexdigest() == before


def test_unknown_option_is_one_line() -> None:
    assert "unrecognized arguments" in one_line_error(real_prodcom("--frobnicate"))
    assert "unrecognized arguments" in one_line_error(prodcom("--frobnicate"))


def test_bad_today_is_one_line(tmp_path: Path) -> None:
    line = one_line_error(prodcom("--db", str(tmp_path / "x.db"), "--today", "31/02", "check"))
    assert "YYYY-MM-DD" in line


def test_db_path_honours_flag_then_env(tmp_path: Path) -> None:
    assert prodcom("db", "path", "--db", str(tmp_path / "a.db")).stdout.strip() == str(tmp_path / "a.db")
    env_out = prodcom("db", "path", env={"PRODCOM_DB": str(tmp_path / "b.db")})
    assert env_out.stdout.strip() == str(tmp_path / "b.db")
    default = prodcom("db", "path").stdout.strip()
    assert default == str(Path(os.environ["PRODCOM_DATA_DIR"]) / "prodcom.db")


def test_demo_then_check_then_refuse_then_replace(tmp_path: Path) -> None:
    db = tmp_path / "demo.db"
    made = prodcom("demo", "--db", str(db))
    assert made.returncode == 0, made.stderr
    assert prodcom("check", "--db", str(db)).returncode == 0
    line = one_line_error(prodcom("demo", "--db", str(db)))
    assert "already holds data" in line and "--replace" in line
    again = prodcom("demo", "--db", str(db), "--replace")
    assert again.returncode == 0, again.stderr
    assert list((tmp_path / "backups").glob("*before-demo.db"))


def test_backup_restore_and_undo(demo_path: Path) -> None:
    db = demo_path  # what `prodcom demo` writes (seed 7, today), copied from the session's template
    out = prodcom("backup", "--db", str(db))
    assert out.returncode == 0 and "backup written" in out.stdout
    backup = Path(out.stdout.strip().rsplit(" ", 1)[-1])
    assert backup.stat().st_mode & 0o777 == 0o600
    # The demo carries its recent history, so the first undo reverses the newest demo change.
    assert prodcom("undo", "--db", str(db)).stdout.startswith("undone: ")
    restored = prodcom("restore", str(backup), "--db", str(db))
    assert restored.returncode == 0, restored.stderr
    assert prodcom("check", "--db", str(db)).returncode == 0


def test_check_names_a_broken_rule(demo_path: Path) -> None:
    import sqlite3

    db = demo_path
    with sqlite3.connect(db) as conn:
        a, b = [r[0] for r in conn.execute("SELECT id FROM task WHERE project_id = (SELECT min(project_id) FROM task) LIMIT 2")]
        conn.execute("DELETE FROM taskdependency WHERE task_id IN (?, ?) OR depends_on_id IN (?, ?)", (a, b, a, b))
        conn.execute("INSERT INTO taskdependency VALUES (?, ?)", (a, b))
        conn.execute("INSERT INTO taskdependency VALUES (?, ?)", (b, a))
    out = prodcom("check", "--db", str(db))
    assert out.returncode == 1
    assert "cycle" in out.stderr


def test_demo_flag_builds_a_fresh_demo_beside_the_data(tmp_path: Path) -> None:
    """`prodcom --demo` never touches the user's database; it rebuilds data_dir/demo.db."""
    from prodcom_tui.cli.app_cmd import fresh_demo
    from datetime import date

    from prodcom_tui.domain.clock import Clock

    first = fresh_demo(Clock(date(2026, 11, 26)))
    assert first == Path(os.environ["PRODCOM_DATA_DIR"]) / "demo.db"
    again = fresh_demo(Clock(date(2026, 11, 26)))  # a second run replaces it instead of refusing
    assert again == first and first.stat().st_mode & 0o777 == 0o600
    assert not (Path(os.environ["PRODCOM_DATA_DIR"]) / "prodcom.db").exists()

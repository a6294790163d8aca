"""Hostile names reach no terminal through the command line either: the report, `check`, the import preview
(budget-line names come from the database), an import that fails, and `undo` (it prints a summary read back
from the file). Each command's stdout and stderr are scanned like the app's bytes."""

from __future__ import annotations

import io
from contextlib import redirect_stderr, redirect_stdout
from pathlib import Path

import pytest

from prodcom_tui.cli.main import main
from test_hostile_text import HOSTILE, LAST_SUMMARY, hostile_csvs, leaks, poison


def prodcom(db: Path, *args: str) -> tuple[int, bytes]:
    """`prodcom args --db db` in this process (a new interpreter is a second of imports per command): what it
    prints is the same text, encoded as the terminal would get it."""
    out = io.StringIO()
    with redirect_stdout(out), redirect_stderr(out):
        code = main([*args, "--db", str(db)])
    return code, out.getvalue().encode()


def test_command_line_prints_no_hostile_sequence(demo_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PRODCOM_TODAY", "2026-11-26")
    poison(demo_path)
    good, bad = hostile_csvs(demo_path, tmp_path)
    runs = {
        "report": prodcom(demo_path, "report"),
        "report md": prodcom(demo_path, "report", "--format", "md", "--date", "-1"),
        "check": prodcom(demo_path, "check"),
        "import preview": prodcom(demo_path, "import", "expenses", str(good), "--dry-run"),
        "import refused": prodcom(demo_path, "import", "expenses", str(bad), "--dry-run"),
        "undo": prodcom(demo_path, "undo"),
    }
    found = {name: what for name, (_, out) in runs.items() if (what := leaks(out))}
    assert not found, found
    said = {name: out.decode("utf-8", errors="replace") for name, (_, out) in runs.items()}
    # Each command did print the hostile text (made harmless), so the scan above had something to bite on.
    assert "ACME" in said["report"] and "Traceback" not in "".join(said.values()), said
    assert runs["import preview"][0] == 0 and "would be imported" in said["import preview"], said["import preview"]
    assert runs["import refused"][0] == 1 and "no vendor" in said["import refused"], said["import refused"]
    assert runs["undo"][0] == 0 and "Devis urgent" in said["undo"], said["undo"]
    assert HOSTILE and LAST_SUMMARY

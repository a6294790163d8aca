"""The three layers point one way: domain is pure, store has no Textual, ui never touches the database."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def test_import_linter_contracts_hold() -> None:
    # The venv's bin is not on PATH when pytest runs as .venv/bin/python -m pytest.
    beside = Path(sys.executable).with_name("lint-imports")
    exe = str(beside) if beside.exists() else shutil.which("lint-imports")
    if exe is None:
        pytest.fail("import-linter is part of the test extras: pip install -e '.[test]'")
    out = subprocess.run([exe], cwd=ROOT, capture_output=True, text=True, env={"PYTHONPATH": str(ROOT / "src"), "PATH": "/usr/bin:/bin"})
    assert out.returncode == 0, out.stdout + out.stderr


def test_first_frame_path_does_not_import_sqlmodel() -> None:
    """SQLModel costs ~0.35 s to import: the app module and the CLI must not pull it in."""
    code = "import sys, prodcom_tui.cli.main, prodcom_tui.ui.app; print('sqlmodel' in sys.modules, 'sqlalchemy' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    assert out.stdout.split() == ["False", "False"], out.stderr

"""Files a whole run needs once (generated datasets): the first xdist worker to ask builds each, the
others wait for it and read the same file. Tests get private copies (`copy_database`), so none writes
to what another reads.
"""

from __future__ import annotations

import os
import sqlite3
import time
from collections.abc import Callable
from pathlib import Path

import pytest

WAIT = 300.0  # s: the slowest build (the `large` dataset) takes a few seconds, more on a loaded machine


def run_dir(factory: pytest.TempPathFactory) -> Path:
    """The directory every worker of this run shares: the workers' base temp dirs sit side by side in it
    (xdist gives each `<run>/popen-gwN`); without xdist, the run's own base temp dir."""
    base = factory.getbasetemp()
    return base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base


def built_once(factory: pytest.TempPathFactory, name: str, build: Callable[[Path], None]) -> Path:
    """`<run>/shared-<name>/<name>`, built by `build(path)` in whichever worker gets here first.

    Creating the directory is the claim (mkdir is atomic); `done` or `failed` is written when the build
    ends, so the other workers wait for the file and never see it half built.
    """
    folder = run_dir(factory) / f"shared-{name}"
    target, done, failed = folder / name, folder / "done", folder / "failed"
    try:
        folder.mkdir()
    except FileExistsError:
        return _wait_for(target, done, failed)
    try:
        build(target)
    except BaseException as exc:
        failed.write_text(f"{type(exc).__name__}: {exc}")
        raise
    done.touch()
    return target


def _wait_for(target: Path, done: Path, failed: Path) -> Path:
    deadline = time.monotonic() + WAIT
    while not done.exists():
        if failed.exists():
            pytest.fail(f"building {target.name} failed in another worker: {failed.read_text()}")
        if time.monotonic() > deadline:
            pytest.fail(f"{target.name} was not built by another worker within {WAIT:.0f} s")
        time.sleep(0.05)
    return target


def copy_database(source: Path, target: Path) -> Path:
    """A private copy through SQLite's backup API (the source's WAL may hold pages), mode 0600."""
    src, dst = sqlite3.connect(source), sqlite3.connect(target)
    try:
        src.backup(dst)
    finally:
        src.close()
        dst.close()
    target.chmod(0o600)
    return target

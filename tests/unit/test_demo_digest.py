"""The generated data, byte for byte: speeding the generator up must not change one row.

The digests were taken from the generator as it stood before it was tuned for speed (26 Nov 2026);
a change that is meant to alter the data updates them in the same commit, saying why.
"""

from __future__ import annotations

import hashlib
import sqlite3
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from prodcom_tui.domain.clock import Clock
from prodcom_tui.store.demo import generate
from prodcom_tui.store.open import open_store

TODAY = date(2026, 11, 26)
DIGESTS = {
    "demo": "d1de45003cf50274ae609c0bed8f3603e38b701b16b365474c72b53a52f89a5f",
    "large": "45ecd39f0a98cdc5603c96b158caf40863e11b02605a71ab9edcbad2a1af13ef",
}


def digest(path: Path) -> str:
    """A hash over the schema (tables and indexes) and every table's rows, sorted, with their SQLite types."""
    conn = sqlite3.connect(path)
    try:
        h = hashlib.sha256()
        for kind, name, sql in sorted(conn.execute("SELECT type, name, sql FROM sqlite_master")):
            # Line order ignored: a batch migration writes a rebuilt table's constraints in set order.
            h.update(repr((kind, name, sorted(line.strip(" ,") for line in (sql or "").splitlines()))).encode())
        tables = sorted(n for (n,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'"))
        for table in tables:
            rows = conn.execute(f'SELECT * FROM "{table}"').fetchall()
            h.update(f"{table}:{len(rows)}".encode())
            for row in sorted(rows, key=repr):
                h.update(repr(tuple((type(v).__name__, v) for v in row)).encode())
        return h.hexdigest()
    finally:
        conn.close()


def test_demo_rows_are_unchanged(tmp_path: Path) -> None:
    store = open_store(tmp_path / "demo.db", clock=Clock(TODAY))
    try:
        generate(store, "demo", seed=7)
    finally:
        store.dispose()
    assert digest(tmp_path / "demo.db") == DIGESTS["demo"]


@pytest.mark.slow
def test_large_from_the_command_line_is_unchanged(tmp_path: Path) -> None:
    """The way a person (and bench/bench.py) makes it: `prodcom demo --size large`."""
    db = tmp_path / "large.db"
    argv = [sys.executable, "-m", "prodcom_tui", "demo", "--db", str(db), "--size", "large", "--today", TODAY.isoformat()]
    subprocess.run(argv, check=True, capture_output=True, text=True)
    assert digest(db) == DIGESTS["large"]
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith("large.db")) == ["large.db"]

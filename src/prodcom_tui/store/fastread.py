"""A bare read-only sqlite3 connection for commands that must answer fast (`prodcom report`).

It is only handed out when the file is already at the current schema; otherwise the caller goes
through `open_store`, which backs up and migrates first.
"""

from __future__ import annotations

import re
import sqlite3
from functools import cache
from pathlib import Path
from typing import Any

# The same wait as store.engine, not imported from there: that module loads SQLAlchemy.
BUSY_TIMEOUT_S = 10
# SQLite's page cache per connection (KiB; 2,000 by default). Each pooled connection filled its own up to
# 2 MiB: 1.7 MiB of a `large` session's 90 MiB peak, with no measurable cost per key (reads of 50,000
# expenses scan more pages than either size holds, and the OS caches the file for all connections).
CACHE_KIB = 512
VERSIONS = Path(__file__).with_name("migrations") / "versions"
# `revision = '0002'` / `down_revision: str | None = '0001'` lines of the migration files, read as text.
_REVISION_LINE = re.compile(r"^(down_)?revision\b[^=\n]*=(.*)$", re.M)


@cache
def head_revision() -> str | None:
    """The one revision no other revision builds on, read from the shipped files without importing Alembic
    (~0.1 s to import and load them); store.migrate checks it against Alembic's own answer."""
    revisions, parents = set(), set()
    for path in VERSIONS.glob("*.py"):
        for down, value in _REVISION_LINE.findall(path.read_text(encoding="utf-8")):
            (parents if down else revisions).update(re.findall(r"['\"]([\w-]+)['\"]", value))
    heads = revisions - parents
    return heads.pop() if len(heads) == 1 else None


def file_uri(path: Path | str, *, read_only: bool = False) -> str:
    """SQLite's URI for a file, percent-encoded: a `#`, `?` or `%` in a folder name would otherwise cut
    the path short or drop `mode=ro` (and SQLite would open, or create, another file)."""
    return Path(path).resolve().as_uri() + ("?mode=ro" if read_only else "")


def connect_current(path: Path) -> sqlite3.Connection | None:
    """A read-only connection when `path` is a prodcom database at head, else None."""
    if not path.is_file():
        return None
    conn = connect(path)
    try:
        rows = conn.execute("SELECT version_num FROM alembic_version").fetchall()
    except sqlite3.DatabaseError:
        conn.close()
        return None
    if len(rows) != 1 or rows[0][0] != head_revision():
        conn.close()
        return None
    return conn


def connect(path: Path) -> sqlite3.Connection:
    """A read-only connection, unchecked: for a file `connect_current` accepted earlier in this process.

    Cheap (~0.1 ms), so a caller opens one per read and never shares it between threads.
    """
    conn = sqlite3.connect(file_uri(path, read_only=True), uri=True, timeout=BUSY_TIMEOUT_S)
    conn.execute(f"PRAGMA cache_size = -{CACHE_KIB}")
    return conn


def runner(conn: sqlite3.Connection):  # noqa: ANN201
    """`run(sql, params)` over a sqlite3 connection, in one read transaction so every section agrees."""
    conn.execute("BEGIN")

    def run(sql: str, params: dict[str, Any]) -> list[tuple]:
        return conn.execute(sql, params).fetchall()

    return run

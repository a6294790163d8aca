"""The schema at the migration head as SQL text, for creating a new file without Alembic or SQLAlchemy.

Importing those two and migrating costs ~1.5 s, most of `prodcom demo` into a new file. The text in
schema_head.sql is dumped by scripts/dump_schema.py from a file the real migrations made, and
tests/unit/test_schema_head.py checks it still matches them; when it does not (a migration added,
the dump not redone), `dump_is_current` says so and callers take the migrations instead.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Iterator
from functools import cache
from pathlib import Path

from .fastread import head_revision

HEAD_SQL = Path(__file__).with_name("schema_head.sql")
_REVISION = re.compile(r"^-- revision: (\S+)$", re.M)


def render(sqls: list[str], revision: str) -> str:
    """The file's text: a header naming the revision, each statement, then the version stamp Alembic writes."""
    head = ("-- The schema at the migration head, dumped from a migrated file by scripts/dump_schema.py.\n"
            "-- Do not edit: add a migration, then run that script again.\n"
            f"-- revision: {revision}\n")
    body = "".join(f"{sql};\n" for sql in sqls)
    return f"{head}{body}INSERT INTO alembic_version (version_num) VALUES ('{revision}');\n"


@cache
def dumped_revision() -> str | None:
    found = _REVISION.search(HEAD_SQL.read_text(encoding="utf-8")) if HEAD_SQL.is_file() else None
    return found.group(1) if found else None


def dump_is_current() -> bool:
    """True when the dump was taken at the head the shipped migrations lead to."""
    return dumped_revision() is not None and dumped_revision() == head_revision()


def create_at_head(conn: sqlite3.Connection) -> bool:
    """Create every table and index and stamp the revision on an empty database, in one transaction.

    False, with nothing changed, when the database has tables by then: two processes opening one new
    file at once both find it empty, and the one that takes the write lock second must not fail on
    "table already exists" (it then finds the file current, as any later opener would).
    """
    conn.execute("BEGIN IMMEDIATE")  # the write lock before the check, so no one creates in between
    try:
        if conn.execute("SELECT 1 FROM sqlite_master LIMIT 1").fetchone():
            conn.execute("ROLLBACK")
            return False
        for sql in _statements(HEAD_SQL.read_text(encoding="utf-8")):
            conn.execute(sql)
        conn.execute("COMMIT")
    except BaseException:
        if conn.in_transaction:
            try:
                conn.execute("ROLLBACK")
            except sqlite3.Error:
                pass  # the connection is closed with it; the first error is the one to tell
        raise
    return True


def _statements(text: str) -> Iterator[str]:
    """The dump's statements one by one (executescript would commit the transaction opened above)."""
    pending = ""
    for line in text.splitlines(keepends=True):
        pending += line
        if sqlite3.complete_statement(pending):
            yield pending
            pending = ""
    if pending.strip():
        yield pending  # a cut-off last statement: SQLite refuses it, and nothing of the dump is kept

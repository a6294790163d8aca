"""The shipped schema dump (store/schema_head.sql) builds exactly what the migrations build.

A new demo file is created from the dump instead of by Alembic; if the two ever drift, a demo file
would differ from a file prodcom migrated. Fix either failure here with `python scripts/dump_schema.py`.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from prodcom_tui.store import fastread, migrate, schema
from prodcom_tui.store.open import open_store

REDO = "the schema dump is out of date: run `python scripts/dump_schema.py` and commit store/schema_head.sql"


def entries(path: Path) -> list[tuple]:
    """sqlite_master as test_demo_digest hashes it: a rebuilt table's constraint lines come in set order."""
    conn = sqlite3.connect(path)
    try:
        rows = conn.execute("SELECT type, name, tbl_name, sql FROM sqlite_master").fetchall()
        stamp = conn.execute("SELECT version_num FROM alembic_version").fetchall()
    finally:
        conn.close()
    schema_rows = sorted((kind, name, table, sorted(line.strip(" ,") for line in (sql or "").splitlines()))
                         for kind, name, table, sql in rows)
    return [*schema_rows, ("stamp", stamp)]


def test_the_dump_is_taken_at_the_migration_head() -> None:
    assert schema.dumped_revision() == migrate.head_revision(), REDO
    assert schema.dumped_revision() == fastread.head_revision(), REDO
    assert schema.dump_is_current()


def test_the_dump_builds_what_the_migrations_build(tmp_path: Path) -> None:
    open_store(tmp_path / "migrated.db").dispose()
    conn = sqlite3.connect(tmp_path / "dumped.db", isolation_level=None)
    try:
        schema.create_at_head(conn)
    finally:
        conn.close()
    assert entries(tmp_path / "dumped.db") == entries(tmp_path / "migrated.db"), REDO

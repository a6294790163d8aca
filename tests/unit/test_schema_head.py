"""The shipped schema dump (store/schema_head.sql) builds exactly what the migrations build.

A new demo file is created from the dump instead of by Alembic; if the two ever drift, a demo file
would differ from a file prodcom migrated. Fix either failure here with `python scripts/dump_schema.py`.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from prodcom_tui.store import fastread, migrate, schema
from prodcom_tui.store import open as open_module
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


def migrated(path: Path) -> Path:
    migrate.migrate_new_file(path)
    return path


def test_the_dump_builds_what_the_migrations_build(tmp_path: Path) -> None:
    conn = sqlite3.connect(tmp_path / "dumped.db", isolation_level=None)
    try:
        assert schema.create_at_head(conn)
    finally:
        conn.close()
    assert entries(tmp_path / "dumped.db") == entries(migrated(tmp_path / "migrated.db")), REDO


def test_a_new_file_is_opened_at_head_from_the_dump(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """open_store gives a new file the migrations' schema without running them."""
    want = entries(migrated(tmp_path / "migrated.db"))
    monkeypatch.setattr(migrate, "upgrade", lambda *a, **k: pytest.fail("a new file ran the migrations"))
    open_store(tmp_path / "new.db").dispose()
    assert entries(tmp_path / "new.db") == want, REDO
    assert oct((tmp_path / "new.db").stat().st_mode & 0o777) == "0o600"


def test_a_stale_dump_leaves_a_new_file_to_the_migrations(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    want = entries(migrated(tmp_path / "migrated.db"))
    monkeypatch.setattr(open_module, "dump_is_current", lambda: False)
    monkeypatch.setattr(schema, "create_at_head", lambda conn: pytest.fail("a stale dump was used"))
    open_store(tmp_path / "new.db").dispose()
    assert entries(tmp_path / "new.db") == want


def test_a_file_created_by_another_opener_first_is_left_as_it_is(tmp_path: Path) -> None:
    """Two processes opening one new file both find it empty; the second to get the lock changes nothing."""
    path = tmp_path / "new.db"
    open_store(path).dispose()
    before = entries(path)
    conn = sqlite3.connect(path, isolation_level=None)
    try:
        assert not schema.create_at_head(conn)
        assert not conn.in_transaction
    finally:
        conn.close()
    assert entries(path) == before


def test_the_dump_script_takes_the_migrations_not_the_dump(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Redoing the dump (after a migration is edited, or SQLAlchemy writes its SQL differently) must not
    copy the dump it replaces."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("dump_schema", Path(__file__).parents[2] / "scripts" / "dump_schema.py")
    script = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(script)
    monkeypatch.setattr(schema, "create_at_head", lambda conn: pytest.fail("the script copied the dump"))
    sqls, revision = script.migrated_entries(tmp_path / "head.db")
    assert revision == migrate.head_revision() and len(sqls) > 20

"""The store: pragmas, file modes, money constraints, bad files and migrations."""

from __future__ import annotations

import hashlib
import os
import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import Float, Numeric, text
from sqlalchemy.exc import IntegrityError

from prodcom_tui.store import migrate
from prodcom_tui.store.errors import NewerDatabase, NotADatabase, StoreError
from prodcom_tui.store.models import BudgetLine, Expense, Project, metadata
from prodcom_tui.store.open import open_store


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_pragmas_read_back_from_the_file(store) -> None:
    with store.write_engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == 2  # FULL
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() >= 5000
    # A plain sqlite3 connection sees WAL too: it is a property of the file, not of our connection.
    assert sqlite3.connect(store.path).execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_writes_begin_immediate(store) -> None:
    """A second writer waits instead of failing when the first upgrades from read to write."""
    statements: list[str] = []
    from sqlalchemy import event

    event.listen(store.write_engine, "before_cursor_execute", lambda *a: statements.append(a[2]))
    with store.writing("test", "touch") as s:
        s.add(Project(code="P1", name="One"))
    assert statements[0] == "BEGIN IMMEDIATE"


def test_file_modes_are_private_whatever_the_umask(tmp_path: Path, clock) -> None:
    old = os.umask(0o022)
    try:
        from prodcom_tui.paths import ensure_private_dir

        folder = ensure_private_dir(tmp_path / "data")
        s = open_store(folder / "p.db", clock=clock)
        with s.writing("test", "touch") as session:
            session.add(Project(code="P1", name="One"))
        s.dispose()
    finally:
        os.umask(old)
    assert (folder.stat().st_mode & 0o777) == 0o700
    for path in folder.glob("p.db*"):
        assert (path.stat().st_mode & 0o777) == 0o600, path


def test_no_float_or_decimal_money_columns() -> None:
    for table in metadata.tables.values():
        for column in table.columns:
            assert not isinstance(column.type, (Float, Numeric)), f"{table.name}.{column.name}"


def _line(store) -> int:
    with store.writing("test", "seed") as s:
        project = Project(code="P1", name="One")
        s.add(project)
        s.flush()
        line = BudgetLine(project_id=project.id, name="Print", estimate_minor=100_00)
        s.add(line)
        s.flush()
        return line.id


@pytest.mark.parametrize(
    ("amount", "currency"),
    [(12.5, "EUR"), (100, "eur"), (100, "EURO"), (10**14, "EUR")],
)
def test_money_constraints_refuse_bad_amounts(store, amount, currency) -> None:
    line_id = _line(store)
    with pytest.raises((IntegrityError, StoreError)):
        with store.writing("test", "bad") as s:
            s.add(Expense(budget_line_id=line_id, amount_minor=amount, currency=currency, spent_on=store.clock.today()))


def test_money_constraints_accept_a_credit_note(store) -> None:
    line_id = _line(store)
    with store.writing("test", "credit") as s:
        s.add(Expense(budget_line_id=line_id, amount_minor=-1_500, spent_on=store.clock.today()))


def test_a_directory_is_refused(tmp_path: Path) -> None:
    with pytest.raises(NotADatabase, match="is a directory"):
        open_store(tmp_path)


def test_a_missing_folder_is_refused(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="does not exist"):
        open_store(tmp_path / "no" / "such" / "x.db")


def test_random_bytes_are_refused_and_untouched(tmp_path: Path) -> None:
    junk = tmp_path / "junk.db"
    junk.write_bytes(os.urandom(4096))
    before = digest(junk)
    with pytest.raises(NotADatabase, match="not a SQLite database"):
        open_store(junk)
    assert digest(junk) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["junk.db"]


def test_a_newer_database_is_refused_and_untouched(store) -> None:
    with store.write_engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = '9999_from_the_future'"))
    path = store.path
    store.dispose()
    before = digest(path)
    with pytest.raises(NewerDatabase, match="newer prodcom"):
        open_store(path)
    assert digest(path) == before


def test_a_foreign_sqlite_file_is_refused(tmp_path: Path) -> None:
    other = tmp_path / "other.db"
    with sqlite3.connect(other) as conn:
        conn.execute("CREATE TABLE notes (body TEXT)")
    with pytest.raises(NotADatabase, match="not made by prodcom"):
        open_store(other)


def test_every_revision_upgrades_to_head_with_data_intact(tmp_path: Path, clock) -> None:
    """Build the database at the first revision, put data in, upgrade to head, find the data."""
    from prodcom_tui.store.engine import create_private_file, make_engine

    path = tmp_path / "old.db"
    create_private_file(path)
    engine = make_engine(path, write=True)
    first = min(migrate.known_revisions())
    migrate.upgrade(engine, first)
    with engine.begin() as conn:
        conn.execute(text("INSERT INTO project (id, code, name, client, kind, status, currency, health_comment) "
                          "VALUES (1, 'OLD', 'Old project', '', 'print', 'live', 'EUR', '')"))
        conn.execute(text("INSERT INTO budgetline (id, project_id, name, category, estimate_minor, currency, is_contingency) "
                          "VALUES (1, 1, 'Printing', '', 123456, 'EUR', 0)"))
    engine.dispose()
    s = open_store(path, clock=clock)
    with s.reading() as session:
        assert session.get(Project, 1).name == "Old project"
        assert session.get(BudgetLine, 1).estimate_minor == 123456
    assert migrate.current_revision(s.read_engine) == migrate.head_revision()
    if first != migrate.head_revision():
        assert list((path.parent / "backups").glob("*before-upgrade.db")), "no backup before the migration"
    s.dispose()


def test_models_match_the_migrations(tmp_path: Path) -> None:
    """Autogenerate against head finds nothing: the tables and the migrations agree. The file is migrated
    here: open_store takes the schema dump, which test_schema_head holds to the migrations."""
    from alembic.autogenerate import compare_metadata
    from alembic.runtime.migration import MigrationContext

    from prodcom_tui.store.engine import make_engine

    migrate.migrate_new_file(tmp_path / "head.db")
    engine = make_engine(tmp_path / "head.db", write=False)
    try:
        with engine.connect() as conn:
            diff = compare_metadata(MigrationContext.configure(conn), metadata)
    finally:
        engine.dispose()
    assert diff == []

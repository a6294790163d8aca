"""Schema versions: Alembic migrations shipped in the package, applied at start-up after a backup."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Connection, Engine, inspect
from sqlalchemy.exc import OperationalError

from . import fastread
from .errors import NewerDatabase, NotADatabase

if TYPE_CHECKING:
    from alembic.config import Config

MIGRATIONS = Path(__file__).with_name("migrations")


def alembic_config(connection: Connection | None = None) -> Config:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    cfg.attributes["connection"] = connection
    return cfg


def head_revision() -> str:
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(alembic_config()).get_current_head() or ""


def known_revisions() -> set[str]:
    from alembic.script import ScriptDirectory

    return {rev.revision for rev in ScriptDirectory.from_config(alembic_config()).walk_revisions()}


def current_revision(engine: Engine) -> str | None:
    from alembic.runtime.migration import MigrationContext

    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def static_head() -> str | None:
    """The head revision read from the migration files as text (store.fastread): no Alembic needed."""
    return fastread.head_revision()


def _stamped(conn: Connection) -> list[str] | None:
    try:
        return [row[0] for row in conn.exec_driver_sql("SELECT version_num FROM alembic_version")]
    except OperationalError:  # no such table: let the full check below say what the file is
        conn.rollback()
        return None


def state(engine: Engine) -> str:
    """'empty', 'current', 'old' or raises: a file made by a newer prodcom or by something else."""
    with engine.connect() as conn:
        stamped = _stamped(conn)
    if stamped is not None and stamped == [static_head()]:
        return "current"  # the everyday case, answered without Alembic
    if stamped is None and not _has_tables(engine):
        return "empty"  # a new file: no need to load Alembic to say so
    return _full_state(engine)


def _has_tables(engine: Engine) -> bool:
    with engine.connect() as conn:
        return conn.exec_driver_sql("SELECT 1 FROM sqlite_master WHERE type = 'table' LIMIT 1").first() is not None


def migrate_new_file(path: Path) -> None:
    """A new file brought to head by the migrations themselves, for scripts/dump_schema.py and the tests
    that hold the schema dump to them: open_store would hand it the dump."""
    from .engine import create_private_file, make_engine

    create_private_file(path)
    engine = make_engine(path, write=True)
    try:
        upgrade(engine)
    finally:
        engine.dispose()


def create_from_dump(engine: Engine) -> bool:
    """Give an empty file the head schema from the shipped dump (store.schema) in one transaction: ~10 ms,
    where importing Alembic and running every migration takes 0.1-0.3 s of each new file's first open.
    False when another process created the schema first (schema.create_at_head)."""
    from .schema import create_at_head

    with engine.connect() as conn:
        return create_at_head(conn.connection.driver_connection)


def _full_state(engine: Engine) -> str:
    from alembic.runtime.migration import MigrationContext

    with engine.connect() as conn:
        tables = set(inspect(conn).get_table_names())
        revision = MigrationContext.configure(conn).get_current_revision()
    if not tables:
        return "empty"
    if revision is None:
        raise NotADatabase("this SQLite file was not made by prodcom (it has no schema version): choose another --db")
    if revision not in known_revisions():
        raise NewerDatabase(
            f"this database was made by a newer prodcom (schema {revision}): upgrade prodcom to open it; nothing was changed"
        )
    return "current" if revision == head_revision() else "old"


def upgrade(engine: Engine, target: str = "head") -> None:
    from alembic import command

    # Foreign keys stay off while batch migrations rebuild tables, then are checked as a whole.
    with engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA foreign_keys = OFF")
        command.upgrade(alembic_config(conn), target)
        conn.commit()
        problems = conn.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
        conn.exec_driver_sql("PRAGMA foreign_keys = ON")
    if problems:
        raise NotADatabase(f"the upgraded database has {len(problems)} broken references: restore the backup taken before it")

"""Schema versions: Alembic migrations shipped in the package, applied at start-up after a backup."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, Engine, inspect

from .errors import NewerDatabase, NotADatabase

MIGRATIONS = Path(__file__).with_name("migrations")


def alembic_config(connection: Connection | None = None) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    cfg.attributes["connection"] = connection
    return cfg


def head_revision() -> str:
    return ScriptDirectory.from_config(alembic_config()).get_current_head() or ""


def known_revisions() -> set[str]:
    return {rev.revision for rev in ScriptDirectory.from_config(alembic_config()).walk_revisions()}


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def state(engine: Engine) -> str:
    """'empty', 'current', 'old' or raises: a file made by a newer prodcom or by something else."""
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
    # Foreign keys stay off while batch migrations rebuild tables, then are checked as a whole.
    with engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA foreign_keys = OFF")
        command.upgrade(alembic_config(conn), target)
        conn.commit()
        problems = conn.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
        conn.exec_driver_sql("PRAGMA foreign_keys = ON")
    if problems:
        raise NotADatabase(f"the upgraded database has {len(problems)} broken references: restore the backup taken before it")

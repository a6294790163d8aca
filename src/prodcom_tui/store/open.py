"""Open a database file: check it, migrate it after a backup, and hand back a Store."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from sqlalchemy.exc import DatabaseError

from prodcom_tui.domain.clock import Clock

from . import migrate
from .backup import backup_file, daily_backup_due
from .engine import create_private_file, make_engine, network_warning
from .precheck import check_db_path
from .schema import dump_is_current
from .errors import SQLITE_BUSY, SQLITE_CANTOPEN, SQLITE_FULL, SQLITE_IOERR, SQLITE_LOCKED, SQLITE_READONLY
from .errors import DamagedDatabase, NotADatabase, StoreError, result_code
from .store import Store, storage_error

WRITE_PROBLEMS = {SQLITE_BUSY, SQLITE_LOCKED, SQLITE_READONLY, SQLITE_IOERR, SQLITE_CANTOPEN, SQLITE_FULL}


def open_store(path: Path, *, clock: Clock | None = None, read_only: bool = False, upgrade: bool = True) -> Store:
    """The one way the app and the command line reach a database file."""
    check_db_path(path)
    if read_only and not path.exists():
        raise StoreError(f"{path} does not exist: a read-only viewer needs the producer's database")
    if not read_only:
        create_private_file(path)
    reader = make_engine(path, write=False, read_only=read_only)
    writer = None if read_only else make_engine(path, write=True)
    store = Store(path, reader, writer, clock or Clock())
    store.warnings += filter(None, [network_warning(path)])
    try:
        _bring_to_head(store, upgrade)
    except (DatabaseError, sqlite3.DatabaseError) as exc:
        store.dispose()
        if result_code(exc) in WRITE_PROBLEMS:  # a full disk is not a damaged file: say which
            raise storage_error(exc) from None
        raise NotADatabase(f"{path} cannot be read as a database ({_reason(exc)}): check the path or restore a backup") from None
    except Exception:
        store.dispose()
        raise
    return store


def _reason(exc: Exception) -> str:
    return str(getattr(exc, "orig", exc)).split("\n")[0]


def _bring_to_head(store: Store, upgrade: bool) -> None:
    status = migrate.state(store.read_engine)
    if status == "current":
        return
    if store.read_only or not upgrade:
        raise StoreError(f"{store.path} needs a schema upgrade: run `prodcom db upgrade --db {store.path}` first")
    # A new file from the schema dump, when it is at the head the migrations lead to (tests/unit/
    # test_schema_head.py checks it builds what they build). If another process created the schema
    # first, the migrations below find the file at head and do nothing.
    if status == "empty" and dump_is_current() and migrate.create_from_dump(store.write_engine):
        return
    if status == "old":
        backup_file(store.path, "before-upgrade", store.clock.now())
    migrate.upgrade(store.write_engine)


def maybe_daily_backup(store: Store) -> Path | None:
    """Once a day, the first time prodcom opens the file with data in it; a failure warns but never blocks work."""
    if store.path is None or store.read_only or not daily_backup_due(store.path, store.clock.today()):
        return None
    try:
        return backup_file(store.path, "daily", store.clock.now())
    except DamagedDatabase as exc:  # the sentence says what to do; "once the cause is fixed" would not
        store.warnings.append(str(exc))
        return None
    except (OSError, sqlite3.Error, StoreError) as exc:
        store.warnings.append(f"today's automatic backup failed ({_reason(exc)}): run `prodcom backup` once the cause is fixed")
        return None

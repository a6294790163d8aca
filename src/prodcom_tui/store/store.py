"""The Store: one database file, a read engine, a write engine and recorded write sessions."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import Engine
from sqlalchemy.exc import DBAPIError
from sqlmodel import Session

from prodcom_tui.domain.clock import Clock

from . import changelog
from .engine import make_engine
from .errors import (RECOVER, SQLITE_BUSY, SQLITE_CANTOPEN, SQLITE_CONSTRAINT, SQLITE_FULL, SQLITE_IOERR, SQLITE_LOCKED,
                     SQLITE_READONLY, DamagedDatabase, StoreError, StoreFull, is_damage, read_errors, result_code)
from .errors import first_line as _first_line


@dataclass
class Store:
    path: Path | None
    read_engine: Engine
    write_engine: Engine | None
    clock: Clock = field(default_factory=Clock)
    # Things the person should know about this file (e.g. it sits on a network share); shown once on open.
    warnings: list[str] = field(default_factory=list)
    # Writes this process committed, recorded or not: part of `services.system.change_mark`, so a
    # screen shown again knows whether anything may differ from what it last loaded.
    local_writes: int = 0

    @property
    def read_only(self) -> bool:
        return self.write_engine is None

    @contextmanager
    def reading(self) -> Iterator[Session]:
        with read_errors(), Session(self.read_engine, expire_on_commit=False) as session:
            yield session

    @contextmanager
    def writing(self, kind: str, summary: str) -> Iterator[Session]:
        """One transaction, recorded in the change log as one undoable batch."""
        if self.write_engine is None:
            raise StoreError("this window is read-only: make the change in the producer's own prodcom")
        with translate_errors(), Session(self.write_engine, expire_on_commit=False) as session:
            with session.begin():
                batch = changelog.open_batch(session, kind, summary[:300], self.clock.now())
                changelog.attach_recorder(session, batch)
                yield session
            self.local_writes += 1

    @contextmanager
    def raw_writing(self) -> Iterator[Session]:
        """A write transaction that is not recorded (bulk demo data, undo itself)."""
        if self.write_engine is None:
            raise StoreError("this window is read-only: make the change in the producer's own prodcom")
        with translate_errors(), Session(self.write_engine, expire_on_commit=False) as session:
            with session.begin():
                yield session
            self.local_writes += 1

    def ping(self) -> None:
        """Open a connection now (and check the file answers), rather than on the first real query."""
        with self.read_engine.connect() as conn:
            conn.exec_driver_sql("SELECT 1")

    def dispose(self) -> None:
        self.read_engine.dispose()
        if self.write_engine is not None:
            self.write_engine.dispose()


@contextmanager
def translate_errors() -> Iterator[None]:
    """Turn SQLite's disk, lock and file errors into one sentence for the user; the transaction is rolled back."""
    try:
        yield
    except (DBAPIError, sqlite3.Error) as exc:
        raise storage_error(exc) from None


def storage_error(exc: BaseException) -> StoreError:
    """The user's sentence for a database error, chosen by SQLite's result code (never by words in its text)."""
    orig = getattr(exc, "orig", None) or exc
    code = result_code(exc)
    if code == SQLITE_FULL:
        return StoreFull("the disk is full, so nothing was saved: free some space and try again")
    if code in (SQLITE_BUSY, SQLITE_LOCKED):
        return StoreError("the database stayed busy in another prodcom for 10 s: nothing was saved, try again")
    if code == SQLITE_READONLY:
        return StoreError("the database file is read-only: nothing was saved; check its permissions")
    if code in (SQLITE_IOERR, SQLITE_CANTOPEN):
        return StoreError(f"the database file could not be written ({_first_line(orig)}): nothing was saved; check the disk")
    if is_damage(exc):
        return DamagedDatabase(f"the database file is damaged: nothing was saved; {RECOVER}")
    if code == SQLITE_CONSTRAINT:
        return StoreError(f"the change breaks a rule of the database ({_first_line(orig)}): nothing was saved")
    return StoreError(f"the database refused the change ({_first_line(orig)}): nothing was saved")


def memory_store(clock: Clock | None = None) -> Store:
    """A private in-memory store for tests; one connection shared across threads."""
    engine = make_engine(":memory:", write=False, memory=True)
    return Store(None, engine, engine, clock or Clock())

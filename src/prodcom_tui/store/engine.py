"""The engine factory: every connection gets the pragmas that keep the file safe."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.pool import QueuePool, StaticPool

from .fastread import CACHE_KIB, file_uri
# Re-exported: they moved to files.py so a new demo file is created without loading SQLAlchemy.
from .files import NETWORK_FS, create_private_file, network_filesystem, network_warning  # noqa: F401


BUSY_TIMEOUT_MS = 10_000


def _set_pragmas(dbapi_conn: sqlite3.Connection, read_only: bool) -> None:
    # Autocommit at the driver so SQLAlchemy's "begin" event decides how each transaction starts.
    dbapi_conn.isolation_level = None
    cur = dbapi_conn.cursor()
    cur.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    cur.execute("PRAGMA foreign_keys = ON")
    cur.execute(f"PRAGMA cache_size = -{CACHE_KIB}")  # a smaller page cache per pooled connection: see fastread
    if not read_only:
        cur.execute("PRAGMA journal_mode = WAL")
        cur.execute("PRAGMA synchronous = FULL")
    cur.close()


def make_engine(path: Path | str, *, write: bool, read_only: bool = False, memory: bool = False) -> Engine:
    """One engine per role: writers begin IMMEDIATE so a read never has to upgrade to a write lock."""
    if memory:
        engine = create_engine(
            "sqlite://", poolclass=StaticPool, connect_args={"check_same_thread": False}, hide_parameters=True
        )
    else:
        uri = file_uri(path, read_only=read_only)
        # A creator behind "sqlite://" would get SingletonThreadPool, which closes other threads'
        # connections past five threads; screens load several panes at once, so pool explicitly.
        engine = create_engine(
            "sqlite://",
            creator=lambda: sqlite3.connect(uri, uri=True, check_same_thread=False, timeout=BUSY_TIMEOUT_MS / 1000),
            hide_parameters=True,
            poolclass=QueuePool,
            pool_size=4,
            max_overflow=12,
        )

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn, _record):  # noqa: ANN001
        _set_pragmas(dbapi_conn, read_only)

    @event.listens_for(engine, "begin")
    def _on_begin(conn):  # noqa: ANN001
        conn.exec_driver_sql("BEGIN IMMEDIATE" if write else "BEGIN")

    return engine

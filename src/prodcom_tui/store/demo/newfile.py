"""A new demo database file, built under a temporary name and moved into place only when complete.

Nobody else can have the temporary file open, so the inserts can skip what protects a shared,
live file (the write-ahead log, fsync per commit, foreign keys checked row by row): a crash
leaves at worst a stray `.NAME.PID.RANDOM.building` file, never a half-written database at NAME.
"""

from __future__ import annotations

import os
import secrets
import sqlite3
import time
from pathlib import Path
from typing import NamedTuple

from prodcom_tui.domain.clock import Clock
from prodcom_tui.io.atomic import fsync_path

from ..errors import StoreError
from ..fastread import file_uri
from ..files import create_private_file, network_warning
from ..schema import create_at_head, dump_is_current
from .generate import fill, size_spec
from .sink import Db

# Set on the builder's own connection before its one transaction; the finished file gets the
# engine's usual settings back (WAL is stored in the file, so the app opens it as any other).
UNGUARDED = ("PRAGMA foreign_keys = OFF", "PRAGMA journal_mode = MEMORY", "PRAGMA synchronous = OFF")
GUARDED = ("PRAGMA journal_mode = WAL", "PRAGMA synchronous = FULL", "PRAGMA foreign_keys = ON")


class Built(NamedTuple):
    counts: dict[str, int]  # rows per table
    warnings: list[str]  # what the person should know about the file (e.g. it is on a network share)
    data_seconds: float  # the rows alone, from the first insert to the file on disk under its name


def build_new(path: Path, clock: Clock, size: str = "demo", seed: int = 7) -> Built:
    """Create `path`, which must not exist, holding the `size` dataset."""
    spec = size_spec(size)
    # Random as well as the PID: a build killed outright leaves its file behind (no `finally` runs), and a
    # later run with the same PID would have opened that half-written, unjournaled file as its own.
    temp = path.with_name(f".{path.name}.{os.getpid()}.{secrets.token_hex(4)}.building")
    try:
        _create(temp, clock)
        started = time.perf_counter()
        counts = _fill_alone(temp, spec, clock, seed)
        fsync_path(temp)  # written with synchronous off: on disk before it gets its real name
        _move_into_place(temp, path)
    finally:
        for suffix in ("", "-journal", "-wal", "-shm"):
            Path(f"{temp}{suffix}").unlink(missing_ok=True)
    return Built(counts, list(filter(None, [network_warning(path)])), time.perf_counter() - started)


def _create(temp: Path, clock: Clock) -> None:
    """The empty file at the current schema, private (0600): from the schema dump, which saves loading
    SQLAlchemy and Alembic (~1.5 s); through the migrations when the dump is behind them."""
    if not dump_is_current():
        from ..open import open_store

        open_store(temp, clock=clock).dispose()
        return
    create_private_file(temp)
    with _connection(temp) as conn:
        create_at_head(conn)


def _fill_alone(temp: Path, spec, clock: Clock, seed: int) -> dict[str, int]:  # noqa: ANN001
    with _connection(temp) as conn:
        for pragma in UNGUARDED:
            conn.execute(pragma)
        conn.execute("BEGIN IMMEDIATE")
        counts = fill(Db(conn), spec, clock.today(), seed)
        # Checked once for the whole file instead of on each insert: a broken reference still aborts.
        broken = conn.execute("PRAGMA foreign_key_check").fetchall()
        if broken:
            raise StoreError(f"demo data with {len(broken)} broken references (first: {broken[0]}): nothing was written")
        conn.execute("COMMIT")
        for pragma in GUARDED:
            conn.execute(pragma)
    return counts


class _connection:
    """A sqlite3 connection in autocommit (we say BEGIN ourselves), closed on the way out; a SQLite
    error becomes the app's usual sentence (disk full, read-only…), and an unfinished transaction is
    simply never committed."""

    def __init__(self, path: Path) -> None:
        self.conn = sqlite3.connect(file_uri(path), uri=True, isolation_level=None)

    def __enter__(self) -> sqlite3.Connection:
        return self.conn

    def __exit__(self, kind, exc, _tb) -> None:  # noqa: ANN001
        self.conn.close()
        if isinstance(exc, sqlite3.Error):
            from ..store import storage_error  # loads SQLAlchemy, but only once something went wrong

            raise storage_error(exc) from None


def _move_into_place(temp: Path, path: Path) -> None:
    """A hard link never replaces a file that appeared meanwhile (say a prodcom opened at that path)."""
    try:
        os.link(temp, path)
    except FileExistsError:
        raise StoreError(f"{path} appeared while the demo was being built: it was left as it is") from None
    except OSError:  # a filesystem without hard links: rename, having checked the name is still free
        if path.exists():
            raise StoreError(f"{path} appeared while the demo was being built: it was left as it is") from None
        os.rename(temp, path)
    _sync_dir(path.parent)


def _sync_dir(folder: Path) -> None:
    try:
        fsync_path(folder)
    except OSError:
        return  # not every system opens (or syncs) directories; the file itself is already on disk

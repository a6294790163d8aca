"""The engine factory: every connection gets the pragmas that keep the file safe."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.pool import QueuePool, StaticPool

from .fastread import file_uri


BUSY_TIMEOUT_MS = 10_000
NETWORK_FS = {"nfs", "nfs4", "cifs", "smbfs", "smb3", "sshfs", "fuse.sshfs", "9p", "afs", "ceph", "glusterfs",
              "fuse.glusterfs", "fuse.rclone", "davfs", "fuse.davfs2", "lustre", "gpfs"}


def create_private_file(path: Path) -> None:
    """Create the database file with mode 0600 whatever the umask; SQLite copies it to -wal and -shm."""
    if path.exists():
        if path.stat().st_mode & 0o077:
            os.chmod(path, 0o600)
        return
    fd = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
    os.close(fd)
    os.chmod(path, 0o600)


def _set_pragmas(dbapi_conn: sqlite3.Connection, read_only: bool) -> None:
    # Autocommit at the driver so SQLAlchemy's "begin" event decides how each transaction starts.
    dbapi_conn.isolation_level = None
    cur = dbapi_conn.cursor()
    cur.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    cur.execute("PRAGMA foreign_keys = ON")
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


def network_filesystem(path: Path, mounts: Path = Path("/proc/mounts")) -> str | None:
    """The filesystem type when the database sits on a network share (SQLite locking is unreliable there)."""
    try:
        lines = mounts.read_text().splitlines()
    except OSError:
        return None
    target, best = Path(path).resolve(), (-1, "")
    for line in lines:
        parts = line.split()
        if len(parts) < 3:
            continue
        # /proc/mounts writes a space in a mount point as \040 (and tab, newline, backslash likewise).
        point = Path(parts[1].encode().decode("unicode_escape"))
        # Whole path components only: /mnt/nfs must not claim /mnt/nfsdata.
        if (point == target or point in target.parents) and len(point.parts) > best[0]:
            best = (len(point.parts), parts[2])
    return best[1] if best[1] in NETWORK_FS else None


def network_warning(path: Path, mounts: Path = Path("/proc/mounts")) -> str | None:
    """One sentence for the person when `path` is on a network filesystem, else None."""
    kind = network_filesystem(path, mounts)
    if kind is None:
        return None
    return (
        f"{path} is on a network filesystem ({kind}): SQLite cannot lock it reliably, so two computers "
        "writing at once can damage it; keep the database on a local disk"
    )

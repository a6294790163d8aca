"""Checks on a database path that need no SQLAlchemy, so the command line can fail fast."""

from __future__ import annotations

from pathlib import Path

from prodcom_tui.paths import ensure_private_dir

from .errors import NotADatabase, StoreError

SQLITE_HEADER = b"SQLite format 3\x00"


def check_db_path(path: Path) -> None:
    """Refuse, before SQLite touches anything, paths that cannot be a prodcom database."""
    if path.is_dir():
        raise NotADatabase(f"{path} is a directory: give the path of a database file, e.g. {path / 'prodcom.db'}")
    if not path.parent.is_dir():
        raise StoreError(f"the folder {path.parent} does not exist: create it first or choose another --db path")
    if path.exists() and path.stat().st_size > 0:
        try:
            with path.open("rb") as handle:
                header = handle.read(16)
        except OSError as exc:
            raise StoreError(f"{path} cannot be read ({exc.strerror}): check its permissions") from None
        if header != SQLITE_HEADER:
            raise NotADatabase(f"{path} is not a SQLite database: point --db at a prodcom database or a new file")


def prepare_location(path: Path, *, default_location: bool) -> None:
    """Make the data dir private when it is ours, then check the path."""
    if default_location:
        ensure_private_dir(path.parent)
    check_db_path(path)

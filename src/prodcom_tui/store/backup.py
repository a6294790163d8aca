"""Backups through SQLite's backup API (a file copy can catch a half-written page), verified and rotated."""

from __future__ import annotations

import os
import re
import shutil
import sqlite3
from datetime import date, datetime
from pathlib import Path

from prodcom_tui.paths import backups_dir, ensure_private_dir

from .engine import create_private_file
from .errors import RECOVER, DamagedDatabase, StoreError, integrity_summary, is_damage
from .fastread import file_uri

NAME = re.compile(r"^prodcom-(\d{8})-(\d{6})-([a-z-]+)\.db$")
KEEP_RECENT, KEEP_DAILY, KEEP_WEEKLY = 3, 7, 4


def backup_file(db_path: Path, reason: str, now: datetime | None = None) -> Path:
    """Copy the live database into the backups folder, verify the copy, then rotate old ones."""
    folder = ensure_private_dir(backups_dir(db_path))
    stamp = (now or datetime.now()).strftime("%Y%m%d-%H%M%S")
    target = folder / f"prodcom-{stamp}-{reason}.db"
    copy_database(db_path, target)
    rotate(folder)
    return target


def copy_database(source: Path, target: Path) -> None:
    """Online copy into `target` (0600), checked with integrity_check before it counts."""
    partial = target.with_suffix(".partial")
    partial.unlink(missing_ok=True)
    os.close(os.open(partial, os.O_CREAT | os.O_WRONLY, 0o600))
    try:
        verdicts = _copy_and_verify(source, partial)
    except sqlite3.Error as exc:
        partial.unlink(missing_ok=True)
        if is_damage(exc):
            raise DamagedDatabase(f"{source} is damaged ({exc}), so it was not backed up: {RECOVER}") from None
        raise StoreError(f"the backup of {source} could not be written ({exc}): check the disk") from None
    if verdicts != ["ok"]:
        partial.unlink(missing_ok=True)
        raise DamagedDatabase(f"{source} is damaged ({integrity_summary(verdicts)}), so it was not backed up: {RECOVER}")
    os.chmod(partial, 0o600)
    os.replace(partial, target)


def _copy_and_verify(source: Path, target: Path) -> list[str]:
    src = sqlite3.connect(file_uri(source, read_only=True), uri=True)
    dst = sqlite3.connect(target)
    try:
        src.backup(dst)
        return [row[0] for row in dst.execute("PRAGMA integrity_check")]
    finally:
        dst.close()
        src.close()


def list_backups(folder: Path) -> list[tuple[datetime, Path]]:
    found = []
    for path in folder.glob("prodcom-*.db"):
        match = NAME.match(path.name)
        if match:
            found.append((datetime.strptime(match[1] + match[2], "%Y%m%d%H%M%S"), path))
    return sorted(found, reverse=True)


def keep_set(stamps: list[datetime]) -> set[datetime]:
    """The newest few, the newest of each of the last 7 days, and of each of the last 4 weeks."""
    keep = set(stamps[:KEEP_RECENT])
    days: dict[date, datetime] = {}
    weeks: dict[tuple[int, int], datetime] = {}
    for stamp in stamps:  # newest first, so setdefault keeps the newest of each day and week
        days.setdefault(stamp.date(), stamp)
        weeks.setdefault(stamp.isocalendar()[:2], stamp)
    keep.update(list(days.values())[:KEEP_DAILY])
    keep.update(list(weeks.values())[:KEEP_WEEKLY])
    return keep


def rotate(folder: Path) -> list[Path]:
    backups = list_backups(folder)
    keep = keep_set([stamp for stamp, _ in backups])
    removed = [path for stamp, path in backups if stamp not in keep]
    for path in removed:
        path.unlink(missing_ok=True)
    return removed


def daily_backup_due(db_path: Path, today: date) -> bool:
    folder = backups_dir(db_path)
    return not folder.is_dir() or not any(stamp.date() == today for stamp, _ in list_backups(folder))


def restore_file(backup: Path, db_path: Path) -> Path:
    """Put a backup in place of the database, after backing up the current file."""
    check_restorable(backup)
    saved = _keep_current(db_path) if db_path.exists() else None
    src = dst = None
    try:  # SQLite's backup API writes over the file under its locks: another prodcom on it waits, then sees it
        create_private_file(db_path)
        dst = sqlite3.connect(db_path)
        src = sqlite3.connect(file_uri(backup, read_only=True), uri=True)
        src.backup(dst)
    except (OSError, sqlite3.Error) as exc:
        kept = f"{saved} (with its -wal, if any)" if saved else "place"
        raise StoreError(f"the restore stopped ({exc}): the previous data is in {kept}") from None
    finally:
        for conn in (src, dst):
            if conn is not None:
                conn.close()
    return saved or db_path


def _keep_current(db_path: Path) -> Path:
    """The file a restore replaces, kept: a verified backup, or, when it is damaged (the usual reason to
    restore, and such a file never verifies), its bytes as they are, under a name rotation never counts
    as a backup nor removes."""
    try:
        return backup_file(db_path, "before-restore")
    except DamagedDatabase:
        kept = _free_name(ensure_private_dir(backups_dir(db_path)), f"damaged-{datetime.now():%Y%m%d-%H%M%S}")
        for suffix in ("", "-wal"):  # the -wal holds commits not yet in the main file; -shm is only an index
            if Path(f"{db_path}{suffix}").exists():
                _copy_private(Path(f"{db_path}{suffix}"), Path(f"{kept}{suffix}"))
        return kept


def _free_name(folder: Path, stem: str) -> Path:
    """`stem.db`, or `stem-2.db`…: a second restore within the second must not write over the first's copy."""
    candidates = (folder / f"{stem}{'' if n == 1 else f'-{n}'}.db" for n in range(1, 1000))
    return next(path for path in candidates if not path.exists())


def _copy_private(source: Path, target: Path) -> None:
    """A 0600 copy, on the disk before the restore writes over the original."""
    with open(source, "rb") as src, os.fdopen(os.open(target, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600), "wb") as dst:
        shutil.copyfileobj(src, dst)
        dst.flush()
        os.fsync(dst.fileno())


def check_restorable(backup: Path) -> None:
    """Refuse a file that is damaged or is not a prodcom database, before the current one is touched."""
    try:
        conn = sqlite3.connect(file_uri(backup, read_only=True), uri=True)
    except sqlite3.Error as exc:
        raise StoreError(f"{backup} cannot be opened ({exc}): choose another file") from None
    try:
        verdict = conn.execute("PRAGMA integrity_check").fetchone()[0]
        tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    except sqlite3.DatabaseError as exc:
        raise StoreError(f"{backup} is not a usable backup ({exc}): choose another file") from None
    finally:
        conn.close()
    if verdict != "ok":
        raise StoreError(f"{backup} fails its integrity check ({verdict}): choose another backup")
    if "alembic_version" not in tables:
        raise StoreError(f"{backup} is not a prodcom database (it has no schema version): choose a file made by `prodcom backup`")

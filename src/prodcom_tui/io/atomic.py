"""Files written outside the database: temporary file, fsync, rename, so a crash leaves old or new, never half."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from prodcom_tui.domain.errors import InputError


def write_atomic(path: Path, data: str | bytes, *, mode: int = 0o600, encoding: str = "utf-8") -> Path:
    """Write `data` to `path` atomically with `mode` (0600 by default, whatever the umask)."""
    path = Path(path)
    folder = path.parent
    if not folder.is_dir():
        raise InputError(f"the folder {folder} does not exist: create it or write somewhere else", field="output")
    if path.is_dir():
        raise InputError(f"{path} is a directory: give a file name, e.g. {path / 'report.html'}", field="output")
    payload = data.encode(encoding) if isinstance(data, str) else data
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    try:
        os.fchmod(fd, mode)
        with os.fdopen(fd, "wb") as handle:
            handle.write(payload)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    fsync_path(folder)  # makes the rename itself durable
    return path


def fsync_path(path: Path) -> None:
    """Flush a file, or a folder's entries (a rename is durable once its folder is), to disk."""
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)

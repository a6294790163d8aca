"""The database file itself, before SQLite opens it: created private, and where it lives.

Free of SQLAlchemy so a new demo file (store/demo/newfile.py) is made without loading it.
"""

from __future__ import annotations

import os
from pathlib import Path

NETWORK_FS = {"nfs", "nfs4", "cifs", "smbfs", "smb3", "sshfs", "fuse.sshfs", "9p", "afs", "ceph", "glusterfs",
              "fuse.glusterfs", "fuse.rclone", "davfs", "fuse.davfs2", "lustre", "gpfs"}


def create_private_file(path: Path) -> None:
    """Create the database file with mode 0600 whatever the umask; SQLite copies it to -wal and -shm."""
    if path.exists():
        if path.stat().st_mode & 0o077:
            os.chmod(path, 0o600)
        return
    try:
        os.close(os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600))
    except FileExistsError:
        pass  # another process opening the same new file created it since the check: made private all the same
    os.chmod(path, 0o600)


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

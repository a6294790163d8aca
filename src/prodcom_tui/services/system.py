"""Database-wide actions: emptiness, demo data, undo, settings."""

from __future__ import annotations

import re
from pathlib import Path

from .base import ServiceBase
from .reading import Run, rows

DEFAULT_SETTINGS = {"quote_threshold_minor": "100000", "review_wait_days": "3"}
# The change log's newest batch, its size and how many are undone: any write or undo, by any process, moves one.
BATCHES = "SELECT MAX(id), COUNT(*), SUM(CASE WHEN undone THEN 1 ELSE 0 END) FROM changebatch"


def setting(run: Run, key: str) -> str:
    """A setting's value, or its default when the producer never changed it."""
    found = run('SELECT value FROM setting WHERE "key" = :key', {"key": key})
    return found[0][0] if found else DEFAULT_SETTINGS[key]


class SystemService(ServiceBase):
    """Plain-SQL reads here (no SQLAlchemy at import): the app asks for emptiness and marks before the store is open."""

    def is_empty(self) -> bool:
        with rows(self.store) as run:
            return not run("SELECT COUNT(*) FROM project", {})[0][0] and not run("SELECT COUNT(*) FROM person", {})[0][0]

    def load_demo(self, size: str = "demo", seed: int = 7) -> dict[str, int]:
        from prodcom_tui.store.demo import generate

        return generate(self.store, size=size, seed=seed)

    def change_mark(self) -> tuple[int, ...]:
        """Equal marks: nothing was written in between (a screen shown again need not reload).

        Writes this process committed count too (recorded or not: bulk demo data, undo itself).
        """
        with rows(self.store) as run:
            newest, batches, undone = run(BATCHES, {})[0]
        return self.store.local_writes, newest or 0, batches, undone or 0

    def undo_last(self) -> str | None:
        """Reverse the newest change that is not undone yet; returns its summary, or None."""
        from prodcom_tui.store import changelog

        with self.store.raw_writing() as s:
            batch = changelog.last_batch(s)
            if batch is None:
                return None
            changelog.undo_batch(s, batch)
            return batch.summary

    def backup(self, reason: str) -> Path | None:
        """A verified backup before a risky change (an import, a restore); None for an in-memory store.

        `reason` names the file (`prodcom-YYYYMMDD-HHMMSS-before-import.db`): lowercase letters and dashes.
        """
        from prodcom_tui.store.backup import backup_file

        if self.store.path is None:
            return None
        slug = re.sub(r"[^a-z]+", "-", reason.lower()).strip("-") or "manual"
        return backup_file(self.store.path, slug, self.store.clock.now())

    @property
    def warnings(self) -> list[str]:
        """What the person should know about this database file (network share, failed daily backup)."""
        return list(self.store.warnings)

    def setting(self, key: str) -> str:
        with rows(self.store) as run:
            return setting(run, key)

    def setting_int(self, key: str) -> int:
        return int(self.setting(key))

    def wipe(self) -> None:
        """Delete every row (children first) in one transaction; the caller backs up before."""
        from sqlalchemy import delete

        from prodcom_tui.store.models import metadata

        with self.store.raw_writing() as s:
            for table in reversed(metadata.sorted_tables):
                s.connection().execute(delete(table))

    def check(self) -> list[str]:
        from prodcom_tui.store.check import run_checks

        return run_checks(self.store)

"""Database-wide actions: emptiness, demo data, undo, settings."""

from __future__ import annotations

import re
from pathlib import Path

from sqlalchemy import func
from sqlmodel import select

from prodcom_tui.store import changelog
from prodcom_tui.store.models import Person, Project, Setting

from .base import ServiceBase

DEFAULT_SETTINGS = {"quote_threshold_minor": "100000", "review_wait_days": "3"}


class SystemService(ServiceBase):
    def is_empty(self) -> bool:
        with self.store.reading() as s:
            return not s.exec(select(func.count(Project.id))).one() and not s.exec(select(func.count(Person.id))).one()

    def load_demo(self, size: str = "demo", seed: int = 7) -> dict[str, int]:
        from prodcom_tui.store.demo import generate

        return generate(self.store, size=size, seed=seed)

    def change_mark(self) -> tuple[int, ...]:
        """Equal marks: nothing was written in between (a screen shown again need not reload)."""
        return self.store.change_mark()

    def undo_last(self) -> str | None:
        """Reverse the newest change that is not undone yet; returns its summary, or None."""
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
        with self.store.reading() as s:
            row = s.get(Setting, key)
        return row.value if row else DEFAULT_SETTINGS[key]

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

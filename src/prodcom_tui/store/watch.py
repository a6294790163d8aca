"""Notice, cheaply, that another process committed to the database file (the wall screen's live view)."""

from __future__ import annotations

import threading

from .store import Store


class ChangeWatcher:
    """Holds one connection of its own: SQLite's data_version only moves within a single connection."""

    def __init__(self, store: Store) -> None:
        # A raw DB-API connection in autocommit, so no open transaction pins an old snapshot.
        self._conn = store.read_engine.raw_connection()
        self._lock = threading.Lock()
        self._last = self._read()

    def _read(self) -> int:
        cur = self._conn.cursor()
        try:
            cur.execute("PRAGMA data_version")
            return int(cur.fetchone()[0])
        finally:
            cur.close()

    def changed(self) -> bool:
        """True once after each commit made by any other connection, in this process or another."""
        with self._lock:
            now = self._read()
            moved, self._last = now != self._last, now
            return moved

    def close(self) -> None:
        with self._lock:
            self._conn.close()

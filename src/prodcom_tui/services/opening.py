"""Open the app's database in two steps: plain reads at once, the full store right after.

SQLAlchemy, the schema check and its engines cost ~1 s to load on a busy machine; the morning screen
needs none of it to show its data. When the file is already at the current schema, `open_fast` hands
out Services over an `OpeningStore`: reads written as plain SQL (services/reading.py) run on bare
read-only sqlite3 connections, and anything else (a write, an ORM read) waits in its worker thread
until `finish()` has opened the real store. No SQLAlchemy at import time here on purpose.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from prodcom_tui.domain.clock import Clock

from .reading import Run, rows

# How long a write waits for the store before it gives up with a sentence: opening takes ~1-2 s, an
# upgrade never happens on this path, so a minute means something is stuck (the disk, a lock).
OPEN_WAIT_S = 60

# Two threads importing SQLAlchemy at once (the open worker through the store, a screen's fetch through
# a service's models, the warm-up through the screens) can be handed a partly initialised module by
# Python's import machinery, and one fails with ImportError: the app stopped when `2` came while the
# store was opening. Every import that may load the ORM goes through this lock.
ORM_IMPORTS = threading.RLock()


class OpeningStore:
    """Stands in for the Store while it opens; every attribute it lacks is the real store's, once open."""

    read_only = False  # the fast path is only taken for a window that may write

    def __init__(self, path: Path, clock: Clock, open_store: Callable[[], Any]) -> None:
        self.path, self.clock, self._open_store = path, clock, open_store
        self._store: Any = None
        self._failure: BaseException | None = None
        self._opened = threading.Event()

    def finish(self) -> Any:
        """Open the real store (in the caller's thread); whoever waits for it is released either way."""
        if self._opened.is_set():
            return self.wait()
        try:
            self._store = self._open_store()
        except BaseException as exc:
            self._failure = exc
            raise
        finally:
            self._opened.set()
        return self._store

    @property
    def is_open(self) -> bool:
        return self._store is not None

    def wait(self) -> Any:
        """The real store, once open; re-raises why it could not be opened."""
        # Bounded: a caller in the very thread that should open the store would otherwise wait forever.
        if not self._opened.wait(OPEN_WAIT_S):
            from prodcom_tui.store.errors import StoreError

            raise StoreError(f"the database took over {OPEN_WAIT_S} s to open: nothing was saved, try again")
        if self._store is None:
            from prodcom_tui.store.errors import StoreError

            raise StoreError("the database could not be opened: nothing was read or saved") from self._failure
        return self._store

    def __getattr__(self, name: str) -> Any:
        # Only called for what this class lacks: writes, sessions, engines, warnings.
        if name.startswith("__"):
            raise AttributeError(name)
        return getattr(self.wait(), name)

    @property
    def local_writes(self) -> int:
        """Part of the change mark: nothing can be written before the store is open."""
        return self._store.local_writes if self._store is not None else 0

    @contextmanager
    def fast_rows(self) -> Iterator[Run]:
        """A bare read-only connection of its own (never shared between threads) until the store is open."""
        if self._store is not None:
            with rows(self._store) as run:
                yield run
            return
        from prodcom_tui.store.fastread import connect, runner

        conn = connect(self.path)
        try:
            yield runner(conn)  # one snapshot for every statement of this read
        finally:
            conn.close()


def open_fast(path: Path, clock: Clock, open_store: Callable[[], Any]) -> Any:
    """Services that read at once when `path` is at the current schema, else None (take the long way).

    `open_store()` opens the real store; `Services.finish_open()` calls it, in the app's open worker.
    """
    from prodcom_tui.store.fastread import connect_current

    conn = connect_current(path)
    if conn is None:
        return None
    conn.close()
    from .facade import Services

    return Services(OpeningStore(path, clock, open_store))  # as named: backups go beside the name given

"""How the app opens its database: plain reads at once when it can, the full store after, chores last.

Mixed into ProdcomApp (ui/app.py), which holds the opener, the first-frame event and the messages'
handlers. Everything here runs in the "open" thread worker except `data_shown`.
"""

from __future__ import annotations

import threading
import time
from typing import Any

from textual import work
from textual.message import Message
from textual.worker import get_current_worker

from .messages import OpenFailed, ServicesReady

# The store opens once the first screen's data is drawn, or after DATA_WAIT s at the latest: importing
# SQLAlchemy holds the GIL and slowed fetching and drawing that data (first frame -> data 742 -> 468 ms
# median on `large`). show() returns before the panes are painted (~0.3 s more there), hence PAINTED.
DATA_WAIT, PAINTED = 1.5, 0.4


class StoreOpen(Message):
    """The store behind the first screen's plain reads is open: SQLAlchemy and the models are loaded."""


class BackgroundWarning(Message):
    """A warning from work done in a thread after start (e.g. the daily backup failed)."""

    def __init__(self, text: str) -> None:
        super().__init__()
        self.text = text


class AppOpening:
    """The open worker and what it tells the app."""

    @work(thread=True, exclusive=True, group="open")
    def _open(self) -> None:
        self._data_shown = threading.Event()
        try:
            services = self._open_quickly()
            # Reading the data (and, the long way, importing SQLAlchemy) holds the GIL for stretches:
            # let the shell's first frame out before either starts.
            self._first_frame.wait(timeout=1.0)
            if services is None:
                services = self.opener()
            empty = self.offer_demo and not services.read_only and services.system.is_empty()
        except Exception as exc:  # noqa: BLE001
            self.post_message(OpenFailed(self.describe(exc)))
            return
        self.post_message(ServicesReady((services, empty)))
        if services.opening:
            self._wait_for_data()
        try:
            # SQLAlchemy, the schema check and the engines; a write asked for meanwhile waits in its own worker.
            services.finish_open()
        except Exception as exc:  # noqa: BLE001
            self.post_message(OpenFailed(self.describe(exc)))
            return
        self.post_message(StoreOpen())
        if get_current_worker().is_cancelled:
            return  # quitting: the daily backup (seconds on a big file) waits for the next start
        self._after_open(services)

    def _open_quickly(self) -> Any:
        """Services that read at once, when the opener offers them (`opener.quick()`, see cli/app_cmd.py).

        Only a bare read-only connection is opened, so the first frame need not be waited for (~40 ms).
        """
        quick = getattr(self.opener, "quick", None)
        return quick() if quick is not None else None

    def _wait_for_data(self) -> None:
        """Until the first screen's data is painted, DATA_WAIT at most, or at once when the app is quitting."""
        quitting, deadline = get_current_worker().cancelled_event, time.monotonic() + DATA_WAIT
        while not self._data_shown.wait(0.05) and not quitting.is_set() and time.monotonic() < deadline:
            pass

    def data_shown(self) -> None:
        """The first screen has its data (its show() ran): the store may open once that is painted."""
        shown = getattr(self, "_data_shown", None)  # None: the open worker has not started yet
        if shown is not None and not shown.is_set():
            self.set_timer(PAINTED, shown.set)

    def _after_open(self, services: Any) -> None:
        """In the open worker, once the store is open: what opening found, then the chores that need not hold it up."""
        warnings = list(getattr(services.store, "warnings", ()))  # e.g. the file sits on a network share
        try:
            warnings += self.after_open(services) if self.after_open is not None else []
        except Exception as exc:  # noqa: BLE001
            warnings.append(self.describe(exc))
        for warning in warnings:  # a message, not call_from_thread: the app may be quitting by now
            self.post_message(BackgroundWarning(warning))

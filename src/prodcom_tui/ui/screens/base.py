"""The base of every data screen: load in a thread worker, show on the UI loop, reload on resume."""

from __future__ import annotations

from typing import Any

from textual import work
from textual.reactive import Reactive
from textual.screen import Screen
from textual.widget import Widget

from ..messages import Loaded


class DataScreen(Screen):
    """Subclasses implement `fetch(services)` (runs in a thread) and `show(data)` (runs on the UI loop)."""

    # Textual repaints the whole screen whenever focus moves; the widgets whose look depends on focus
    # are restyled (and so repainted) anyway, so the full repaint only made tab cost a frame of everything.
    focused: Reactive[Widget | None] = Reactive(None, repaint=False)

    def on_screen_resume(self) -> None:
        self.reload()

    def reload(self) -> None:
        if getattr(self.app, "services", None) is not None:
            self._fetch()

    @work(thread=True, exclusive=True, group="fetch")
    def _fetch(self) -> None:
        try:
            data = self.fetch(self.app.services)
        except Exception as exc:  # noqa: BLE001
            self.app.call_from_thread(self.app.report_error, exc)
            return
        self.post_message(Loaded(data))

    def on_loaded(self, message: Loaded) -> None:
        message.stop()
        self.show(message.data)

    def fetch(self, services: Any) -> Any:
        raise NotImplementedError

    def show(self, data: Any) -> None:
        raise NotImplementedError

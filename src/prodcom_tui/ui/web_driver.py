"""Textual's web driver, made to quit when the server's pipe closes (the browser, or the server, is gone)."""

from __future__ import annotations

from textual import messages
from textual.drivers.web_driver import WebDriver


class ServedDriver(WebDriver):
    def run_input_thread(self) -> None:
        super().run_input_thread()
        # The stock driver just stops reading at end of input and keeps the app running for nobody.
        if not self.exit_event.is_set():
            self._app.post_message(messages.ExitApp())

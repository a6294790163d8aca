"""The base of every data screen: load in a thread worker, show on the UI loop, reload on resume."""

from __future__ import annotations

from typing import Any

from textual import work
from textual.events import ScreenResume
from textual.reactive import Reactive
from textual.screen import Screen
from textual.widget import Widget

from ..messages import Loaded
from ..widgets.pane_frame import PaneFrames


class DataScreen(PaneFrames, Screen):
    """Subclasses implement `fetch(services)` (runs in a thread) and `show(data)` (runs on the UI loop)."""

    # Textual repaints the whole screen whenever focus moves; the widgets whose look depends on focus
    # are restyled (and so repainted) anyway, so the full repaint only made tab cost a frame of everything.
    focused: Reactive[Widget | None] = Reactive(None, repaint=False)

    _loaded_mark: tuple[int, ...] | None = None  # the database's change mark when the data on screen was read
    # A screen that mounts its panes after the first frame holds its data (and its keys) until they are there.
    data_released = True
    _held: Any = None

    def hold_data(self) -> None:
        self.data_released = False

    def release_data(self) -> None:
        self.data_released = True
        held, self._held = self._held, None
        if held is not None:
            self.show(held)
        self.refresh_bindings()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # Before its panes are mounted a screen's own keys have nothing to act on.
        return self.data_released

    _styled_theme: str | None = None  # the theme this screen's styles were last computed under

    def on_screen_resume(self, event: ScreenResume) -> None:
        # Runs before Screen's own handler. Textual restyles the whole screen on every mode switch, in
        # case the theme changed while it was away; under the same theme that recomputes the same styles
        # for every widget and was most of a switch's CPU on `large`.
        if self._styled_theme == self.app.theme:
            event.refresh_styles = False
        elif self._styled_theme is not None:
            self.recolour_frames()  # their colours are inline: the restyle would not reach them
        self._styled_theme = self.app.theme
        # Shown again (a mode switch, a modal closed): reload only if something was written meanwhile,
        # here or by another prodcom; re-showing unchanged data cost a full redraw of every pane.
        self.reload(only_if_changed=True)

    def reload(self, only_if_changed: bool = False) -> None:
        if getattr(self.app, "services", None) is not None:
            self._fetch(only_if_changed)

    @work(thread=True, exclusive=True, group="fetch")
    def _fetch(self, only_if_changed: bool = False) -> None:
        services = self.app.services
        try:
            mark = services.system.change_mark()
            if only_if_changed and mark == self._loaded_mark:
                return
            data = self.fetch(services)
        except Exception as exc:  # noqa: BLE001
            self.app.call_from_thread(self.app.report_error, exc)
            return
        self._loaded_mark = mark  # read before the data: a write in between makes the next resume reload
        self.post_message(Loaded(data))

    def on_loaded(self, message: Loaded) -> None:
        message.stop()
        if self.data_released:
            self.show(message.data)
        else:
            self._held = message.data

    def fetch(self, services: Any) -> Any:
        raise NotImplementedError

    def show(self, data: Any) -> None:
        raise NotImplementedError

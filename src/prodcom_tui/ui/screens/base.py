"""The base of every data screen: load in a thread worker, show on the UI loop, reload on resume."""

from __future__ import annotations

from typing import Any

from textual import work
from textual.events import ScreenResume
from textual.geometry import Size
from textual.reactive import Reactive
from textual.screen import Screen
from textual.widget import Widget

from ..band_compositor import BandCompositor
from ..idle_gc import IdleCollect
from ..messages import Loaded
from ..widgets.pane_frame import PaneFrames
from .prompt_frames import PromptFrames


class DataScreen(IdleCollect, PromptFrames, PaneFrames, Screen):
    """Subclasses implement `fetch(services)` (runs in a thread) and `show(data)` (runs on the UI loop)."""

    # Textual repaints the whole screen whenever focus moves; the widgets whose look depends on focus
    # are restyled (and so repainted) anyway, so the full repaint only made tab cost a frame of everything.
    focused: Reactive[Widget | None] = Reactive(None, repaint=False)

    _loaded_mark: tuple[int, ...] | None = None  # the database's change mark when the data on screen was read
    # A screen that mounts its panes after the first frame holds its data (and its keys) until they are there.
    data_released = True
    _held: Any = None

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._compositor = BandCompositor()  # draws only the lines a frame changes: see band_compositor

    def hold_data(self) -> None:
        self.data_released = False

    def release_data(self) -> None:
        self.data_released = True
        held, self._held = self._held, None
        if held is not None:
            self.show(held)
            self.has_data = True
        self.refresh_bindings()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # Before its panes are mounted a screen's own keys have nothing to act on.
        return self.data_released

    _styled_theme: str | None = None  # the theme this screen's styles were last computed under

    def resumes_as_left(self) -> bool:
        """Whether it would show again under the theme and at the size it was left at (nothing to restyle)."""
        return self._styled_theme == self.app.theme and self.outer_size == self.app.size

    def on_screen_resume(self, event: ScreenResume) -> None:
        # Runs before Screen's own handler. Textual restyles the whole screen on every mode switch, in
        # case the theme changed while it was away; under the same theme that recomputes the same styles
        # for every widget and was most of a switch's CPU on `large`.
        as_left = self.resumes_as_left()
        if self._styled_theme == self.app.theme:
            event.refresh_styles = False
        elif self._styled_theme is not None:
            self.recolour_frames()  # their colours are inline: the restyle would not reach them
        self._styled_theme = self.app.theme
        # Shown again (a mode switch, a modal closed): reload only if something was written meanwhile,
        # here or by another prodcom; re-showing unchanged data cost a full redraw of every pane.
        self.reload(only_if_changed=True)
        if as_left:
            self._draw_now(event)

    def _draw_now(self, event: ScreenResume) -> None:
        """Textual's own resume, then its frame drawn at once instead of on the screen's next update tick.

        With nothing to restyle or lay out the frame is all a switch does, and it waited for the tick
        behind the key bar's updates in the queue: a third of a switch's latency on `large`.
        """
        event.prevent_default()
        Screen._on_screen_resume(self, event)
        self._on_timer_update()

    def _screen_resized(self, size: Size) -> None:
        # Textual lays a screen out again on every mode switch, even at the size it was laid out at; each
        # layout repaints every table's scrollbars (a ScrollView compares its own virtual size with the
        # layout's). A layout asked for while the screen was away is still done when it is drawn.
        if size != self.outer_size or not self.is_attached:
            super()._screen_resized(size)

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

    has_data = False  # its first data is shown (the app builds modes off screen until then: ui/app_modes.py)

    def on_loaded(self, message: Loaded) -> None:
        message.stop()
        if self.data_released:
            self.show(message.data)
            self.has_data = True
        else:
            self._held = message.data

    def fetch(self, services: Any) -> Any:
        raise NotImplementedError

    def show(self, data: Any) -> None:
        raise NotImplementedError

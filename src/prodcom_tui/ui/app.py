"""The App: modes, global keys, the store opened off the UI loop, and one path for every write."""

from __future__ import annotations

import gc
import importlib
import os
import threading
from collections.abc import Callable
from datetime import date
from typing import Any

from textual import work
from textual.app import App
from textual.binding import Binding

from .app_modes import ModeSwitching, WarmedUp
from .app_open import AppOpening, BackgroundWarning, StoreOpen
from .css_memo import share_parsed_css
from .keymap import load_keymap
from .messages import OpenFailed, ServicesReady
from .screens.morning import MorningScreen

MODE_KEYS = {"morning": "1", "afternoon": "2", "evening": "3", "standup": "4"}
# Only the first screen is imported before the first frame; the others load in a thread after start.
LATER = {"afternoon": "AfternoonScreen", "evening": "EveningScreen", "standup": "StandupScreen"}
WARM = [f"prodcom_tui.ui.screens.{m}" for m in LATER] + [
    "prodcom_tui.ui.commands", "prodcom_tui.ui.modals.help", "prodcom_tui.ui.screens.morning_commands",
    "prodcom_tui.ui.modals.task_forms", "prodcom_tui.ui.modals.capture", "prodcom_tui.ui.modals.slip"]
ERROR_SHOWN_S = 8  # seconds an error stays; the same error again meanwhile is not stacked under it
WARM_AFTER = 1.0  # seconds after the store opened: by then the first screen has its data


_FROZEN: set[str] = set()  # the stages already frozen in this process


def tune_gc(stage: str) -> None:
    """Keep the garbage collector out of the key → frame path.

    Drawing a frame allocates containers by the ten thousand, so with Python's default (a young scan
    every 700 allocations) the collector ran several times a key, and now and then a full walk of every
    imported object: those walks were the p95 of tab on `large` (196 → 52 ms). Objects alive now
    (modules, classes, the screen) are frozen out of the walks; the young scan runs every 10,000.
    Each stage freezes once per process: a process that runs many apps (the tests) would otherwise
    freeze every finished app's widgets and data for good.
    """
    gc.set_threshold(10_000, 10, 10)
    if stage not in _FROZEN:
        _FROZEN.add(stage)
        gc.freeze()


def _later(module: str, name: str) -> Callable[[], Any]:
    def make() -> Any:
        return getattr(importlib.import_module(f"prodcom_tui.ui.screens.{module}"), name)()
    return make


def _global_commands() -> Any:
    from .commands import GlobalCommands

    return GlobalCommands


class ProdcomApp(ModeSwitching, AppOpening, App):
    CSS_PATH = "app.tcss"
    TITLE = "prodcom"
    MODES = {"morning": MorningScreen} | {mode: _later(mode, name) for mode, name in LATER.items()}
    DEFAULT_MODE = "morning"
    COMMANDS = App.COMMANDS | {_global_commands}
    BINDINGS = [
        Binding("1", "switch_mode('morning')", "Morning", id="mode.morning", tooltip="Morning review: requests, roadblocks, timelines, team"),
        Binding("2", "switch_mode('afternoon')", "Afternoon", id="mode.afternoon", tooltip="Vendors, quotes, deliveries, reviews, budget"),
        Binding("3", "switch_mode('evening')", "Evening", id="mode.evening", tooltip="The day's report, risks, planning"),
        Binding("4", "switch_mode('standup')", "Stand-up", id="mode.standup", tooltip="Present the stand-up: one slide per person, projects at risk, decisions"),
        Binding("question_mark", "help", "Keys", id="app.help", tooltip="List every key of this screen"),
        Binding("u,ctrl+z", "undo", "Undo", id="app.undo", tooltip="Undo the last change (again for the one before)"),
        Binding("q", "quit", "Quit", id="app.quit", tooltip="Quit prodcom"),
    ]

    def __init__(self, opener: Callable[[], Any], db_label: str, today: date, *, offer_demo: bool = True,
                 after_open: Callable[[Any], list[str]] | None = None, prebuild: bool = True) -> None:
        share_parsed_css()  # before Textual first parses the CSS: it would parse it 3-5 times (ui/css_memo.py)
        super().__init__()
        if not prebuild:
            self.prebuilt_modes = ()
        if "TEXTUAL_ANIMATION" not in os.environ:
            # Keys move at once: a smooth scroll of `end` or `home` kept the producer waiting a second.
            self.animation_level = "none"
        self.opener, self.db_label, self.today, self.offer_demo = opener, db_label, today, offer_demo
        self.after_open = after_open  # e.g. the daily backup: runs once the first screen can load its data
        self.services: Any = None
        self._first_frame = threading.Event()  # set once the first frame is on the terminal (_shell_shown)
        self.error_message: str | None = None
        self.sub_title = f"{today:%a %d %b %Y} · {db_label}"

    def on_mount(self) -> None:
        tune_gc("start")
        self.set_keymap(load_keymap())
        self._open()

    def on_ready(self) -> None:
        # Textual holds all output back until the app is ready: the refresh after this one is the first
        # frame on the terminal. Whatever can wait (the morning's panes, opening the store) waits for it.
        self.call_after_refresh(self._shell_shown)

    @property
    def shell_on_screen(self) -> bool:
        return self._first_frame.is_set()

    def _shell_shown(self) -> None:
        self._first_frame.set()
        after = getattr(self.screen, "after_first_frame", None)
        if after is not None:
            after()

    def on_store_open(self, message: StoreOpen) -> None:
        # Not before: the warm-up freezes what is loaded out of the collector's walks, SQLAlchemy included.
        self.set_timer(WARM_AFTER, self._warm_up)

    def on_background_warning(self, message: BackgroundWarning) -> None:
        self.notify(message.text, title="Warning", severity="warning", timeout=15)

    @work(thread=True, group="warm-up")
    def _warm_up(self) -> None:
        """Import the other modes once the first one has drawn its data, so switching never waits for it."""
        from ..services.opening import ORM_IMPORTS

        for module in WARM:
            with ORM_IMPORTS:  # the screens import services and their models: see opening.ORM_IMPORTS
                importlib.import_module(module)
        tune_gc("warm")  # the modes, SQLAlchemy and the models are loaded now: keep them out of the collector's walks
        self.post_message(WarmedUp())  # a message, not call_from_thread: the app may be quitting by now

    def on_services_ready(self, message: ServicesReady) -> None:
        self.services, empty = message.services  # the store may still be opening: see _open
        if empty:
            from .modals.first_run import FirstRunScreen

            self.push_screen(FirstRunScreen(), self._first_run_choice)
        self.data_changed()

    def on_open_failed(self, message: OpenFailed) -> None:
        self.error_message = message.reason
        self.exit(return_code=1)

    def _first_run_choice(self, choice: str | None) -> None:
        if choice == "demo":
            self.notify("Loading the demo agency…")
            self.run_write(lambda s: s.system.load_demo(), on_done=lambda _: self.notify("Demo data loaded"))

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Dim the key of the mode already on screen."""
        if action == "switch_mode" and parameters and parameters[0] == self.current_mode:
            return None
        return True

    async def goto(self, mode: str, target: str, item_id: int) -> None:
        """Open `mode` with the item under the cursor (a roadblock's enter opens what it is about)."""
        await self.switch_mode(mode)
        focus_item = getattr(self.screen, "focus_item", None)
        if focus_item is not None:
            focus_item(target, item_id)

    def action_help(self) -> None:
        from .modals.help import HelpScreen, bindings_of

        self.push_screen(HelpScreen(bindings_of(self.screen), self.screen.__class__.__name__.removesuffix("Screen")))

    def action_undo(self) -> None:
        self.run_write(lambda s: s.system.undo_last(), on_done=self._undone)

    def _undone(self, summary: str | None) -> None:
        self.notify(f"Undone: {summary}" if summary else "Nothing to undo")

    def data_changed(self) -> None:
        """Reload what is on screen; other modes reload when they are shown again."""
        reload = getattr(self.screen, "reload", None)
        if reload is not None:
            reload()
        for screen in self.screen_stack[:-1]:
            if hasattr(screen, "reload"):
                screen.reload()

    def run_write(self, fn: Callable[[Any], Any], *, on_done: Callable[[Any], None] | None = None,
                  on_error: Callable[..., None] | None = None) -> None:
        """Run a write in a worker; user errors go to `on_error(message, field)`, the rest to a notification."""
        if self.services is None:
            self.notify("The database is still opening…", severity="warning")
            return
        self._write(fn, on_done, on_error)

    @work(thread=True, group="write")
    def _write(self, fn, on_done, on_error) -> None:  # noqa: ANN001
        try:
            result = fn(self.services)
        except Exception as exc:  # noqa: BLE001
            self.call_from_thread(self._write_failed, exc, on_error)
            return
        self.call_from_thread(self._write_done, result, on_done)

    def _write_done(self, result: Any, on_done: Callable[[Any], None] | None) -> None:
        if on_done is not None:
            on_done(result)
        self.data_changed()

    def _write_failed(self, exc: Exception, on_error: Callable[..., None] | None) -> None:
        if on_error is not None and self.is_user_error(exc):
            on_error(str(exc), getattr(exc, "field", None))
        else:
            self.report_error(exc)

    def report_error(self, exc: Exception) -> None:
        """One notification per error: a damaged file fails every pane's read at once, and the same
        sentence stacked once per pane hid the screen (seen in tmux on a damaged expense table)."""
        from prodcom_tui.domain.text import safe_terminal

        text = safe_terminal(self.describe(exc))  # as notify() stores it, so the comparison below holds
        if any(n.message == text for n in self._notifications):  # still on screen
            return
        self.notify(text, severity="error", timeout=ERROR_SHOWN_S)

    @staticmethod
    def is_user_error(exc: Exception) -> bool:
        from prodcom_tui.domain.errors import UserFacingError

        return isinstance(exc, UserFacingError)

    def notify(self, message: str, *, title: str = "", severity: Any = "information",
               timeout: float | None = None, markup: bool = False) -> None:
        """Every notification is plain text: messages quote names and summaries people typed (never markup)."""
        from prodcom_tui.domain.text import safe_terminal

        super().notify(safe_terminal(str(message)), title=safe_terminal(title), severity=severity, timeout=timeout, markup=False)

    def action_command_palette(self) -> None:
        """Textual's palette, minus a crash when it is closed mid-search (see ui/palette.py)."""
        from .palette import SafeCommandPalette

        if self.use_command_palette and not SafeCommandPalette.is_open(self):
            self.push_screen(SafeCommandPalette(id="--command-palette"))

    def _handle_exception(self, error: Exception) -> None:
        """Replace Textual's crash screen (a traceback with local variables) with prodcom's own short one."""
        from .crash import crash_report

        self._return_code = 1
        if self._exception is None:  # Pilot re-raises the first error in tests, as Textual does
            self._exception = error
            self._exception_event.set()
        self.panic(crash_report(error))

    def describe(self, exc: Exception) -> str:
        if self.is_user_error(exc):
            return str(exc)
        from prodcom_tui.logs import log_crash

        return f"Something went wrong ({type(exc).__name__}); details in {log_crash(exc)}"

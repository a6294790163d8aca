"""Mode switches that show at once: the afternoon is built off screen at idle, and a built mode is
shown without Textual's 50 ms mask.

Mixed into ProdcomApp (ui/app.py). Textual builds a mode's screen on its first switch: every stylesheet
parsed again, its widgets composed, its data read, every line drawn for the first time; 0.6 s of CPU for
the afternoon on `large`. Built while the producer reads the morning, the first `2` only resumes it.
"""

from __future__ import annotations

import asyncio
from typing import Any

from textual.message import Message
from textual.screen import Screen
from textual.widget import Widget

# The afternoon only: built off screen the evening held 3.5 MiB more all session on `large` (6 MiB with its
# report read), and peak memory is a bar the session is already over; it is built on its first switch.
PREBUILT = ("afternoon",)
SETTLE_STEP, SETTLE_STEPS = 0.05, 100  # how often, and how many times, to look whether its data is in


class WarmedUp(Message):
    """The other modes' modules are imported (the app's warm-up thread): their screens can be built."""


class ModeSwitching:
    """Builds the afternoon off screen, and switches to a built mode without a mask."""

    _switch_at_once = False
    _prebuilding = False
    prebuilt_modes: tuple[str, ...] = PREBUILT  # () for an app that builds every mode on its first switch

    def on_warmed_up(self, message: WarmedUp) -> None:
        if not self._prebuilding:  # once per app
            self._prebuilding = True
            self.run_worker(self._prebuild(), group="prebuild")

    async def _prebuild(self) -> None:
        for mode in self.prebuilt_modes:
            if not self.is_running or self._exit:
                return  # closing: Textual is taking the screens down
            if mode in self._screen_stacks:
                continue  # the producer went there first
            await self._build_off_screen(mode)
            await self._settle_off_screen(self._screen_stacks[mode][0])

    def _build_off_screen(self, mode: str) -> Any:
        """Compose `mode`'s screen and read its data (its resume loads it) while another mode shows."""
        mounted = self._init_mode(mode)
        # Textual restyles the whole app again when a new screen first shows (its stylesheet count is
        # unset); _init_mode has just done that with this screen loaded: mark it so, or the first switch
        # would parse every stylesheet once more (~100 ms on the UI loop). A theme change after this
        # bumps the app's count, and the switch then restyles as it should.
        self._screen_stacks[mode][0]._css_update_count = self._css_update_count
        return mounted

    async def _settle_off_screen(self, screen: Screen) -> None:
        """Once its data is in, lay the screen out and draw it once where no one sees it: its lines are
        then cached, and the first switch draws from them (the first drawing of a screen costs 3× more)."""
        for _ in range(SETTLE_STEPS):
            await asyncio.sleep(SETTLE_STEP)
            if screen.is_current or not screen.is_attached or not self.is_running:
                return  # shown (Textual draws it), or going
            if getattr(screen, "has_data", True) and not self._loading(screen):
                screen._refresh_layout(self.size)
                screen._compositor.render_update(full=True)
                return

    def _loading(self, screen: Screen) -> bool:
        """Whether a worker of the screen or of one of its widgets (a table's rows) is still running."""
        return any(not worker.is_finished and isinstance(worker.node, Widget) and screen in worker.node.ancestors_with_self
                   for worker in self.workers)

    def _drawn_whole(self, mode: str) -> Screen | None:
        """The screen `mode` would show, if it is built and needs no restyle: its resume draws it whole."""
        stack = self._screen_stacks.get(mode)
        screen = stack[-1] if stack else None
        as_left = getattr(screen, "resumes_as_left", None)
        return screen if screen is not None and screen.is_mounted and as_left is not None and as_left() else None

    def switch_mode(self, mode: str) -> Any:
        # Textual holds every switch's output back 50 ms (delay_update), which hides a screen being
        # composed or restyled; a built screen shown as it was left draws whole in its first frame.
        screen = self._drawn_whole(mode)
        self._switch_at_once = screen is not None
        if screen is not None:
            screen._dirty_widgets.clear()  # what changed while away (its key bar) would be drawn alone first
        try:
            return super().switch_mode(mode)
        finally:
            self._switch_at_once = False

    def delay_update(self, delay: float = 0.05) -> None:
        if not self._switch_at_once:
            super().delay_update(delay)

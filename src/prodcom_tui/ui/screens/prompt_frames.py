"""Frames drawn as soon as they may be: at most one per frame interval, but never waiting for a later slot.

Textual draws a screen from a repeating 60 Hz timer that is paused when there is nothing to draw and
resumed when a refresh is asked for. Its slots stay on one grid, and after a pause it skips one slot too
many (textual/timer.py, 8.2.8: `count = int(elapsed / interval + 1)` is the slot *after* next): a frame
asked for soon after the previous one waited 17 to 33 ms. A filter keystroke draws twice (its echo, then
the rows and their count a query later), so its second frame sat ~12 ms behind finished work (traced on
`large`: count loaded at 27 ms, frame begun at 39 ms).

Here, when a pane's data lands (`data_landed`), its frame is drawn once the screen's messages are handled:
at once if a frame interval has passed since the last frame, or exactly when it has passed otherwise.
Other refreshes keep Textual's timing: drawing each of them as soon as allowed (tried) added frames
between a keystroke's echo and its rows, and those frames took the CPU the query needed (the filter's
last frame came later, 50 -> 57 ms in a pseudo-terminal on `large`). Textual's timer still runs beside
this (its tick finds nothing left to draw).
"""

from __future__ import annotations

from time import monotonic

from textual import events
from textual.screen import UPDATE_PERIOD


class PromptFrames:
    """Mixed into DataScreen (a Screen)."""

    _last_frame = 0.0  # monotonic time of the last frame drawn (a tick with something to draw)
    _frame_booked = False  # a one-shot timer will draw when the interval is up
    _data_landed = False  # a pane's data arrived since the last frame

    def data_landed(self) -> None:
        """A pane's rows or count arrived (called on the UI loop): draw them as soon as a frame may be."""
        self._data_landed = True
        self.check_idle()  # type: ignore[attr-defined]

    def _on_timer_update(self) -> None:
        if self._frame_wanted():  # an empty tick (nothing dirty, a batch, another screen) draws nothing
            self._last_frame, self._data_landed = monotonic(), False
        super()._on_timer_update()  # type: ignore[misc]

    def on_idle(self, event: events.Idle) -> None:
        if not self._data_landed or not self._frame_wanted():
            return  # Screen's own handler resumes its timer, or runs the callbacks waiting for a frame
        if self._pending_message is not None:  # type: ignore[attr-defined]
            # Textual holds the next message aside to merge it with those behind it, and the queue
            # looks empty meanwhile: it may be the scrollbar's update for the count that just landed.
            return
        wait = self._last_frame + UPDATE_PERIOD - monotonic()
        if wait <= 0:
            event.prevent_default()  # drawn here: Screen's handler would only resume its timer
            self._on_timer_update()
        elif not self._frame_booked:
            self._frame_booked = True
            self.set_timer(wait, self._booked_frame)  # type: ignore[attr-defined]

    def _booked_frame(self) -> None:
        self._frame_booked = False
        if self._data_landed and self._frame_wanted():  # not drawn by Textual's own tick meanwhile
            self._on_timer_update()

    def _frame_wanted(self) -> bool:
        """What Screen._on_idle checks before resuming its timer."""
        screen = self
        return bool(
            screen.is_current and not screen.app._batch_count  # type: ignore[attr-defined]
            and (screen._layout_required or screen._scroll_required or screen._repaint_required  # type: ignore[attr-defined]
                 or screen._recompose_required or screen._dirty_widgets)  # type: ignore[attr-defined]
        )

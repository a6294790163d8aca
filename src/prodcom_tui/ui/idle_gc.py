"""Garbage collections in the pauses between keys rather than in the middle of one.

The app lets the collector run once 10,000 objects are waiting (ui/app.py, tune_gc). Where that count
is reached is chance: on `huge`, the 17th pagedown in the expenses met a collection of the middle
generation that took 30-39 ms, and that one key was the p95 of the bench's pagedowns (54 ms); young
collections of 2-12 ms fell among the keys the same way.

So once the screen has drawn and nothing else has been drawn for IDLE_AFTER, the collection that is
building up runs then, while the person reads: a young one once EARLY objects wait, the middle
generation with it once the young collections since its last run reach its threshold (Python itself
takes it along one young collection later, which could be in a key). A key pressed after
that starts with an empty young generation. Keys held down (auto-repeat) leave no pause, and the
thresholds work as before. The oldest generation is left to Python: it is rare, and a full walk at
an idle moment would still hold up a key that came during it.
"""

from __future__ import annotations

import gc
from asyncio import TimerHandle, get_running_loop
from time import monotonic

IDLE_AFTER = 0.03  # seconds without a frame: longer than a frame and its pre-render, shorter than a person's pause
EARLY = 6_000  # objects waiting before an idle moment collects them: a key leaves 200-800, so the next one has room


def collect_if_due() -> int | None:
    """Collect the young generation if EARLY objects wait, with the middle one when it is (nearly) due.

    Returns the generation collected, or None.
    """
    young, middle, _old = gc.get_count()
    if young < EARLY:
        return None
    # Python runs the middle generation once its count is above its threshold: at the threshold, this
    # young collection would bring it there, and the next collection (maybe in a key) would take it along.
    generation = 1 if middle >= gc.get_threshold()[1] else 0
    gc.collect(generation)
    return generation


class IdleCollect:
    """Mixed into DataScreen before PromptFrames, whose `_last_frame` says when the screen last drew."""

    _last_frame: float  # monotonic time of the last frame drawn (PromptFrames)
    _collect_booked: TimerHandle | None = None

    def _on_timer_update(self) -> None:
        super()._on_timer_update()  # type: ignore[misc]
        if self._collect_booked is None and self.is_current:  # type: ignore[attr-defined]
            # The event loop's own timer, not a Textual one (a task and a message each): this runs after
            # nearly every frame, and only reads the clock and the collector's counts.
            self._collect_booked = get_running_loop().call_later(IDLE_AFTER, self._collect_when_idle)

    def _collect_when_idle(self) -> None:
        wait = self._last_frame + IDLE_AFTER - monotonic()
        if wait > 0.001:  # drawn again since: wait for the pause after that frame
            self._collect_booked = get_running_loop().call_later(wait, self._collect_when_idle)
            return
        self._collect_booked = None
        collect_if_due()

    def on_unmount(self) -> None:
        # A screen gone (the app quitting, a test's app closed) leaves no check behind on the event loop.
        if self._collect_booked is not None:
            self._collect_booked.cancel()
            self._collect_booked = None

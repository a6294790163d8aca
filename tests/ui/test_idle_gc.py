"""Collections run in the pause after a frame, so a key pressed next does not meet one."""

from __future__ import annotations

import asyncio
import gc
import sys

from prodcom_tui.ui.idle_gc import EARLY, IDLE_AFTER, collect_if_due

from pilot_wait import settle


def test_a_young_collection_once_enough_waits_and_the_middle_one_when_it_is_due_next() -> None:
    assert gc.get_threshold()[:2] == (10_000, 10)  # the app's (ui/app.py tune_gc), set for the tests too
    gc.collect()
    assert collect_if_due() is None  # nothing waiting: an idle moment costs nothing
    waiting = [[] for _ in range(EARLY + 100)]  # containers the collector tracks
    assert collect_if_due() == 0
    assert gc.get_count()[0] < 100
    threshold = gc.get_threshold()[1]
    for _ in range(threshold - 2):  # young collections since the middle one ran: one short of its threshold
        gc.collect(0)
    more = [[] for _ in range(EARLY + 100)]
    assert gc.get_count()[1] == threshold - 1 and collect_if_due() == 0
    again = [[] for _ in range(EARLY + 100)]
    # At its threshold: Python would take the middle generation along with the collection after this one.
    assert gc.get_count()[1] == threshold and collect_if_due() == 1
    assert gc.get_count()[1] == 0
    assert len(waiting) == len(more) == len(again)


async def test_the_pause_after_a_key_collects_what_the_key_left(make_app, demo_path) -> None:
    app = make_app(demo_path)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(app, pilot)
        await asyncio.sleep(IDLE_AFTER * 3)
        await pilot.pause()
        seen: list[bool] = []

        def record(phase: str, info: dict) -> None:
            if phase == "start":
                frames, frame = [], sys._getframe(1)
                while frame is not None:
                    frames.append(frame.f_code.co_name)
                    frame = frame.f_back
                seen.append("collect_if_due" in frames)

        gc.collect()  # from an empty young generation: no collection falls due before the key's pause
        waiting = [[] for _ in range(EARLY + 500)]  # what keys' new lines and rows would leave
        gc.callbacks.append(record)
        try:
            await pilot.press("tab")  # draws a frame: the next pause is booked for a collection
            await pilot.pause()
            for _ in range(60):  # the pause comes IDLE_AFTER after the last frame; a slow machine draws later
                await asyncio.sleep(IDLE_AFTER)
                if seen:
                    break
        finally:
            gc.callbacks.remove(record)
        assert seen and seen[0], seen  # the first collection after the key was the idle one
        assert gc.get_count()[0] < EARLY
        assert waiting

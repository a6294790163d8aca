"""Random key sequences through every mode never stop the app, and `prodcom check` passes afterwards."""

from __future__ import annotations

import asyncio
import sqlite3
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from prodcom_tui.services.facade import open_services

# Mode keys, moving, opening and closing, the letters screens bind, and text for filters and forms.
KEYS = ["1", "2", "3", "4", "tab", "shift+tab", "up", "down", "left", "right", "pageup", "pagedown", "home", "end",
        "enter", "escape", "space", "question_mark", "slash", "ctrl+p", "ctrl+z", "u", "backspace"]
LETTERS = list("abcdefghijklmnoprstvwxyz0#@-")
key_sequences = st.lists(st.sampled_from(KEYS + LETTERS), min_size=5, max_size=20)


def fresh_copy(template: Path, target: Path) -> Path:
    target.unlink(missing_ok=True)
    src, dst = sqlite3.connect(template), sqlite3.connect(target)
    src.backup(dst)
    src.close()
    dst.close()
    return target


async def drive(app, keys: list[str]) -> None:  # noqa: ANN001
    async with app.run_test(size=(120, 36)) as pilot:
        await app.workers.wait_for_complete()
        for key in keys:
            await pilot.press(key)
            if key in ("1", "2", "3", "4", "enter"):
                await app.workers.wait_for_complete()
        await app.workers.wait_for_complete()
        await pilot.pause()


@settings(max_examples=3, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(keys=key_sequences)
def test_random_keys_never_crash_and_leave_a_sound_database(keys: list[str], demo_template: Path, tmp_path: Path,
                                                             make_app, clock) -> None:
    path = fresh_copy(demo_template, tmp_path / "fuzz.db")
    asyncio.run(drive(make_app(path), keys))  # run_test re-raises any error the app met
    services = open_services(path, clock)
    try:
        assert services.system.check() == []
    finally:
        services.close()


MOVES = ["j", "pagedown", "end", "home", "k"]  # one key per moving action (the arrows share them)
STRIP = ["l", "h", "plus", "minus"]  # the morning timeline's own (elsewhere `h` opens the holidays, say)
PANES_PER_MODE = {"1": 4, "2": 6, "3": 3}


def test_every_pane_takes_every_movement_key(demo_template: Path, tmp_path: Path, make_app) -> None:
    """What random keys can miss: each pane of each mode, focused in turn, gets every moving key."""
    path = fresh_copy(demo_template, tmp_path / "moves.db")

    async def sweep() -> None:
        app = make_app(path)
        async with app.run_test(size=(120, 36)) as pilot:
            await app.workers.wait_for_complete()
            for mode, panes in PANES_PER_MODE.items():
                await pilot.press(mode)
                await app.workers.wait_for_complete()
                for _ in range(panes):
                    await pilot.press(*MOVES, *(STRIP if mode == "1" else []))
                    await pilot.press("tab")
                    await app.workers.wait_for_complete()
            await pilot.pause()

    asyncio.run(sweep())  # run_test re-raises any error the app met

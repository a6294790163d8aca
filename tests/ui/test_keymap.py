"""A user keymap remaps bindings by id; a broken file is ignored rather than blocking the app."""

from __future__ import annotations

import os
from pathlib import Path


def write_keymap(text: str) -> None:
    folder = Path(os.environ["PRODCOM_CONFIG_DIR"])
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "keymap.toml").write_text(text, encoding="utf-8")


async def test_keymap_remaps_a_mode_key(make_app, demo_path) -> None:
    write_keymap('"mode.evening" = "f3"\n')
    app = make_app(demo_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.press("f3")
        await pilot.pause()
        assert app.current_mode == "evening"


async def test_broken_keymap_is_ignored(make_app, demo_path) -> None:
    write_keymap("this is = = not toml")
    app = make_app(demo_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.press("2")
        await pilot.pause()
        assert app.current_mode == "afternoon"

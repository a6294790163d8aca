"""The wall screen beside the producer's prodcom: it cannot write, and it shows their changes within seconds."""

from __future__ import annotations

import os
import shlex
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.exc import OperationalError

from prodcom_tui.store.errors import StoreError

pytestmark = pytest.mark.e2e

WRITER = """
import sys
from pathlib import Path
from prodcom_tui.domain.clock import clock_from
from prodcom_tui.services.facade import open_services
services = open_services(Path(sys.argv[1]), clock_from())
services.standup.add_feedback(int(sys.argv[2]), sys.argv[3])
services.close()
"""


def write_feedback(db: Path, person_id: int, body: str) -> None:
    """Another process (the producer's own prodcom) writes through the services, as the app would."""
    env = {**os.environ, "PRODCOM_TODAY": "2026-11-26"}
    subprocess.run([sys.executable, "-c", WRITER, str(db), str(person_id), body], check=True, env=env, capture_output=True)


async def until_deck(app, pilot):
    for _ in range(200):
        await app.workers.wait_for_complete()
        await pilot.pause()
        if getattr(app.screen, "deck", None) is not None:
            return app.screen
    raise AssertionError("the stand-up never loaded")


def viewer_app(path: Path, clock):
    from prodcom_tui.services.facade import open_services
    from prodcom_tui.ui.standup_app import StandupViewerApp

    return StandupViewerApp(lambda: open_services(path, clock, read_only=True), str(path), clock.today(), offer_demo=False)


def test_a_read_only_store_cannot_write_even_by_accident(demo_path, clock) -> None:
    from prodcom_tui.store.open import open_store

    store = open_store(demo_path, clock=clock, read_only=True)
    try:
        assert store.read_only
        with pytest.raises(OperationalError, match="readonly"):
            with store.read_engine.begin() as conn:  # the SQLite connection itself is mode=ro
                conn.execute(text("INSERT INTO setting (key, value) VALUES ('x', 'y')"))
        with pytest.raises(StoreError, match="read-only"):
            with store.writing("note.create", "x"):
                pass
    finally:
        store.dispose()


async def test_the_viewer_offers_no_write_key_then_shows_another_process_change(demo_path, clock) -> None:
    """One viewer app runs both checks (starting one costs more than either): first that it writes nothing,
    while no other process has written either, then that it follows another process's write."""
    app = viewer_app(demo_path, clock)
    async with app.run_test(size=(120, 36)) as pilot:
        await the_viewer_offers_no_write_key(app, pilot, demo_path)
        await the_viewer_shows_another_process_change_and_keeps_its_slide(app, pilot, demo_path)


async def the_viewer_offers_no_write_key(app, pilot, demo_path) -> None:  # noqa: ANN001
    import sqlite3

    screen = await until_deck(app, pilot)
    assert screen.deck is not None and app.services.read_only
    keys = {binding.key for _, binding, enabled, *_ in app.active_bindings.values() if enabled}
    assert {"space", "left", "q"} <= keys
    assert not keys & {"f", "u", "ctrl+z", "1", "ctrl+p"}
    await pilot.press("f", "u")
    await pilot.pause()
    assert app.screen is screen  # no form opened
    await app.workers.wait_for_complete()  # a write the keys started would be done by now
    db = sqlite3.connect(demo_path)
    assert db.execute("SELECT count(*) FROM note WHERE created_at >= '2026-11-26'").fetchone()[0] == 0
    db.close()


async def the_viewer_shows_another_process_change_and_keeps_its_slide(app, pilot, demo_path) -> None:  # noqa: ANN001
    screen = await until_deck(app, pilot)
    await pilot.press("space", "space")
    await pilot.pause()
    slide, view = screen.current, screen.query_one("#slide-person")
    await pilot.pause(1.5)  # the watcher takes its first reading
    started = time.monotonic()
    write_feedback(demo_path, slide.person_id, "Thanks for the quick turnaround")
    deadline = started + 20  # a generous ceiling for a loaded CI machine; measured ~1-2 s
    while time.monotonic() < deadline and not screen.current.feedback_today:
        await pilot.pause(0.1)
    assert screen.current.feedback_today == ("Thanks for the quick turnaround",)
    assert screen.current.key == slide.key and screen.index == 2  # still on the same person
    assert screen.query_one("#slide-person") is view  # updated in place, not rebuilt: no flicker
    assert "Thanks for the quick turnaround" in str(screen.query_one("#person-feedback").content)


def test_two_real_processes_in_tmux(tmux_available, demo_path: Path) -> None:
    """`prodcom standup --read-only` in a terminal; a second process writes; the screen follows."""
    socket, session = f"standup-{uuid.uuid4().hex[:8]}", "viewer"
    command = f"{shlex.quote(sys.executable)} -m prodcom_tui standup --read-only --db {shlex.quote(str(demo_path))}"
    env = {**os.environ, "PRODCOM_TODAY": "2026-11-26"}
    tmux = ["tmux", "-L", socket]
    subprocess.run([*tmux, "new-session", "-d", "-s", session, "-x", "120", "-y", "36", command], check=True, env=env)
    try:
        screen = wait_for(tmux, session, "Camille Laurent")
        assert "Feedback" not in screen.splitlines()[-1]  # the footer offers no write key
        write_feedback(demo_path, 1, "Key visual approved by the client")
        wait_for(tmux, session, "Key visual approved by the client")
        subprocess.run([*tmux, "send-keys", "-t", session, "q"], check=True)
    finally:
        subprocess.run([*tmux, "kill-server"], capture_output=True)


def wait_for(tmux: list[str], session: str, wanted: str, timeout: float = 30.0) -> str:
    deadline, screen = time.monotonic() + timeout, ""
    while time.monotonic() < deadline:
        screen = subprocess.run([*tmux, "capture-pane", "-p", "-t", session], capture_output=True, text=True).stdout
        if wanted in screen:
            return screen
        time.sleep(0.2)
    raise AssertionError(f"{wanted!r} never appeared; the screen was:\n{screen}")

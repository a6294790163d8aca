"""End to end: the real `prodcom` in a real terminal (tmux) at 80×24 and 200×50."""

from __future__ import annotations

import shlex
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest

pytestmark = pytest.mark.e2e


def tmux(session: str, *args: str) -> str:
    # Each session has its own tmux server (named after it): on the shared default server, the server
    # quitting as another run's last session ended raced this run's new-session ("no server", rarely).
    return subprocess.run(["tmux", "-L", session, *args], capture_output=True, text=True, check=True).stdout


def wait_for(session: str, text: str, timeout: float = 20.0) -> str:
    deadline = time.monotonic() + timeout
    screen = ""
    while time.monotonic() < deadline:
        screen = tmux(session, "capture-pane", "-p", "-t", session)
        if text in screen:
            return screen
        time.sleep(0.1)
    raise AssertionError(f"{text!r} never appeared; the screen was:\n{screen}")


@pytest.mark.parametrize("size", [(80, 24), (200, 50)], ids=lambda s: f"{s[0]}x{s[1]}")
def test_start_switch_modes_and_quit(tmux_available, tmp_path: Path, demo_path: Path, size: tuple[int, int]) -> None:
    db = demo_path  # what `prodcom demo` writes (test_cli runs that command); one interpreter start less
    session = f"prodcom-{uuid.uuid4().hex[:8]}"
    done = tmp_path / "exit-code"
    # COLUMNS and LINES would win over the terminal's own size (Python's shutil.get_terminal_size, which
    # Textual asks): the shell in the pane exported 80 and 24, the pane's size before -x/-y applied, and
    # the "200×50" run drew at 80×24 until 28 Nov.
    command = (f"unset COLUMNS LINES; {shlex.quote(sys.executable)} -m prodcom_tui --db {shlex.quote(str(db))}; "
               f"echo $? > {shlex.quote(str(done))}")
    # remain-on-exit: if prodcom ever stops early, its last screen (a crash message) stays to be read.
    tmux(session, "new-session", "-d", "-s", session, "-x", str(size[0]), "-y", str(size[1]),
         "env", f"PRODCOM_TODAY=2026-11-26", f"PRODCOM_DATA_DIR={tmp_path / 'data'}", "TERM=xterm-256color", "bash", "-c", command,
         ";", "set-option", "-t", session, "remain-on-exit", "on")
    try:
        _morning(session, size)
        _drive(session, done)
    except (AssertionError, subprocess.CalledProcessError) as exc:
        raise AssertionError(f"{exc}\n{_postmortem(tmp_path, done)}") from exc
    finally:
        subprocess.run(["tmux", "-L", session, "kill-server"], capture_output=True)


def _morning(session: str, size: tuple[int, int]) -> None:
    """The morning reads at both sizes: each request's source mark, each roadblock's age (its date too when
    wide), the timeline's today mark, the team; one pane at a time at 80×24, all four at 200×50."""
    for mark in ("✉ ", "☎ "):  # how the first requests came in, before the sender
        wait_for(session, mark)
    if size[0] >= 120:
        for proof in ("Roadblocks —", "Since", "Timelines —", "▼", "Team"):  # each pane fills in as its data lands
            wait_for(session, proof)
        return
    for pane, proof in (("Roadblocks —", "Age"), ("Timelines —", "▼"), ("Tasks — grouped", "/35 h")):
        tmux(session, "send-keys", "-t", session, "Tab")
        screen = wait_for(session, pane)
        assert proof in screen, screen
    tmux(session, "send-keys", "-t", session, "Tab")  # back to the requests, as the mode switches expect nothing
    wait_for(session, "Requests —")


def _drive(session: str, done: Path) -> None:
    wait_for(session, "Requests —")
    wait_for(session, "urgent")
    tmux(session, "send-keys", "-t", session, "2")
    wait_for(session, "Deliveries — late first")
    tmux(session, "send-keys", "-t", session, "3")
    wait_for(session, "Evening report —")
    tmux(session, "send-keys", "-t", session, "q")
    deadline = time.monotonic() + 10
    while not done.exists() and time.monotonic() < deadline:
        time.sleep(0.1)
    assert done.read_text().strip() == "0"


def _postmortem(tmp_path: Path, done: Path) -> str:
    """What a failure needs to be understood: whether prodcom exited, with what, and its log."""
    code = done.read_text().strip() if done.exists() else "still running (or never started)"
    log = tmp_path / "data" / "prodcom.log"
    return f"prodcom's exit code: {code}\nits log:\n{log.read_text()[-3000:] if log.exists() else '(none)'}"

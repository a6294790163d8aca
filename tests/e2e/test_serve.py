"""`prodcom serve`: the stand-up in headless Chromium, and no app process left once the browser goes."""

from __future__ import annotations

import asyncio
import base64
import json
import os
import re
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

pytestmark = pytest.mark.e2e
CHROMIUM_FLAGS = (
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run",
    "--disable-component-update", "--disable-sync", "--window-size=1280,800",
)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def app_processes(db: Path) -> list[int]:
    """Every stand-up process started for this database (scanned from /proc, so nothing is missed)."""
    found = []
    for entry in Path("/proc").iterdir():
        try:
            argv = (entry / "cmdline").read_bytes().split(b"\0")
        except OSError:
            continue
        if b"standup" in argv and b"--read-only" in argv and str(db).encode() in argv:
            found.append(int(entry.name))
    return found


def wait_until(check, timeout: float, what: str):  # noqa: ANN001, ANN201
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        result = check()
        if result:
            return result
        time.sleep(0.2)
    raise AssertionError(f"{what} did not happen within {timeout:.0f} s")


@pytest.fixture
def server(demo_path: Path):
    port = free_port()
    env = {**os.environ, "PRODCOM_TODAY": "2026-11-26"}
    proc = subprocess.Popen(
        [sys.executable, "-m", "prodcom_tui", "serve", "--db", str(demo_path), "--port", str(port)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env,
    )
    first = proc.stdout.readline()
    try:
        yield port, first, proc
    finally:
        proc.terminate()
        proc.wait(timeout=15)
    wait_until(lambda: not app_processes(demo_path), 20, "every app process ending with the server")


def assert_listens_on_localhost_only(port: int, first_line: str) -> None:
    assert first_line.strip() == f"prodcom: the stand-up (read-only) is at http://127.0.0.1:{port}"
    listening = [line.split() for line in Path("/proc/net/tcp").read_text().splitlines()[1:]]
    mine = [cols[1] for cols in listening if cols[1].endswith(f":{port:04X}") and cols[3] == "0A"]
    assert mine == [f"0100007F:{port:04X}"]  # 127.0.0.1 only, not 0.0.0.0


def test_a_browser_disconnecting_while_the_app_starts_leaves_no_process(server, demo_path: Path) -> None:
    import aiohttp

    port, first_line, _ = server
    assert_listens_on_localhost_only(port, first_line)

    async def connect_and_leave() -> None:
        async with aiohttp.ClientSession() as session:
            for _ in range(3):
                ws = await session.ws_connect(f"http://127.0.0.1:{port}/ws?width=80&height=24")
                await ws.close()  # gone before the app has drawn anything

    asyncio.run(connect_and_leave())
    time.sleep(0.5)
    wait_until(lambda: not app_processes(demo_path), 30, "every app process ending after its browser left")


def test_the_server_killed_outright_takes_its_app_processes_with_it(server, demo_path: Path) -> None:
    import aiohttp

    port, _, proc = server

    async def connect_then_kill_the_server() -> None:
        async with aiohttp.ClientSession() as session:
            ws = await session.ws_connect(f"http://127.0.0.1:{port}/ws?width=80&height=24")
            await asyncio.to_thread(wait_until, lambda: app_processes(demo_path), 30, "the app starting")
            proc.kill()  # no clean-up code runs in the server: the child must notice on its own
            proc.wait()
            await asyncio.to_thread(wait_until, lambda: not app_processes(demo_path), 30, "the orphaned app ending")
            await ws.close()

    asyncio.run(connect_then_kill_the_server())


@pytest.mark.skipif(shutil.which("chromium") is None, reason="chromium is not installed (.ci/run installs it)")
def test_headless_chromium_shows_the_standup_and_no_process_survives_it(server, demo_path: Path, tmp_path: Path) -> None:
    port, _, _ = server
    browser = subprocess.Popen(
        ["chromium", *CHROMIUM_FLAGS, f"--user-data-dir={tmp_path / 'chromium'}", "--remote-debugging-port=0", "about:blank"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    try:
        active = tmp_path / "chromium" / "DevToolsActivePort"
        devtools = int(wait_until(lambda: active.exists() and active.read_text().split("\n")[0], 30, "chromium starting"))
        lines = asyncio.run(read_terminal(devtools, f"http://127.0.0.1:{port}/", tmp_path / "standup.png"))
        screen = "\n".join(lines)
        assert "Stand-up ·" in screen and "Slide 1 of" in screen and "Camille Laurent" in screen, screen
        assert "Feedback" not in screen  # read-only: no write key in the footer
        assert wait_until(lambda: app_processes(demo_path), 5, "an app process while the page is open")
    finally:
        browser.terminate()
        browser.wait(timeout=15)
    wait_until(lambda: not app_processes(demo_path), 30, "every app process ending after the browser closed")


async def read_terminal(devtools_port: int, url: str, screenshot: Path) -> list[str]:
    """Drive the page over the DevTools protocol; read the terminal's text from xterm.js's own buffer."""
    import aiohttp

    async with aiohttp.ClientSession() as http:
        targets = await (await http.get(f"http://127.0.0.1:{devtools_port}/json/list")).json()
        page = next(t for t in targets if t["type"] == "page")
        async with http.ws_connect(page["webSocketDebuggerUrl"], max_msg_size=0) as ws:
            cdp = Cdp(ws)
            await cdp.call("Fetch.enable", patterns=[{"urlPattern": "*textual.js*", "requestStage": "Response"}])
            await cdp.call("Page.navigate", url=url, wait=False)
            await cdp.expose_terminal()
            lines = await cdp.poll_lines("Camille Laurent", timeout=40)
            shot = await cdp.call("Page.captureScreenshot", format="png")
            screenshot.write_bytes(base64.b64decode(shot["data"]))
            return lines


class Cdp:
    """Just enough of the DevTools protocol: calls, and patching textual.js so the test can read the terminal."""

    def __init__(self, ws) -> None:  # noqa: ANN001
        self.ws, self.next_id, self.events = ws, 0, []

    async def call(self, method: str, wait: bool = True, **params):  # noqa: ANN201
        self.next_id += 1
        await self.ws.send_json({"id": self.next_id, "method": method, "params": params})
        while wait:
            message = json.loads((await self.ws.receive()).data)
            if message.get("id") == self.next_id:
                return message.get("result", {})
            self.events.append(message)
        return {}

    async def expose_terminal(self) -> None:
        while True:
            event = self.events.pop(0) if self.events else json.loads((await self.ws.receive()).data)
            if event.get("method") == "Fetch.requestPaused":
                break
        request_id = event["params"]["requestId"]
        body = await self.call("Fetch.getResponseBody", requestId=request_id)
        source = base64.b64decode(body["body"]).decode() if body.get("base64Encoded") else body["body"]
        patched, count = re.subn(r"this\.terminal=new (\w+)\.Terminal\(", r"this.terminal=window.__standupTerminal=new \1.Terminal(", source)
        assert count == 1, "textual-serve's page changed: cannot find its xterm.js Terminal"
        await self.call(
            "Fetch.fulfillRequest", requestId=request_id, responseCode=200,
            responseHeaders=[{"name": "Content-Type", "value": "application/javascript"}],
            body=base64.b64encode(patched.encode()).decode(),
        )

    async def poll_lines(self, wanted: str, timeout: float) -> list[str]:
        script = (
            "(() => { const t = window.__standupTerminal; if (!t) return []; const b = t.buffer.active; const out = [];"
            " for (let i = 0; i < t.rows; i++) { const l = b.getLine(i); out.push(l ? l.translateToString(true) : ''); }"
            " return out; })()"
        )
        deadline, lines = time.monotonic() + timeout, []
        while time.monotonic() < deadline:
            result = await self.call("Runtime.evaluate", expression=script, returnByValue=True)
            lines = result.get("result", {}).get("value") or []
            if any(wanted in line for line in lines):
                return lines
            await asyncio.sleep(0.3)
        raise AssertionError(f"{wanted!r} never showed in the browser; it showed:\n" + "\n".join(lines))

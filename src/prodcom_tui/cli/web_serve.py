"""textual-serve, made to end every stand-up process when its browser goes (even one still starting)."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import shlex
import signal
import sys
from typing import Any

from aiohttp import web
from textual_serve.app_service import AppService
from textual_serve.server import Server, to_int

log = logging.getLogger("textual-serve")
QUIT_GRACE_SECONDS = 3.0
DRIVER = "prodcom_tui.ui.web_driver:ServedDriver"


class GuardedAppService(AppService):
    """One browser's stand-up: its own process group, so closing it ends everything it started."""

    def __init__(self, argv: list[str], **kwargs: Any) -> None:
        super().__init__(shlex.join(argv), **kwargs)
        self.argv = argv

    def _build_environment(self, width: int = 80, height: int = 24) -> dict[str, str]:
        env = super()._build_environment(width, height)
        env["TEXTUAL_DRIVER"] = DRIVER  # quits when the server's pipe closes, not only on a "quit" packet
        env["PRODCOM_SERVED"] = "1"  # the child also dies with the server (see cli.standup_cmd)
        return env

    async def _open_app_process(self, width: int = 80, height: int = 24) -> asyncio.subprocess.Process:
        """No shell in between (a shell could outlive the kill), and a session of its own."""
        self._process = await asyncio.create_subprocess_exec(
            *self.argv, stdin=asyncio.subprocess.PIPE, stdout=asyncio.subprocess.PIPE,
            stderr=asyncio.subprocess.PIPE, env=self._build_environment(width, height), start_new_session=True,
        )
        self._stdin = self._process.stdin
        return self._process

    async def close(self) -> None:
        """Ask the app to quit, close its input, then end its whole process group whatever it answered."""
        process = self._process
        if process is None:
            return
        if process.returncode is None:
            with contextlib.suppress(Exception):
                await asyncio.wait_for(self.send_meta({"type": "quit"}), 1.0)
            with contextlib.suppress(Exception):
                self.stdin.close()
            with contextlib.suppress(asyncio.TimeoutError):
                await asyncio.wait_for(process.wait(), QUIT_GRACE_SECONDS)
        kill_group(process.pid)
        with contextlib.suppress(Exception):
            await asyncio.wait_for(process.wait(), QUIT_GRACE_SECONDS)
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(BaseException):
                await self._task
            self._task = None


def kill_group(pgid: int) -> None:
    """SIGKILL whatever is left in the app's process group (the leader may already be gone)."""
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(pgid, signal.SIGKILL)


class StandupServer(Server):
    def __init__(self, argv: list[str], *, host: str, port: int) -> None:
        super().__init__(shlex.join(argv), host=host, port=port, title="prodcom stand-up")
        self.argv = argv
        self.live: set[GuardedAppService] = set()

    def serve(self, debug: bool = False) -> None:
        """textual-serve's loop, but the address is announced once the socket listens, not before.

        aiohttp runs `on_startup` before it binds, so a browser (or a script) acting on the
        printed address could be refused; `run_app` calls `print` after every site has started.
        """
        self.debug = debug
        self.initialize_logging()
        loop = asyncio.new_event_loop()
        asyncio.set_event_loop(loop)
        with contextlib.suppress(NotImplementedError):
            loop.add_signal_handler(signal.SIGINT, self.request_exit)
            loop.add_signal_handler(signal.SIGTERM, self.request_exit)
        web.run_app(
            self._make_app(), host=self.host, port=self.port, handle_signals=False, loop=loop,
            print=lambda *_: self.announce(),
        )

    async def on_startup(self, app: web.Application) -> None:
        """Nothing yet: textual-serve's banner would come before the socket listens (see `announce`)."""

    def announce(self) -> None:
        where = "this machine only" if self.host in ("127.0.0.1", "localhost", "::1") else f"the network on {self.host}"
        print(f"prodcom: the stand-up (read-only) is at {self.public_url}", flush=True)
        print(f"prodcom: listening on {where}; Ctrl+C stops", flush=True)

    async def on_shutdown(self, app: web.Application) -> None:
        await asyncio.gather(*(service.close() for service in list(self.live)), return_exceptions=True)

    async def handle_websocket(self, request: web.Request) -> web.WebSocketResponse:
        """Like textual-serve's, but the app process is ended in every case, cancellation included."""
        websocket = web.WebSocketResponse(heartbeat=15)
        width = to_int(request.query.get("width", "80"), 80)
        height = to_int(request.query.get("height", "24"), 24)
        service = GuardedAppService(
            self.argv, write_bytes=websocket.send_bytes, write_str=websocket.send_str,
            close=websocket.close, download_manager=self.download_manager, debug=self.debug,
        )
        self.live.add(service)
        try:
            await websocket.prepare(request)
            await service.start(width, height)
            await self._process_messages(websocket, service)
        except asyncio.CancelledError:
            pass
        except Exception as error:  # noqa: BLE001
            log.error("stand-up connection failed: %s", error)
        finally:
            # Shielded: a handler cancelled mid-start must still reap the process it spawned.
            await asyncio.shield(self._finish(service, websocket))
        return websocket

    async def _finish(self, service: GuardedAppService, websocket: web.WebSocketResponse) -> None:
        try:
            await service.close()
        finally:
            self.live.discard(service)
            with contextlib.suppress(Exception):
                await websocket.close()

    async def handle_index(self, request: web.Request) -> web.StreamResponse:
        """The page's websocket address follows the address the browser used (`--host 0.0.0.0` works remotely)."""
        self.public_url = f"{request.scheme}://{request.host}"
        return await super().handle_index(request)

    def initialize_logging(self) -> None:
        """Warnings only: textual-serve's banner and per-connection chatter are not for the producer."""
        logging.basicConfig(level=logging.WARNING, stream=sys.stderr, format="prodcom serve: %(message)s")

"""`prodcom standup [--read-only]` on the wall screen, and `prodcom serve` for people joining from a browser."""

from __future__ import annotations

import argparse
import os
import sys

from . import common

SERVED_ENV = "PRODCOM_SERVED"  # set by `prodcom serve` for each browser's stand-up process


def register(sub: argparse._SubParsersAction, parent: argparse.ArgumentParser) -> None:
    p = sub.add_parser("standup", parents=[parent], help="present the stand-up: one slide per person, projects at risk, decisions")
    p.add_argument("--read-only", action="store_true",
                   help="a live viewer that cannot write (the wall screen beside the producer's own prodcom)")
    p.set_defaults(func=run_standup)
    s = sub.add_parser("serve", parents=[parent], help="show the stand-up, read-only, in a web browser (extra `web`)")
    s.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1: this machine only)")
    s.add_argument("--port", type=int, default=8000, help="port to listen on (default 8000)")
    s.set_defaults(func=run_serve)


def run_standup(args: argparse.Namespace) -> int:
    from prodcom_tui.store.precheck import check_db_path, prepare_location

    clock, path, read_only = common.clock(args), common.db_path(args), args.read_only
    if read_only:
        check_db_path(path)
        if not path.exists():
            raise common.UserError(f"{path} does not exist: the read-only stand-up shows the producer's database")
    else:
        prepare_location(path, default_location=common.is_default_location(args))

    def opener():  # noqa: ANN202
        from prodcom_tui.services.facade import open_services

        return open_services(path, clock, read_only=read_only)

    from prodcom_tui.ui.standup_app import StandupFirstApp, StandupViewerApp

    if os.environ.get(SERVED_ENV):
        exit_with_parent()
    app_class = StandupViewerApp if read_only else StandupFirstApp
    app = app_class(opener, str(path), clock.today(), offer_demo=not read_only)
    app.run()
    if app.error_message:
        print(f"prodcom: {app.error_message}", file=sys.stderr)
    return app.return_code or 0


def exit_with_parent() -> None:
    """A browser's stand-up must not outlive `prodcom serve`, even when the server is killed outright."""
    if sys.platform.startswith("linux"):
        import ctypes
        import signal

        pr_set_pdeathsig = 1
        ctypes.CDLL(None, use_errno=True).prctl(pr_set_pdeathsig, signal.SIGTERM)
    if os.getppid() == 1:  # the server died before we could ask to follow it
        raise SystemExit(0)


def run_serve(args: argparse.Namespace) -> int:
    try:
        from .web_serve import StandupServer
    except ImportError:
        raise common.UserError("the browser view needs the `web` extra: pip install 'prodcom-tui[web]'") from None
    path = common.db_path(args)
    if not path.exists():
        raise common.UserError(f"{path} does not exist: `prodcom serve` shows the stand-up of an existing database")
    if not 0 < args.port < 65536:
        raise common.UserError(f"--port {args.port} is not a port: use a number from 1 to 65535")
    argv = [sys.executable, "-m", "prodcom_tui", "standup", "--read-only", "--db", str(path.resolve())]
    if getattr(args, "today", None):
        argv += ["--today", args.today]
    StandupServer(argv, host=args.host, port=args.port).serve()
    return 0

"""What every subcommand shares: the database option, the clock, and user-facing errors."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from prodcom_tui import paths
from prodcom_tui.domain.clock import Clock, clock_from


class UserError(Exception):
    """A mistake the user can fix; printed as one line, never a traceback."""


def db_parent() -> argparse.ArgumentParser:
    """`--db` and `--today` accepted before or after the subcommand."""
    parent = argparse.ArgumentParser(add_help=False)
    parent.add_argument("--db", metavar="PATH", default=argparse.SUPPRESS, help="database file (default: $PRODCOM_DB or the user data dir)")
    parent.add_argument("--today", metavar="YYYY-MM-DD", default=argparse.SUPPRESS, help="pretend today is this date ($PRODCOM_TODAY)")
    return parent


def db_path(args: argparse.Namespace) -> Path:
    return paths.resolve_db_path(getattr(args, "db", None))


def is_default_location(args: argparse.Namespace) -> bool:
    import os

    return not getattr(args, "db", None) and not os.environ.get(paths.DB_ENV)


def clock(args: argparse.Namespace) -> Clock:
    try:
        return clock_from(getattr(args, "today", None))
    except ValueError:
        raise UserError(f"--today {getattr(args, 'today', '')!r} is not a date: write it as YYYY-MM-DD") from None


def open_services(args: argparse.Namespace, *, read_only: bool = False):  # noqa: ANN201
    """Check the path cheaply, then open (create, migrate) the database."""
    from prodcom_tui.store.precheck import prepare_location

    path = db_path(args)
    prepare_location(path, default_location=is_default_location(args) and not read_only)
    from prodcom_tui.services.facade import open_services as _open

    services = _open(path, clock(args), read_only=read_only)
    for warning in services.store.warnings:  # a network share, a failed daily backup: said once, on stderr
        print(f"prodcom: warning: {warning}", file=sys.stderr)
    return services


def say(text: str) -> None:
    print(text, file=sys.stdout)


def add_group(sub: argparse._SubParsersAction, parent: argparse.ArgumentParser, name: str, *, help: str,
              description: str, title: str, modules: tuple[str, ...]) -> None:
    """A command whose actions live in their own modules (`prodcom import mail`, `prodcom export ics`)."""
    import importlib

    p = sub.add_parser(name, parents=[parent], help=help, description=description)
    actions = p.add_subparsers(title=title, metavar="KIND", required=True, parser_class=type(p))
    for module in modules:
        importlib.import_module(module).register(actions, parent)

"""Parse the command line and dispatch; every user error ends as one line on stderr."""

from __future__ import annotations

import argparse
import sys

from prodcom_tui import __version__

from . import common
from .common import UserError

# Each module adds its subcommands with `register(subparsers, parent)`; order is the --help order.
COMMAND_MODULES = (
    "prodcom_tui.cli.app_cmd",
    "prodcom_tui.cli.demo_cmd",
    "prodcom_tui.cli.db_cmd",
    "prodcom_tui.cli.import_cmd",
    "prodcom_tui.cli.export_cmd",
    "prodcom_tui.cli.standup_cmd",
    "prodcom_tui.cli.report_cmd",
)


class Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        """One line, not a usage block: what was wrong and where to look."""
        self.exit(2, f"{self.prog}: {message} (see `{self.prog} --help`)\n")


def build_parser() -> argparse.ArgumentParser:
    import importlib

    parent = common.db_parent()
    parser = Parser(prog="prodcom", parents=[parent], description="The communication production manager's terminal.")
    parser.add_argument("--version", action="version", version=f"prodcom {__version__}")
    parser.add_argument("--demo", action="store_true", help="open a fresh demo database kept apart from your data")
    parser.set_defaults(func=None)
    sub = parser.add_subparsers(title="commands", metavar="COMMAND", parser_class=Parser)
    for name in COMMAND_MODULES:
        importlib.import_module(name).register(sub, parent)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    func = args.func
    if func is None:
        from .app_cmd import run_app as func
    try:
        return int(func(args) or 0)
    except KeyboardInterrupt:
        return 130
    except Exception as exc:  # noqa: BLE001
        return report(exc)


def report(exc: Exception) -> int:
    """Known errors become one clear line; anything else is a bug, logged without personal data."""
    from prodcom_tui.domain.errors import UserFacingError

    if isinstance(exc, (UserError, UserFacingError)):
        print(f"prodcom: {exc}", file=sys.stderr)
        return 1
    if isinstance(exc, OSError):
        print(f"prodcom: {exc.strerror or exc}: {exc.filename or ''}".rstrip(": "), file=sys.stderr)
        return 1
    from prodcom_tui.logs import log_crash

    where = log_crash(exc)
    print(f"prodcom: internal error ({type(exc).__name__}); details in {where}", file=sys.stderr)
    return 70

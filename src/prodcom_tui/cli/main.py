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


def build_parser(*, commands: bool = True) -> argparse.ArgumentParser:
    """The whole command line; without `commands`, only what opening the app takes (see `names_a_command`)."""
    import importlib

    parent = common.db_parent()
    parser = Parser(prog="prodcom", parents=[parent], description="The communication production manager's terminal.")
    parser.add_argument("--version", action="version", version=f"prodcom {__version__}")
    parser.add_argument("--demo", action="store_true", help="open a fresh demo database kept apart from your data")
    parser.set_defaults(func=None)
    if commands:
        sub = parser.add_subparsers(title="commands", metavar="COMMAND", parser_class=Parser)
        for name in COMMAND_MODULES:
            importlib.import_module(name).register(sub, parent)
    return parser


def names_a_command(argv: list[str]) -> bool:
    """Whether the arguments hold a command (or ask for help, which lists them) rather than only options.

    Importing the command modules (six of them not needed to open the app) and building all their
    parsers took ~10 ms of every start, before the first frame, for the common case of plain `prodcom`
    (or `--db`, `--today`, `--demo`). Anything that is not one of those options gets the whole parser:
    a command, help, or a mistake to report.
    """
    values = iter(argv)
    for token in values:
        if token in ("--db", "--today"):
            next(values, None)  # the option's value, not a command
        elif token == "--demo" or token.startswith(("--db=", "--today=")):
            continue
        else:
            return True
    return False


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    args = build_parser(commands=names_a_command(argv)).parse_args(argv)
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
    from prodcom_tui.store.errors import read_problem

    problem = read_problem(exc)  # a damaged page found by a read the store does not wrap (the report's)
    if problem is not None:
        print(f"prodcom: {problem}", file=sys.stderr)
        return 1
    from prodcom_tui.logs import log_crash

    where = log_crash(exc)
    print(f"prodcom: internal error ({type(exc).__name__}); details in {where}", file=sys.stderr)
    return 70

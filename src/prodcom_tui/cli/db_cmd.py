"""`prodcom db path|upgrade`, `backup`, `restore`, `check` and `undo`."""

from __future__ import annotations

import argparse
from pathlib import Path

from prodcom_tui.domain.text import safe_terminal

from . import common
from .common import UserError


def register(sub: argparse._SubParsersAction, parent: argparse.ArgumentParser) -> None:
    db = sub.add_parser("db", parents=[parent], help="where the database is, and its schema")
    dbsub = db.add_subparsers(title="db commands", metavar="ACTION", required=True, parser_class=type(db))
    _add(dbsub, parent, "path", db_path, "print the database file in use")
    _add(dbsub, parent, "upgrade", db_upgrade, "bring the schema up to date (backs up first)")
    _add(sub, parent, "backup", backup, "take a verified backup now")
    restore_p = _add(sub, parent, "restore", restore, "replace the database with a backup (backs up the current file first)")
    restore_p.add_argument("file", metavar="FILE", help="a backup made by `prodcom backup`")
    _add(sub, parent, "check", check, "integrity, foreign keys and business rules; non-zero on a problem")
    _add(sub, parent, "undo", undo, "reverse the last recorded change")


def _add(sub, parent, name, func, text):  # noqa: ANN001, ANN202
    p = sub.add_parser(name, parents=[parent], help=text, description=text)
    p.set_defaults(func=func)
    return p


def db_path(args: argparse.Namespace) -> int:
    common.say(str(common.db_path(args)))
    return 0


def db_upgrade(args: argparse.Namespace) -> int:
    services = common.open_services(args)
    services.close()
    common.say(f"{common.db_path(args)} is at the current schema")
    return 0


def backup(args: argparse.Namespace) -> int:
    from prodcom_tui.store.backup import backup_file

    path = common.db_path(args)
    if not path.exists():
        raise UserError(f"{path} does not exist: nothing to back up")
    common.open_services(args).close()  # refuses files that are not prodcom databases
    common.say(f"backup written to {backup_file(path, 'manual')}")
    return 0


def restore(args: argparse.Namespace) -> int:
    from prodcom_tui.store.backup import restore_file

    source = Path(args.file)
    if not source.is_file():
        raise UserError(f"{source} is not a file: give the path of a backup, e.g. from `prodcom backup`")
    saved = restore_file(source, common.db_path(args))
    common.say(f"restored {source}; the previous data was saved to {saved}")
    return 0


def check(args: argparse.Namespace) -> int:
    services = common.open_services(args, read_only=True)
    try:
        problems = services.system.check()
    finally:
        services.close()
    for line in problems:
        print(f"prodcom check: {line}", file=__import__("sys").stderr)
    if problems:
        return 1
    common.say("ok: integrity, foreign keys and business rules all pass")
    return 0


def undo(args: argparse.Namespace) -> int:
    services = common.open_services(args)
    try:
        summary = services.system.undo_last()
    finally:
        services.close()
    common.say(f"undone: {safe_terminal(summary)}" if summary else "nothing to undo")  # the summary comes from the file
    return 0 if summary else 1

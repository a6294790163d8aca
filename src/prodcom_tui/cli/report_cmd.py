"""`prodcom report`: the evening report on the command line, the same content as ctrl+e in the app.

This path reads with a bare sqlite3 connection: no SQLAlchemy, no Textual, so it answers in a blink.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from . import common
from .common import UserError

FORMATS = ("md", "html", "json", "txt")


def register(sub: argparse._SubParsersAction, parent: argparse.ArgumentParser) -> None:
    p = sub.add_parser("report", parents=[parent], help="the evening report (md, html, json or txt)", description=__doc__)
    p.add_argument("--date", metavar="D", help="the day to report on (default: today); e.g. 2026-11-25, yesterday, -2")
    p.add_argument("--project", metavar="P", help="one project's code instead of every live project")
    p.add_argument("--format", choices=FORMATS, default="txt", help="output format (default: txt)")
    p.add_argument("--output", metavar="FILE", help="write to FILE (atomically, mode 0600) instead of the terminal")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from prodcom_tui.domain.dates import parse_date
    from prodcom_tui.domain.vocab import ROADBLOCK_RISK_SCORE
    from prodcom_tui.io.report import render
    from prodcom_tui.store import report_sql

    today = common.clock(args).today()
    day = parse_date(args.date, today) if args.date else today
    output = _output(args.output)
    conn = _connect(args)
    try:
        from prodcom_tui.store.fastread import runner

        report = report_sql.load(runner(conn), day, today, args.project, ROADBLOCK_RISK_SCORE)
    finally:
        conn.close()
    content = render(report, args.format)
    if output is None:
        sys.stdout.write(content)
        return 0
    from prodcom_tui.io.atomic import write_atomic

    write_atomic(output, content)
    common.say(f"report for {day.isoformat()} written to {output}")
    return 0


def _output(value: str | None) -> Path | None:
    """Check the destination before any work, so a bad path costs nothing."""
    if not value:
        return None
    path = Path(value).expanduser()
    if not path.parent.is_dir():
        raise UserError(f"the folder {path.parent} does not exist: create it or write the report somewhere else")
    if path.is_dir():
        raise UserError(f"{path} is a folder: give a file name, e.g. {path / 'report.html'}")
    return path


def _connect(args: argparse.Namespace):  # noqa: ANN202
    """A fast read-only connection; a file that needs creating or migrating goes the long way once."""
    from prodcom_tui.store.fastread import connect_current

    path = common.db_path(args)
    if not path.exists():
        raise UserError(f"{path} does not exist: create it with `prodcom demo --db {path}` or open prodcom once")
    conn = connect_current(path)
    if conn is None:
        common.open_services(args).close()
        conn = connect_current(path)
    if conn is None:
        raise UserError(f"{path} is not a prodcom database at the current schema: run `prodcom check --db {path}`")
    return conn

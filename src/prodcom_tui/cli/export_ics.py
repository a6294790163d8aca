"""`prodcom export ics`: deadlines and milestones of live projects for a calendar app."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from . import common
from .common import UserError


def register(actions: argparse._SubParsersAction, parent: argparse.ArgumentParser) -> None:
    p = actions.add_parser("ics", parents=[parent], help="deadlines and milestones as iCalendar (.ics)", description=__doc__)
    p.add_argument("--output", metavar="FILE", help="write to FILE (atomically, mode 0600) instead of standard output")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    output = Path(args.output).expanduser() if args.output else None
    if output is not None and not output.parent.is_dir():
        raise UserError(f"the folder {output.parent} does not exist: create it or write the calendar somewhere else")
    services = common.open_services(args)
    try:
        items, payload = services.report.calendar()
    finally:
        services.close()
    if output is None:
        sys.stdout.buffer.write(payload)
        return 0
    from prodcom_tui.io.atomic import write_atomic

    write_atomic(output, payload)
    common.say(f"{len(items)} deadlines and milestones written to {output}")
    return 0

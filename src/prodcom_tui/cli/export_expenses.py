"""`prodcom export expenses [--output FILE]`: CSV a spreadsheet opens safely."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from . import common


def register(actions: argparse._SubParsersAction, parent: argparse.ArgumentParser) -> None:
    p = actions.add_parser("expenses", parents=[parent], help="every expense as CSV (formulas guarded)",
                           description="Write every expense as CSV; without --output, to standard output.")
    p.add_argument("--output", "-o", metavar="FILE", help="file to write (atomically, mode 0600)")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from prodcom_tui.io import csv_export

    services = common.open_services(args, read_only=True)
    try:
        rows = services.expenses.export_rows()
    finally:
        services.close()
    if args.output:
        path = csv_export.write(Path(args.output), rows)
        common.say(f"{len(rows)} expenses written to {path}")
    else:
        sys.stdout.write(csv_export.render(rows))
    return 0

"""`prodcom import expenses FILE.csv [--project P] [--dry-run] [--map COLUMN=FIELD ...]`."""

from __future__ import annotations

import argparse
import sys

from . import common


def register(actions: argparse._SubParsersAction, parent: argparse.ArgumentParser) -> None:
    p = actions.add_parser("expenses", parents=[parent], help="expenses from a bank or payment-service CSV",
                           description="Import expenses from CSV: all rows or none; the same file twice adds nothing.")
    p.add_argument("file", metavar="FILE.csv")
    p.add_argument("--project", default="", metavar="CODE", help="project of rows that do not name one")
    p.add_argument("--dry-run", action="store_true", help="check and preview, write nothing")
    p.add_argument("--map", action="append", metavar="COLUMN=FIELD", help="read COLUMN as FIELD (repeatable)")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from prodcom_tui.domain.money import format_money
    from prodcom_tui.domain.text import safe_terminal
    from prodcom_tui.io.csv_columns import parse_map
    from prodcom_tui.io.csv_expenses import CsvError

    mapping = parse_map(args.map)
    services = common.open_services(args)
    try:
        preview = services.expenses.import_csv(args.file, project=args.project, mapping=mapping, dry_run=args.dry_run)
    except CsvError as exc:
        for problem in exc.problems:
            print(f"prodcom: {problem}", file=sys.stderr)
        raise common.UserError(f"nothing imported from {args.file}: fix the line(s) above and try again") from None
    finally:
        services.close()
    columns = ", ".join(f"{field}={header!r}" for field, header in preview.columns.items())
    common.say(f"{preview.file}: {preview.read} rows read ({'; '.join(preview.notes)}); columns {columns}")
    for day, amount, line, description in preview.sample:
        common.say(safe_terminal(f"  {day:%d/%m/%Y}  {format_money(amount):>14}  {line}  {description}"))  # line names come from the file
    verb = "imported" if preview.written else "would be imported (dry run: nothing written)"
    common.say(f"{preview.new} expenses {verb}, total {format_money(preview.total)}; {preview.already} already there")
    return 0

"""`prodcom import mail PATH [--since DATE] [--dry-run]`: a Maildir folder or an mbox file into the inbox."""

from __future__ import annotations

import argparse
from pathlib import Path

from . import common


def register(actions: argparse._SubParsersAction, parent: argparse.ArgumentParser) -> None:
    p = actions.add_parser("mail", parents=[parent], help="mail from a Maildir folder or an mbox file",
                           description="Import mail as requests; a message already imported (same Message-ID) is skipped.")
    p.add_argument("path", metavar="PATH", help="a Maildir folder (with cur/ and new/) or an mbox file")
    p.add_argument("--since", metavar="DATE", default="", help="only mail received on or after DATE (2026-11-01, 01/11, -7)")
    p.add_argument("--dry-run", action="store_true", help="read and count, write nothing")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Read the whole mailbox first, so a bad file stops before the database is touched."""
    from prodcom_tui.domain.dates import parse_date
    from prodcom_tui.io.mail import read_mailbox

    today = common.clock(args).today()
    since = parse_date(args.since, today) if args.since.strip() else None
    path = Path(args.path).expanduser()
    items = read_mailbox(path, since)
    if args.dry_run:
        common.say(f"{path}: {len(items)} message(s) read; dry run, nothing written")
        return 0
    services = common.open_services(args)
    try:
        if items:  # named and dated as the expense import's: `prodcom-<stamp>-before-import.db`, the store's clock
            services.system.backup("before import")
        added, skipped = services.requests.import_mail(items, str(path))
    finally:
        services.close()
    common.say(f"{path}: {added} request(s) imported, {skipped} already there")
    return 0

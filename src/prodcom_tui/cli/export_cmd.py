"""`prodcom export expenses|ics …`: write data out (files written atomically, mode 0600)."""

from __future__ import annotations

import argparse
import importlib

# Each module adds one `export` action with `register(actions, parent)`.
EXPORTERS: tuple[str, ...] = ("prodcom_tui.cli.export_expenses", "prodcom_tui.cli.export_ics")


def register(sub: argparse._SubParsersAction, parent: argparse.ArgumentParser) -> None:
    if not EXPORTERS:
        return
    p = sub.add_parser("export", parents=[parent], help="export expenses or a calendar", description=__doc__)
    actions = p.add_subparsers(title="what to export", metavar="KIND", required=True, parser_class=type(p))
    for name in EXPORTERS:
        importlib.import_module(name).register(actions, parent)

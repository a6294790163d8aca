"""`prodcom import mail|expenses …`: bring outside data in (dry run first, all or nothing)."""

from __future__ import annotations

import argparse
import importlib

# Each module adds one `import` action with `register(actions, parent)`.
IMPORTERS: tuple[str, ...] = ("prodcom_tui.cli.import_expenses", "prodcom_tui.cli.import_mail")


def register(sub: argparse._SubParsersAction, parent: argparse.ArgumentParser) -> None:
    if not IMPORTERS:
        return
    p = sub.add_parser("import", parents=[parent], help="import mail or expenses", description=__doc__)
    actions = p.add_subparsers(title="what to import", metavar="KIND", required=True, parser_class=type(p))
    for name in IMPORTERS:
        importlib.import_module(name).register(actions, parent)

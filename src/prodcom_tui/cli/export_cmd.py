"""`prodcom export expenses|ics …`: write data out (files written atomically, mode 0600)."""

from __future__ import annotations

import argparse

from .common import add_group

# Each module adds one `export` action with `register(actions, parent)`.
EXPORTERS: tuple[str, ...] = ("prodcom_tui.cli.export_expenses", "prodcom_tui.cli.export_ics")


def register(sub: argparse._SubParsersAction, parent: argparse.ArgumentParser) -> None:
    add_group(sub, parent, "export", help="export expenses or a calendar", description=__doc__,
              title="what to export", modules=EXPORTERS)

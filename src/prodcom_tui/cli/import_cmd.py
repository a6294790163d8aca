"""`prodcom import mail|expenses …`: bring outside data in (dry run first, all or nothing)."""

from __future__ import annotations

import argparse

from .common import add_group

# Each module adds one `import` action with `register(actions, parent)`.
IMPORTERS: tuple[str, ...] = ("prodcom_tui.cli.import_expenses", "prodcom_tui.cli.import_mail")


def register(sub: argparse._SubParsersAction, parent: argparse.ArgumentParser) -> None:
    add_group(sub, parent, "import", help="import mail or expenses", description=__doc__,
              title="what to import", modules=IMPORTERS)

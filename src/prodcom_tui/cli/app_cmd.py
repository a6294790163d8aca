"""`prodcom` with no command: open the app on the database."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from . import common


def register(sub: argparse._SubParsersAction, parent: argparse.ArgumentParser) -> None:
    p = sub.add_parser("open", parents=[parent], help="open the app (the default when no command is given)")
    p.set_defaults(func=run_app)


def run_app(args: argparse.Namespace) -> int:
    """Check the path cheaply here; the store itself opens in a worker so the first frame is fast."""
    from prodcom_tui.store.precheck import prepare_location

    clock = common.clock(args)
    if getattr(args, "demo", False):
        path = fresh_demo(clock)
    else:
        path = common.db_path(args)
        prepare_location(path, default_location=common.is_default_location(args))

    from prodcom_tui.ui.app import ProdcomApp

    app = ProdcomApp(opener_for(path, clock), str(path), clock.today(), after_open=daily_backup)
    app.run()
    if app.error_message:
        print(f"prodcom: {app.error_message}", file=sys.stderr)
    return app.return_code or 0


def opener_for(path: Path, clock) -> Callable[[], Any]:  # noqa: ANN001
    """What the app's open worker calls: `opener()` opens the whole store (the long way: create, back up,
    migrate); `opener.quick()` first offers, on a file at the current schema, Services whose morning
    reads answer before SQLAlchemy is loaded (services/opening.py), their store opened by `finish_open()`.
    """

    def open_now():  # noqa: ANN202
        from prodcom_tui.services.opening import ORM_IMPORTS

        with ORM_IMPORTS:  # SQLAlchemy loads here, maybe while a screen's thread imports a service
            from prodcom_tui.store.open import open_store

        return open_store(path, clock=clock)

    def opener():  # noqa: ANN202
        from prodcom_tui.services.facade import Services

        return Services(open_now())

    def quick():  # noqa: ANN202
        from prodcom_tui.services.opening import open_fast

        return open_fast(path, clock, open_now)

    opener.quick = quick  # type: ignore[attr-defined]
    return opener


def daily_backup(services) -> list[str]:  # noqa: ANN001
    """The once-a-day backup, taken while the first screen loads rather than before (126 MB take seconds)."""
    from prodcom_tui.store.open import maybe_daily_backup

    before = len(services.store.warnings)
    if not services.system.is_empty():
        maybe_daily_backup(services.store)
    return services.store.warnings[before:]


def fresh_demo(clock) -> Path:  # noqa: ANN001
    """A demo database beside the user's data, rebuilt so its dates are relative to today."""
    from prodcom_tui import paths
    from prodcom_tui.store.demo import generate
    from prodcom_tui.store.open import open_store

    folder = paths.ensure_private_dir(paths.data_dir())
    target = folder / "demo.db"
    for suffix in ("", "-wal", "-shm"):
        (folder / f"demo.db{suffix}").unlink(missing_ok=True)
    store = open_store(target, clock=clock)
    try:
        generate(store, "demo")
    finally:
        store.dispose()
    return target

"""`prodcom demo`: a deterministic dataset, never mixed into real work."""

from __future__ import annotations

import argparse
import time

from . import common
from .common import UserError


def register(sub: argparse._SubParsersAction, parent: argparse.ArgumentParser) -> None:
    p = sub.add_parser("demo", parents=[parent], help="fill a database with demo data", description=run.__doc__)
    p.add_argument("--size", choices=("demo", "large", "huge"), default="demo", help="dataset size (default: demo)")
    p.add_argument("--seed", type=int, default=7, help="random seed; the same seed and day give the same data")
    p.add_argument("--replace", action="store_true", help="replace the data already in the file (backed up first)")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Generate demo data; refuses a database that already holds data unless --replace."""
    path = common.db_path(args)
    services = common.open_services(args)
    try:
        if not services.system.is_empty():
            if not args.replace:
                raise UserError(f"{path} already holds data: demo rows must never mix with real work (use --replace, which backs it up first)")
            _wipe(services, path)
        started = time.perf_counter()
        counts = services.system.load_demo(args.size, args.seed)
        took = time.perf_counter() - started
    finally:
        services.close()
    common.say(f"{args.size} data written to {path} in {took:.2f} s: " + _summary(counts))
    return 0


def _wipe(services, path) -> None:  # noqa: ANN001
    from prodcom_tui.store.backup import backup_file

    saved = backup_file(path, "before-demo")
    common.say(f"backed up the current data to {saved}")
    services.system.wipe()


def _summary(counts: dict[str, int]) -> str:
    keys = ("project", "task", "expense", "vendor", "request")
    return ", ".join(f"{counts.get(k, 0):,} {k}s" for k in keys)

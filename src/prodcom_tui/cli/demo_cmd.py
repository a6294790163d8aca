"""`prodcom demo`: a deterministic dataset, never mixed into real work."""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from . import common
from .common import UserError


def register(sub: argparse._SubParsersAction, parent: argparse.ArgumentParser) -> None:
    p = sub.add_parser("demo", parents=[parent], help="fill a database with demo data", description=run.__doc__)
    p.add_argument("--size", choices=("demo", "large", "huge"), default="demo", help="dataset size (default: demo)")
    p.add_argument("--seed", type=int, default=7, help="random seed; the same seed and day give the same data")
    p.add_argument("--replace", action="store_true", help="replace the data already in the file (backed up first)")
    # The clock starts while the command line is read, so the time said covers what the person waits
    # for: our imports, creating the file (from the schema dump, or SQLAlchemy and Alembic migrating an
    # existing one), the rows, the file on disk.
    p.set_defaults(func=run, started=time.perf_counter())


def run(args: argparse.Namespace) -> int:
    """Generate demo data; refuses a database that already holds data unless --replace."""
    path = common.db_path(args)
    counts, data_seconds = _build_new(args, path) if _is_new(path) else _fill_existing(args, path)
    took = time.perf_counter() - args.started
    common.say(f"{args.size} data written to {path} in {took:.2f} s (the rows {data_seconds:.2f} s of it): "
               + _summary(counts))
    return 0


def _is_new(path: Path) -> bool:
    # A leftover -wal beside a missing file would be replayed into the new one: take the long way then.
    return not any(Path(f"{path}{suffix}").exists() for suffix in ("", "-wal", "-journal"))


def _build_new(args: argparse.Namespace, path: Path) -> tuple[dict[str, int], float]:
    """A file that does not exist yet is built whole under a temporary name, then moved into place."""
    from prodcom_tui.store.demo.newfile import build_new
    from prodcom_tui.store.precheck import prepare_location

    prepare_location(path, default_location=common.is_default_location(args))
    built = build_new(path, common.clock(args), args.size, args.seed)
    for warning in built.warnings:
        print(f"prodcom: warning: {warning}", file=sys.stderr)
    return built.counts, built.data_seconds


def _fill_existing(args: argparse.Namespace, path: Path) -> tuple[dict[str, int], float]:
    services = common.open_services(args)
    try:
        if not services.system.is_empty():
            if not args.replace:
                raise UserError(f"{path} already holds data: demo rows must never mix with real work (use --replace, which backs it up first)")
            _wipe(services, path)
        started = time.perf_counter()
        return services.system.load_demo(args.size, args.seed), time.perf_counter() - started
    finally:
        services.close()


def _wipe(services, path) -> None:  # noqa: ANN001
    from prodcom_tui.store.backup import backup_file

    saved = backup_file(path, "before-demo")
    common.say(f"backed up the current data to {saved}")
    services.system.wipe()


def _summary(counts: dict[str, int]) -> str:
    keys = ("project", "task", "expense", "vendor", "request")
    return ", ".join(f"{counts.get(k, 0):,} {k}s" for k in keys)

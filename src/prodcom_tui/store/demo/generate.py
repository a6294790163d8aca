"""The entry point: fill an empty store with a coherent, deterministic agency in one transaction."""

from __future__ import annotations

from datetime import date
from random import Random
from typing import TYPE_CHECKING

from ..errors import StoreError
from . import buying, history, inbox, projects, quality, reference, spend, tasks, team
from .bulk import indexes_after
from .context import Ctx, id_bases
from .sink import Db
from .sizes import SIZES, Size
from .workdays import WorkCal

if TYPE_CHECKING:  # the store loads SQLAlchemy; a new file is built without it (newfile.py)
    from ..store import Store

# Each step only puts rows whose parents an earlier step (or itself, earlier) has put.
STEPS = (team.build, projects.build, tasks.build, inbox.build, buying.build, spend.build, quality.build,
         reference.build, history.build)


def generate(store: Store, size: str = "demo", seed: int = 7) -> dict[str, int]:
    """Write the `size` dataset; the same seed and the same today give the same rows. Returns rows per table."""
    spec = size_spec(size)
    with store.raw_writing() as session:
        return fill(_db(session), spec, store.clock.today(), seed)


def size_spec(size: str) -> Size:
    if size not in SIZES:
        raise ValueError(f"unknown demo size {size!r}: choose one of {', '.join(SIZES)}")
    return SIZES[size]


def fill(conn: Db, spec: Size, today: date, seed: int) -> dict[str, int]:
    """Every step's rows, inside the caller's transaction on `conn`."""
    if not _empty(conn):
        raise StoreError("this database already holds projects or people: demo data never mixes with real work")
    ctx = Ctx(Random(seed), WorkCal(today, spec.years_back), spec, conn, id_bases(conn))
    with indexes_after(conn):
        for step in STEPS:
            step(ctx)
    return ctx.counts


def is_empty(store: Store) -> bool:
    """True when the store has no projects and no people: the only state demo data may be written into."""
    with store.reading() as session:
        return _empty(_db(session))


def _db(session) -> Db:  # noqa: ANN001
    """The session's own sqlite3 connection, inside its transaction."""
    return Db(session.connection().connection.driver_connection)


def _empty(conn: Db) -> bool:
    return not any(conn.rows(f"SELECT count(*) FROM {name}")[0][0] for name in ("project", "person"))

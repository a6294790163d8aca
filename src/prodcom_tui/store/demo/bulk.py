"""How the rows reach SQLite fast: indexes built once after the inserts instead of row by row."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from .sink import Db

# The schema's own indexes (SQLite's automatic ones, for primary keys and UNIQUE, have no SQL and stay).
OWN_INDEXES = "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL ORDER BY name"


@contextmanager
def indexes_after(conn: Db) -> Iterator[None]:
    """Drop the schema's indexes, yield for the inserts, then create each again from its stored SQL.

    Inside the caller's transaction, so no one ever sees the tables without them. One sort per index
    over 50,000 rows costs less than updating it on every insert, and the index comes out the same.
    """
    indexes = conn.rows(OWN_INDEXES)
    for name, _ in indexes:
        conn.raw.execute(f'DROP INDEX "{name}"')
    yield
    for _, sql in indexes:
        conn.raw.execute(sql)

"""Plain-SQL reads: one text per read, run on the store's session or on a bare sqlite3 connection.

The morning's reads are written this way so the app can show them before SQLAlchemy is even imported
(see services/opening.py); once the store is open the very same text runs through its read session.
No SQLAlchemy at import time here on purpose. Dates come back as ISO text on both paths (SQLite
stores them so) and are turned into `date`/`datetime` by `day()` and `moment()`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date, datetime
from typing import Any

from prodcom_tui.store.errors import read_errors

Run = Callable[[str, dict[str, Any]], list[tuple]]


@contextmanager
def rows(store: Any) -> Iterator[Run]:
    """`run(sql, params)` inside one read transaction, so every statement of a read sees the same data."""
    with read_errors():  # a damaged page or a failing disk is one sentence, not a crash
        fast = getattr(store, "fast_rows", None)  # an OpeningStore reads on bare connections until the store is open
        if fast is not None:
            with fast() as run:
                yield run
            return
        # A pooled connection of the store's read engine, in one transaction (its "begin" event says BEGIN),
        # but the statements go straight to the sqlite3 connection under it, as on the fast path: no ORM
        # session, and rows fetched in C rather than one at a time through SQLAlchemy's result (that was
        # ~7 % of a filter keystroke's samples on `huge`, on a worker thread holding the GIL the frame needs).
        with store.read_engine.connect() as conn, conn.begin():
            cursor = conn.connection.driver_connection.cursor()
            try:
                yield lambda sql, params: cursor.execute(sql, params).fetchall()
            finally:
                cursor.close()


def sql_list(values: tuple[str, ...]) -> str:
    """`('a', 'b')` for an IN clause built from a vocabulary constant (never from input: checked here)."""
    assert all(v.isidentifier() for v in values), values
    return "(" + ", ".join(f"'{v}'" for v in values) + ")"


def day(value: Any) -> date | None:
    """A DATE column's value as a date (ISO text from SQLite, a date from drivers that convert)."""
    if value is None or isinstance(value, date):
        return value
    return date.fromisoformat(value[:10])


def moment(value: Any) -> datetime | None:
    """A DATETIME column's value as a naive datetime (SQLite keeps `YYYY-MM-DD HH:MM:SS.ffffff`)."""
    if value is None or isinstance(value, datetime):
        return value
    return datetime.fromisoformat(value)


def like_sql(column: str) -> str:
    """`column LIKE :pattern`. SQLite's LIKE already ignores ASCII case and its lower() folds nothing more
    (no ICU), so the lower() that SQLAlchemy's `ilike` wraps both sides in only cost two calls per cell:
    a rare word's count and window over 50,000 expenses 146 -> 78 ms. SQLite-only (AGENTS.md): another
    database would need ILIKE here; the store never sets `case_sensitive_like`."""
    return f"{column} LIKE :pattern ESCAPE '\\'"


def like_any(columns: tuple[str, ...], *more: str) -> str:
    """Any of `columns` matches :pattern, or any of the `more` conditions (`names_like`) holds."""
    return "(" + " OR ".join([*(like_sql(c) for c in columns), *more]) + ")"


def names_like(key: str, table: str, columns: tuple[str, ...], *more: str) -> str:
    """`key` points at a `table` row whose `columns` match: the small table (300 vendors) is searched once
    and each listed row looks its key up in the result, instead of every one of 50,000 expenses comparing
    its joined vendor's name (a filter keystroke's count, 138 -> 18 ms on `large`)."""
    return f"{key} IN (SELECT id FROM {table} WHERE {like_any(columns, *more)})"


class TextSource:
    """A RowSource (like `base.SqlSource`) over a plain SELECT: SQL filters, orders and pages.

    `build(text)` gives (`FROM … WHERE …` text, params); `columns` and `order` complete the SELECT.
    """

    def __init__(self, store: Any, columns: str, order: str, build: Callable[[str], tuple[str, dict]],
                 to_row: Callable[[tuple], Any]) -> None:
        self.store, self.columns, self.order, self.build, self.to_row = store, columns, order, build, to_row

    def count(self, text: str, cap: int | None = None) -> int:
        """With `cap`, SQL stops at that many matches: a filter on a common word need not scan every row."""
        with rows(self.store) as run:
            return int(run(*self.count_sql(text, cap))[0][0])

    def window(self, text: str, offset: int, limit: int) -> list:
        with rows(self.store) as run:
            return [self.to_row(row) for row in run(*self.window_sql(text, offset, limit))]

    def count_sql(self, text: str, cap: int | None = None) -> tuple[str, dict]:
        """The statements `count` and `window` run, apart so a test can ask SQLite how it plans them."""
        body, params = self.build(text.strip())
        limit = "" if cap is None else f" LIMIT {int(cap)}"
        return f"SELECT COUNT(*) FROM (SELECT 1 AS one {body}{limit}) AS matches", params

    def window_sql(self, text: str, offset: int, limit: int) -> tuple[str, dict]:
        """`limit` matching rows from `offset`, in the list's order (see `count_sql`)."""
        body, params = self.build(text.strip())
        return f"SELECT {self.columns} {body} ORDER BY {self.order} LIMIT {int(limit)} OFFSET {int(offset)}", params

    def ids(self, text: str) -> list[int]:
        """Every matching row's id (the first column), in order: where a row sits in the list."""
        body, params = self.build(text.strip())
        with rows(self.store) as run:
            return [row[0] for row in run(f"SELECT {self.columns.split(',')[0]} {body} ORDER BY {self.order}", params)]

"""The generator's own thin layer over a sqlite3 connection, so a new file needs no SQLAlchemy.

Values are stored exactly as SQLAlchemy's SQLite dialect stores them (tests/unit/test_demo_digest.py
checks byte for byte), chosen by each column's declared type: the schema has only these three that
SQLAlchemy converts; every other value goes to the driver as it is.
"""

from __future__ import annotations

import sqlite3
from datetime import date, datetime
from functools import cache
from operator import add, itemgetter
from typing import Any


def _stored_date(value: date | None) -> str | None:
    return None if value is None else f"{value.year:04d}-{value.month:02d}-{value.day:02d}"


def _stored_datetime(value: datetime | None) -> str | None:
    """SQLAlchemy's format: microseconds always written, so text order is time order."""
    if value is None:
        return None
    return (f"{value.year:04d}-{value.month:02d}-{value.day:02d} "
            f"{value.hour:02d}:{value.minute:02d}:{value.second:02d}.{value.microsecond:06d}")


def _stored_bool(value: bool | None) -> int | None:
    return None if value is None else int(value)


def _read_date(value: str | None) -> date | None:
    return None if value is None else date.fromisoformat(value)


def _read_datetime(value: str | None) -> datetime | None:
    return None if value is None else datetime.fromisoformat(value)


def _read_bool(value: int | None) -> bool | None:
    return None if value is None else bool(value)


TO_DB = {"DATE": _stored_date, "DATETIME": _stored_datetime, "BOOLEAN": _stored_bool}
FROM_DB = {"DATE": _read_date, "DATETIME": _read_datetime, "BOOLEAN": _read_bool}


class Db:
    """Inserts and the few reads the builders make, inside the caller's transaction on `raw`."""

    def __init__(self, raw: sqlite3.Connection) -> None:
        self.raw = raw
        self.types = cache(self._types)

    def _types(self, table: str) -> dict[str, str]:
        """Column name to declared type, in table order."""
        return {row[1]: row[2].upper() for row in self.raw.execute(f'PRAGMA table_info("{table}")')}

    def tables(self) -> list[str]:
        sql = "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name"
        return [name for (name,) in self.raw.execute(sql)]

    def rows(self, sql: str, params: tuple = ()) -> list[tuple]:
        return self.raw.execute(sql, params).fetchall()

    def values(self, table: str, column: str) -> set:
        """Every value of one column, read back as SQLAlchemy would hand it (a date as a date)."""
        convert = FROM_DB.get(self.types(table)[column], _same)
        return {convert(v) for (v,) in self.raw.execute(f"SELECT {column} FROM {table}")}

    def id_tables(self) -> list[str]:
        """Tables whose primary key is a column named id."""
        return [t for t in self.tables() if any(r[1] == "id" and r[5] for r in self.raw.execute(f'PRAGMA table_info("{t}")'))]

    def insert(self, table: str, rows: list[dict]) -> None:
        """One executemany; the parameters are built by C loops (a Python loop over 50,000 rows x 11
        columns costs more than SQLite's insert itself)."""
        names = list(rows[0])
        types = self.types(table)
        plain = [n for n in names if types[n] not in TO_DB]
        cooked = [n for n in names if types[n] in TO_DB]
        sql = f"INSERT INTO {table} ({', '.join(plain + cooked)}) VALUES ({', '.join('?' * len(names))})"
        params = list(map(_getter(plain), rows))
        if cooked:
            columns = (_column(rows, n, TO_DB[types[n]]) for n in cooked)
            params = list(map(add, params, zip(*columns)))
        self.raw.executemany(sql, params)

    def select(self, table: str, where: str, bound: Any) -> list[dict[str, Any]]:
        """Whole rows where `where` (one `?`, compared to `bound` stored as its column stores it), read back
        as SQLAlchemy would hand them: dates, datetimes and flags as Python values."""
        types = self.types(table)
        column = where.split()[0]
        value = TO_DB.get(types[column], lambda v: v)(bound)
        convert = [FROM_DB.get(t, _same) for t in types.values()]
        found = self.raw.execute(f"SELECT {', '.join(types)} FROM {table} WHERE {where}", (value,))
        return [{n: f(v) for n, f, v in zip(types, convert, row)} for row in found]


def _same(value: Any) -> Any:
    return value


def _getter(names: list[str]):  # noqa: ANN202
    """Always a tuple: itemgetter of a single name returns the bare value."""
    if len(names) > 1:
        return itemgetter(*names)
    return lambda row: tuple(row[name] for name in names)


def _column(rows: list[dict], name: str, convert) -> list:  # noqa: ANN001
    """One column converted once per distinct value: dates and flags repeat thousands of times."""
    values = list(map(itemgetter(name), rows))
    done = {v: convert(v) for v in set(values)}
    return list(map(done.__getitem__, values))

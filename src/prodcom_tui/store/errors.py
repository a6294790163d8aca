"""Errors the store raises with a message fit for the user."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from prodcom_tui.domain.errors import UserFacingError

# SQLite's primary result codes (the low byte of the extended code) that a person can act on.
SQLITE_BUSY, SQLITE_LOCKED, SQLITE_READONLY, SQLITE_IOERR, SQLITE_CORRUPT, SQLITE_FULL = 5, 6, 8, 10, 11, 13
SQLITE_CANTOPEN, SQLITE_CONSTRAINT, SQLITE_NOTADB = 14, 19, 26
INTEGRITY_SHOWN = 3  # problems quoted from integrity_check: enough to recognise, few enough to read
RECOVER = "run `prodcom check`, then `prodcom restore` one of its backups"  # what to do about a damaged file
DAMAGED = "the database file is damaged ({why}): " + RECOVER


class StoreError(UserFacingError):
    """A database problem explained in one sentence: what is wrong and what to do."""


class NotADatabase(StoreError):
    pass


class NewerDatabase(StoreError):
    pass


class StoreFull(StoreError):
    pass


class DamagedDatabase(StoreError):
    pass


def integrity_summary(verdicts: list[str]) -> str:
    """`PRAGMA integrity_check`'s verdict in one line: SQLite lists every bad cell, hundreds for one page."""
    lines = [line for verdict in verdicts for line in verdict.splitlines() if not line.startswith("***")]
    more = f" (and {len(lines) - INTEGRITY_SHOWN} more)" if len(lines) > INTEGRITY_SHOWN else ""
    return "; ".join(lines[:INTEGRITY_SHOWN]) + more


def result_code(exc: BaseException) -> int:
    """SQLite's primary result code behind a SQLAlchemy or sqlite3 error (0 when there is none)."""
    orig = getattr(exc, "orig", None) or exc
    return (getattr(orig, "sqlite_errorcode", None) or 0) & 0xFF


def is_damage(exc: BaseException) -> bool:
    """Whether SQLite said the file is damaged or is not a database at all."""
    return result_code(exc) in (SQLITE_CORRUPT, SQLITE_NOTADB)


def first_line(exc: BaseException) -> str:
    """SQLite's own words only: SQLAlchemy appends the statement, which has no place in a message."""
    return str(getattr(exc, "orig", None) or exc).split("\n")[0]


def read_problem(exc: BaseException) -> StoreError | None:
    """The sentence for a read that failed for a reason a person can act on; None for anything else (a bug).

    A damaged page is only found when a read reaches it: the file opened, then a list or the report
    hit it, and that surfaced as an internal error (`prodcom report`) or "something went wrong" (the app).
    """
    if is_damage(exc):
        return DamagedDatabase(DAMAGED.format(why=first_line(exc)))
    code = result_code(exc)
    if code in (SQLITE_IOERR, SQLITE_CANTOPEN):
        return StoreError(f"the database file could not be read ({first_line(exc)}): check the disk")
    if code in (SQLITE_BUSY, SQLITE_LOCKED):
        return StoreError("the database stayed busy in another prodcom for 10 s: try again")
    return None


@contextmanager
def read_errors() -> Iterator[None]:
    """Reads that fail on a damaged or unreadable file say so in one sentence; anything else stays a bug.

    sqlite3's errors, and SQLAlchemy's (which carry one as `orig`), told apart by SQLite's result code
    alone: SQLAlchemy is not imported here, so the plain reads that run before it loads can use this too.
    """
    try:
        yield
    except Exception as exc:
        problem = read_problem(exc)
        if problem is None:
            raise
        raise problem from None

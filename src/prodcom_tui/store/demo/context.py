"""What the builders share: the random source, the calendar, ids handed out so far, and the sink."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from datetime import date, datetime, time
from random import Random

from .sink import Db
from .sizes import Size
from .workdays import WorkCal


@dataclass(slots=True)
class Deliv:
    id: int
    name: str
    kind: str
    due: int  # working-day offset
    first_task: int = 0
    steps: int = 0
    status: str = "planned"
    approved: date | None = None  # when the client approved it, if it got that far
    bat_at: datetime | None = None  # when the print proof was signed


@dataclass(slots=True)
class Line:
    id: int
    name: str
    category: str
    estimate: int
    contingency: bool
    po_id: int | None = None
    po_vendor: int | None = None
    po_issued: int = 0


@dataclass(slots=True)
class Plan:
    """A project as the builders see it: ids and offsets, not rows."""

    id: int
    code: str
    name: str
    kind: str
    status: str
    client: str
    contact: str
    domain: str
    start: int
    end: int
    owner_id: int
    rank: int  # position among live projects (anchors key on it), -1 when closed
    quota: int = 0  # how many tasks this project gets
    deliverables: list[Deliv] = field(default_factory=list)
    lines: list[Line] = field(default_factory=list)
    checklist: list[int] = field(default_factory=list)
    first_task: int = 0
    last_task: int = -1

    @property
    def live(self) -> bool:
        return self.status == "live"


@dataclass
class Ctx:
    rng: Random
    cal: WorkCal
    size: Size
    conn: Db
    ids: dict[str, int]
    counts: dict[str, int] = field(default_factory=dict)
    by_role: dict[str, list[int]] = field(default_factory=dict)  # active people per role
    alumni: dict[str, list[int]] = field(default_factory=dict)  # everyone who held the role, for old work
    vendors: dict[str, list[int]] = field(default_factory=dict)
    plans: list[Plan] = field(default_factory=list)
    tasks: list[dict] = field(default_factory=list)

    @property
    def today(self) -> date:
        return self.cal.today

    def take(self, table: str, n: int) -> int:
        """Reserve n consecutive ids and return the first: ids are ours, so no round trip per row."""
        first = self.ids[table] + 1
        self.ids[table] += n
        return first

    def put(self, table: str, rows: list[dict]) -> None:
        """One executemany per table; parents are always put before their children."""
        if rows:
            self.conn.insert(table, rows)
        self.counts[table] = self.counts.get(table, 0) + len(rows)


def id_bases(conn: Db) -> dict[str, int]:
    """The highest id per table, so new rows never collide with reference rows already there."""
    return {name: conn.rows(f"SELECT coalesce(max(id), 0) FROM {name}")[0][0] for name in conn.id_tables()}


def at_time(day: date, hour: int, minute: int = 0) -> datetime:
    return datetime.combine(day, time(hour, minute))


@lru_cache(maxsize=8192)  # the same few hundred names come back thousands of times
def fold(text: str) -> str:
    """ASCII lowercase without accents, for handles, codes and e-mail addresses."""
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return plain.lower()


@lru_cache(maxsize=8192)
def slug(text: str) -> str:
    return "-".join("".join(c if c.isalnum() else " " for c in fold(text)).split())


def by_weight(total: int, weights: list[int]) -> list[int]:
    """Whole shares of total in proportion to weights, adding up exactly (the rounding goes to the first)."""
    whole = sum(weights)
    shares = [total * w // whole for w in weights]
    for i in range(total - sum(shares)):
        shares[i % len(shares)] += 1
    return shares


def split(total: int, parts: int, rng: Random) -> list[int]:
    """Cut total into parts uneven whole shares that add up exactly (each ≥ 1 when total allows)."""
    if parts <= 0:
        return []
    floor = 1 if total >= parts else 0
    weights = [0.5 + rng.random() for _ in range(parts)]
    scale = (total - floor * parts) / sum(weights)
    shares = [floor + int(w * scale) for w in weights]
    for i in range(total - sum(shares)):
        shares[i % parts] += 1
    return shares

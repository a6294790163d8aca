"""A project's history as series for the charts: open tasks per day, spend per day against the estimate."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta

MAX_POINTS = 120  # a terminal chart cannot show more days than it has columns


@dataclass(frozen=True, slots=True)
class Series:
    title: str
    days: tuple[date, ...]
    values: tuple[int, ...]
    reference: int | None = None  # the estimate line, in the series' unit
    unit: str = ""


@dataclass(frozen=True, slots=True)
class HealthEntry:
    at: datetime
    health: str | None
    comment: str


def span(first: date, last: date) -> list[date]:
    """Every day from first to last, thinned to at most MAX_POINTS evenly spaced days (last kept)."""
    count = (last - first).days + 1
    step = max(1, -(-count // MAX_POINTS))
    days = [first + timedelta(days=i) for i in range(0, count, step)]
    if days[-1] != last:
        days.append(last)
    return days


def burndown(tasks: Iterable[tuple[date, date | None]], first: date, last: date) -> Series:
    """Open tasks at the end of each day; each task is (created, done or None)."""
    tasks = list(tasks)
    days = span(first, last)
    values = tuple(sum(1 for made, done in tasks if made <= d and (done is None or done > d)) for d in days)
    return Series("Open tasks", tuple(days), values, None, "tasks")


def cumulative_spend(spend: Iterable[tuple[date, int]], first: date, last: date, estimate: int, currency: str) -> Series:
    """Actual spend to date at each day, beside the estimate."""
    by_day: dict[date, int] = {}
    for day, minor in spend:
        by_day[day] = by_day.get(day, 0) + minor
    ordered = sorted(by_day.items())
    days = span(first, last)
    values, total, i = [], 0, 0
    for d in days:
        while i < len(ordered) and ordered[i][0] <= d:
            total += ordered[i][1]
            i += 1
        values.append(total)
    return Series("Spend to date", tuple(days), tuple(values), estimate, currency)

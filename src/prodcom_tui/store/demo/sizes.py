"""How much data each demo size holds."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Size:
    live: int  # projects in progress
    done: int  # finished lately, not yet archived
    archived: int
    people: int
    vendors: int
    tasks: int
    expenses: int
    requests: int
    notes: int
    years_back: int  # how far back archived projects reach


SIZES: dict[str, Size] = {
    "demo": Size(live=12, done=2, archived=2, people=8, vendors=40, tasks=360, expenses=1_500,
                 requests=80, notes=24, years_back=1),
    "large": Size(live=20, done=0, archived=200, people=30, vendors=300, tasks=10_000, expenses=50_000,
                  requests=5_000, notes=400, years_back=4),
    "huge": Size(live=200, done=0, archived=2_000, people=300, vendors=3_000, tasks=100_000, expenses=500_000,
                 requests=50_000, notes=4_000, years_back=4),
}

"""Key → frame latency of the real app in a pseudo-terminal, and its peak memory.

Each key is written to the terminal and timed until the frame it causes has been written back
(`first`) and until the screen has its data (`settled`: a marker appears, or output goes quiet).
"""

from __future__ import annotations

import statistics
from dataclasses import dataclass, field

from ptyapp import PtyApp

PAGE_DOWN, PAGE_UP, TAB, ESC, BACKSPACE = b"\x1b[6~", b"\x1b[5~", b"\t", b"\x1b", b"\x7f"


@dataclass
class Action:
    name: str
    keys: list[bytes]  # pressed in turn, round and round, `count` times in all
    count: int
    bar_ms: float
    before: bytes = b""  # typed once first, not timed (e.g. `/` to open the filter box)
    ready: str = ""  # text that must show after `before`, or the keys would land somewhere else
    after: bytes = b""  # typed once after, not timed (e.g. esc to close it)
    until: dict[bytes, str] = field(default_factory=dict)  # key → text that shows the screen has its data
    quiet: float = 0.08  # silence that ends a key's frames when no marker says so


@dataclass
class Timings:
    first: list[float]
    settled: list[float]
    missing: int = 0  # keys after which nothing was written within the limit
    cpu_ms: float = float("nan")  # CPU the app spent per key (all threads): steadier than wall time under load

    @staticmethod
    def pct(values: list[float], q: float) -> float:
        if not values:
            return float("nan")
        ordered = sorted(values)
        return ordered[min(len(ordered) - 1, max(0, round(q * len(ordered) + 0.5) - 1))] * 1000

    def summary(self) -> dict[str, float]:
        return {"first_p50": self.pct(self.first, 0.5), "first_p95": self.pct(self.first, 0.95),
                "settled_p50": self.pct(self.settled, 0.5), "settled_p95": self.pct(self.settled, 0.95)}


def run_actions(app: PtyApp, actions: list[Action], results: dict[str, Timings]) -> dict[str, Timings]:
    """Fills `results` as it goes, so what was measured before a crash is kept."""
    for action in actions:
        if action.before:
            reply = app.press(action.before, quiet=0.3, until=action.ready or None)
            if reply is None or not reply.found:
                raise RuntimeError(f"{action.name}: {action.ready!r} did not show after {action.before!r}")
        timings = results[action.name] = Timings([], [])
        app.settle(0.2)
        cpu = app.cpu()
        for i in range(action.count):
            key = action.keys[i % len(action.keys)]
            reply = app.press(key, quiet=action.quiet, until=action.until.get(key))
            if reply is None or not reply.found:
                timings.missing += 1
                continue
            timings.first.append(reply.first)
            timings.settled.append(reply.settled)
        app.settle(0.2)
        timings.cpu_ms = (app.cpu() - cpu) / action.count * 1000
        if action.after:
            app.press(action.after, quiet=0.3)
    return results


def median(values: list[float]) -> float:
    return statistics.median(values) if values else float("nan")

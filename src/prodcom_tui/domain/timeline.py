"""The timeline strip: live projects and their deliverable milestones on a window of days (pure layout)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta

ZOOMS = (14, 42, 91)  # two weeks, six weeks, a quarter
DONE_STATUSES = ("approved", "delivered")

# Cell kinds the UI maps to a style; every kind that means trouble also has its own symbol.
SYMBOLS = {"today": "│", "span": "─", "milestone": "◆", "done": "◇", "late": "!", "at_risk": "▲",
           "delivery": "■", "more": "»", "blank": " "}


@dataclass(frozen=True)
class Milestone:
    id: int
    name: str
    due_on: date
    status: str
    overdue_tasks: int = 0

    def state(self, today: date) -> str:
        """'done', 'late' (past due, not delivered), 'at_risk' (tasks behind) or 'milestone'."""
        if self.status in DONE_STATUSES:
            return "done"
        if self.due_on < today:
            return "late"
        return "at_risk" if self.overdue_tasks else "milestone"


@dataclass(frozen=True)
class Lane:
    project_id: int
    code: str
    name: str
    start_on: date | None
    delivery_on: date | None
    health: str | None  # the producer's override, if any
    milestones: tuple[Milestone, ...] = field(default_factory=tuple)

    def state(self, today: date) -> str:
        """The project's worst sign: 'late', 'at_risk' or 'ok'."""
        states = {m.state(today) for m in self.milestones}
        if "late" in states or self.health == "off_track" or (self.delivery_on and self.delivery_on < today):
            return "late"
        return "at_risk" if "at_risk" in states or self.health == "at_risk" else "ok"


@dataclass(frozen=True)
class Window:
    start: date
    days: int = ZOOMS[1]

    @property
    def end(self) -> date:
        return self.start + timedelta(days=self.days - 1)

    def shifted(self, weeks: int) -> Window:
        return Window(self.start + timedelta(weeks=weeks), self.days)

    def zoomed(self, step: int) -> Window:
        index = min(max(ZOOMS.index(self.days) + step, 0), len(ZOOMS) - 1) if self.days in ZOOMS else 1
        return Window(self.start, ZOOMS[index])

    def column(self, d: date, width: int) -> int | None:
        """The column of day `d` in a strip `width` cells wide, None outside the window."""
        offset = (d - self.start).days
        if not 0 <= offset < self.days or width <= 0:
            return None
        return offset * width // self.days


def lane_cells(lane: Lane, window: Window, width: int, today: date) -> list[str]:
    """One cell kind per column: the project's span, its milestones, the delivery and the today marker."""
    cells = ["blank"] * width
    _span(cells, lane, window, width)
    for d, kind in _marks(lane, today):
        col = window.column(d, width)
        if col is not None:
            cells[col] = _worse(cells[col], kind)
        elif d < window.start and kind == "late":
            cells[0] = "late"  # a late milestone before the window still shows at the left edge
        elif d > window.end and width:
            cells[-1] = _worse(cells[-1], "more")
    today_col = window.column(today, width)
    if today_col is not None and cells[today_col] in ("blank", "span"):
        cells[today_col] = "today"
    return cells


def _span(cells: list[str], lane: Lane, window: Window, width: int) -> None:
    first = max(lane.start_on or window.start, window.start)
    last = min(lane.delivery_on or window.end, window.end)
    a, b = window.column(first, width), window.column(last, width)
    if a is not None and b is not None:
        for col in range(a, b + 1):
            cells[col] = "span"


def _marks(lane: Lane, today: date) -> list[tuple[date, str]]:
    marks = [(m.due_on, m.state(today)) for m in lane.milestones]
    if lane.delivery_on is not None:
        marks.append((lane.delivery_on, "late" if lane.delivery_on < today else "delivery"))
    return marks


_RANK = ("blank", "span", "today", "more", "done", "milestone", "delivery", "at_risk", "late")


def _worse(a: str, b: str) -> str:
    """Two marks in one cell: keep the one that needs attention."""
    return a if _RANK.index(a) >= _RANK.index(b) else b


def scale(window: Window, width: int) -> list[tuple[int, str]]:
    """Column labels along the top: each Monday (dd/mm), thinned so labels never overlap."""
    labels: list[tuple[int, str]] = []
    next_free = 0
    day = window.start + timedelta(days=(7 - window.start.weekday()) % 7)
    while day <= window.end:
        col = window.column(day, width)
        if col is not None and col >= next_free:
            labels.append((col, f"{day:%d/%m}"))
            next_free = col + 6
        day += timedelta(days=7)
    return labels

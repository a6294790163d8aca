"""Roadblocks: what stands in the way today, computed from the data and ranked by pure rules."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from .vocab import ROADBLOCK_RISK_SCORE

KINDS = ("overdue_task", "blocked_task", "late_delivery", "review_waiting", "over_budget", "budget_90", "risk")
LABELS = {
    "overdue_task": "overdue", "blocked_task": "blocked", "late_delivery": "late delivery",
    "review_waiting": "review waiting", "over_budget": "over budget", "budget_90": "budget ≥ 90 %", "risk": "risk",
}
SEVERITY_LABELS = {3: "critical", 2: "high", 1: "watch"}
# Where `enter` on each kind opens the item: (mode, target).
TARGETS = {
    "overdue_task": ("morning", "task"), "blocked_task": ("morning", "task"),
    "late_delivery": ("afternoon", "delivery"), "review_waiting": ("afternoon", "review"),
    "over_budget": ("afternoon", "budget_line"), "budget_90": ("afternoon", "budget_line"),
    "risk": ("evening", "risk"),
}


@dataclass(frozen=True)
class Roadblock:
    kind: str  # 'overdue_task' | 'blocked_task' | 'late_delivery' | 'review_waiting' | 'over_budget' | 'budget_90' | 'risk'
    project_id: int
    project_code: str
    what: str
    since: date
    severity: int  # 3 critical, 2 high, 1 watch
    target_mode: str  # 'morning' | 'afternoon' | 'evening'
    target: str  # 'task' | 'delivery' | 'review' | 'budget_line' | 'risk'
    target_id: int
    person_id: int | None = None

    @property
    def id(self) -> str:
        """Unique across kinds, so a windowed table can keep its cursor on the same roadblock."""
        return f"{self.kind}:{self.target_id}"


def make(kind: str, project_id: int, code: str, what: str, since: date, severity: int, target_id: int,
         person_id: int | None = None) -> Roadblock:  # noqa: PLR0913
    mode, target = TARGETS[kind]
    return Roadblock(kind, project_id, code, what, since, severity, mode, target, target_id, person_id)


def ranked(items: list[Roadblock]) -> list[Roadblock]:
    """Most severe first, then the oldest, then by kind and id so the order never flickers."""
    return sorted(items, key=lambda r: (-r.severity, r.since, KINDS.index(r.kind), r.target_id))


def overdue_severity(working_days_late: int, priority: int) -> int:
    """A week late is critical, two days is high; a high-priority task climbs one step."""
    base = 3 if working_days_late >= 5 else 2 if working_days_late >= 2 else 1
    return min(3, base + (priority == 1))


def blocked_severity(days_to_due: int | None) -> int:
    """A blocked task hurts most when its own due date is here (days_to_due <= 0) or near."""
    if days_to_due is None:
        return 1
    return 3 if days_to_due <= 0 else 2 if days_to_due <= 3 else 1


def late_delivery_severity(working_days_late: int) -> int:
    return 3 if working_days_late >= 3 else 2


def review_severity(working_days_waiting: int, threshold: int) -> int:
    """Twice the allowed wait is high; just past it is a watch."""
    return 2 if working_days_waiting >= 2 * max(threshold, 1) else 1


def budget_severity(estimate_minor: int, used_minor: int) -> int:
    """Over by more than 10 % (or anything spent on a zero estimate) is critical; over is high; 90 % is a watch."""
    if used_minor > estimate_minor:
        return 3 if used_minor * 10 > estimate_minor * 11 else 2
    return 1


def budget_kind(estimate_minor: int, used_minor: int) -> str | None:
    """'over_budget', 'budget_90' or None: the larger of committed and actual spend against the estimate."""
    if used_minor > estimate_minor:
        return "over_budget"
    if estimate_minor > 0 and used_minor * 100 >= estimate_minor * 90:
        return "budget_90"
    return None


def risk_severity(likelihood: int, impact: int) -> int | None:
    """None below the roadblock score (15); 20 and over is critical."""
    score = likelihood * impact
    if score < ROADBLOCK_RISK_SCORE:
        return None
    return 3 if score >= 20 else 2

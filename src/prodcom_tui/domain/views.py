"""Plain view models the services hand to the screens (no ORM objects cross into ui/)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from .money import Money


@dataclass(frozen=True, slots=True)
class TaskRow:
    id: int
    title: str
    project_code: str
    assignee: str
    due_on: date | None
    status: str
    priority: int
    estimate_hours: int
    blocked: bool = False


@dataclass(frozen=True, slots=True)
class ProjectRow:
    id: int
    code: str
    name: str
    client: str
    kind: str
    status: str
    delivery_on: date | None
    tasks_total: int
    tasks_done: int

    @property
    def done_pct(self) -> int:
        return 0 if self.tasks_total == 0 else round(100 * self.tasks_done / self.tasks_total)


@dataclass(frozen=True, slots=True)
class ProjectSummary:
    project: ProjectRow
    deliverables: tuple[tuple[str, date | None, str], ...]
    estimate: Money
    committed: Money
    actual: Money
    open_risks: int
    overdue_tasks: int


@dataclass(frozen=True, slots=True)
class Choice:
    """Something a picker offers: a project, a person, a vendor."""

    id: int
    key: str
    label: str

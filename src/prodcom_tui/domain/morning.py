"""View models of the morning review: inbox rows, the team's task rows and each person's board."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime


@dataclass(frozen=True, slots=True)
class RequestRow:
    id: int
    source: str
    requester: str
    subject: str
    received_at: datetime
    urgency: str
    wanted_on: date | None
    project_code: str | None


@dataclass(frozen=True, slots=True)
class RequestDetail:
    row: RequestRow
    body: str
    status: str
    person: str | None
    message_id: str | None
    task_id: int | None


@dataclass(frozen=True, slots=True)
class TeamTaskRow:
    """A task in the team pane; `group` says why it is listed: done, blocked, today, late or next."""

    id: int
    person: str
    person_id: int | None
    handle: str | None
    group: str
    title: str
    project_code: str
    due_on: date | None
    status: str
    priority: int
    estimate_hours: int


@dataclass(frozen=True, slots=True)
class PersonBoard:
    person_id: int
    name: str
    handle: str
    done_since: int  # tasks done since the start of the last working day
    due_today: int
    overdue: int
    blocked: int
    hours_due_this_week: int  # open work due by Sunday, overdue included
    capacity_hours: int

    @property
    def load_pct(self) -> int | None:
        return None if not self.capacity_hours else round(100 * self.hours_due_this_week / self.capacity_hours)


@dataclass(frozen=True, slots=True)
class TaskDetail:
    """What the edit form starts from."""

    id: int
    title: str
    project_code: str
    assignee_handle: str
    due_on: date | None
    priority: int
    estimate_hours: int
    depends_on: tuple[int, ...]

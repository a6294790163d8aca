"""The stand-up deck: what each person did and does, the projects at risk, the day's decisions."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, time
from typing import Any, Protocol

from sqlalchemy import func
from sqlalchemy.orm import aliased
from sqlmodel import select

from prodcom_tui.domain.dates import FRENCH_HOLIDAYS, previous_working_day, working_days_between
from prodcom_tui.domain.roadblocks import overdue_severity
from prodcom_tui.domain.standup import (
    DEFAULT_SECONDS,
    Deck,
    PersonSlide,
    SlideItem,
)
from prodcom_tui.domain.text import clean_text
from prodcom_tui.domain.vocab import OPEN_TASK_STATUSES
from prodcom_tui.store.models import Note, Person, Project, Setting, Task, TaskDependency

from .base import ServiceBase, not_found
from .standup_decisions import decisions_slide
from .standup_projects import Health, projects_at_risk, roadblock_item

SECONDS_SETTING = "standup_seconds"
ITEMS_PER_LIST = 12  # a slide is read from across a room: more than this is a list for later


class RoadblockLike(Protocol):
    """What the deck reads of `domain.roadblocks.Roadblock`."""

    kind: str
    project_id: int
    project_code: str
    what: str
    since: date
    severity: int
    target: str
    target_id: int
    person_id: int | None


class StandupService(ServiceBase):
    def deck(self, roadblocks: Iterable[RoadblockLike] = (), health: Health | None = None) -> Deck:
        """Every slide of today's stand-up; `health` is the evening report's verdict per project, when known."""
        blocks = sorted(roadblocks, key=lambda r: (-r.severity, r.since))
        with self.store.reading() as s:
            people = self._people(s, blocks)
            projects = projects_at_risk(s, self.today, blocks, health)
            decisions = decisions_slide(s, self.today)
            seconds = self._seconds(s)
        return Deck(self.today, seconds, (*people, *projects, decisions))

    def add_feedback(self, person_id: int, body: str) -> int:
        """A feedback note for the person on the slide; one recorded, undoable change."""
        text = clean_text(body, field="feedback", required=True, max_len=2000, multiline=True)
        with self.store.writing("note.create", "Feedback note") as s:
            person = s.get(Person, person_id)
            if person is None:
                raise not_found("person", person_id, "the stand-up shows the team's active members").with_field("feedback")
            note = Note(person_id=person_id, body=text, created_at=self.store.clock.now())
            s.add(note)
            s.flush()
            return int(note.id)

    def watcher(self) -> Any:
        """A cheap way to learn that another process committed (see store.watch)."""
        from prodcom_tui.store.watch import ChangeWatcher

        return ChangeWatcher(self.store)

    # --- people ---------------------------------------------------------------------------

    def _seconds(self, s) -> int:  # noqa: ANN001
        row = s.get(Setting, SECONDS_SETTING)
        try:
            value = int(row.value) if row else DEFAULT_SECONDS
        except ValueError:
            return DEFAULT_SECONDS
        return value if 10 <= value <= 3600 else DEFAULT_SECONDS

    def _people(self, s, blocks: list[RoadblockLike]) -> list[PersonSlide]:  # noqa: ANN001
        since = previous_working_day(self.today, FRENCH_HOLIDAYS)
        done = self._done_since(s, since)
        open_tasks = self._open_tasks(s)
        waits = self._waits_for(s)
        notes = self._notes_today(s)
        slides = []
        for person in s.exec(select(Person).where(Person.active).order_by(Person.name)):
            pid = int(person.id)
            tasks = open_tasks.get(pid, [])
            blocked = [t for t in tasks if t.id in waits]
            today, upcoming = self._split_today([t for t in tasks if t.id not in waits])
            shown = {t.id for t in tasks}
            slides.append(PersonSlide(
                pid, person.name, person.role, since,
                done=tuple(done.get(pid, ()))[:ITEMS_PER_LIST],
                today=tuple(self._task_item(t) for t in today)[:ITEMS_PER_LIST],
                blocked=tuple(SlideItem(t.title, t.code, f"waits for: {waits[t.id]}") for t in blocked)[:ITEMS_PER_LIST],
                roadblocks=tuple(roadblock_item(r) for r in blocks if r.person_id == pid and not _about(r, shown))[:ITEMS_PER_LIST],
                next_up=self._task_item(upcoming[0]) if upcoming else None,
                feedback_today=tuple(notes.get(pid, ())),
            ))
        return slides

    def _done_since(self, s, since: date) -> dict[int, list[SlideItem]]:  # noqa: ANN001
        stmt = (
            select(Task.assignee_id, Task.title, Project.code, Task.done_at)
            .join(Project, Project.id == Task.project_id)
            .where(Task.status == "done", Task.done_at >= datetime.combine(since, time.min), Task.assignee_id.is_not(None))
            .order_by(Task.done_at.desc(), Task.id)
        )
        done: dict[int, list[SlideItem]] = defaultdict(list)
        for who, title, code, at in s.exec(stmt):
            done[int(who)].append(SlideItem(title, code, f"{at:%a %H:%M}"))
        return done

    def _open_tasks(self, s) -> dict[int, list[OpenTask]]:  # noqa: ANN001
        """Each person's open tasks on live projects, soonest due first (undated last)."""
        stmt = (
            select(Task.assignee_id, Task.id, Task.title, Project.code, Task.status, Task.due_on, Task.priority)
            .join(Project, Project.id == Task.project_id)
            .where(Project.status == "live", Task.status.in_(OPEN_TASK_STATUSES), Task.assignee_id.is_not(None))
            .order_by(Task.due_on.is_(None), Task.due_on, Task.priority, Task.id)
        )
        found: dict[int, list[OpenTask]] = defaultdict(list)
        for who, *row in s.exec(stmt):
            found[int(who)].append(OpenTask(*row))
        return found

    def _waits_for(self, s) -> dict[int, str]:  # noqa: ANN001
        """Open task id -> the title of the first unfinished task it depends on."""
        dep = aliased(Task)
        stmt = (
            select(TaskDependency.task_id, func.min(dep.title))
            .join(dep, dep.id == TaskDependency.depends_on_id)
            .join(Task, Task.id == TaskDependency.task_id)
            .where(dep.status.in_(OPEN_TASK_STATUSES), Task.status.in_(OPEN_TASK_STATUSES))
            .group_by(TaskDependency.task_id)
        )
        return {int(task_id): title for task_id, title in s.exec(stmt)}

    def _notes_today(self, s) -> dict[int, list[str]]:  # noqa: ANN001
        start = datetime.combine(self.today, time.min)
        stmt = select(Note.person_id, Note.body).where(Note.created_at >= start).order_by(Note.created_at, Note.id)
        notes: dict[int, list[str]] = defaultdict(list)
        for pid, body in s.exec(stmt):
            notes[int(pid)].append(body)
        return notes

    def _split_today(self, tasks: list[OpenTask]) -> tuple[list[OpenTask], list[OpenTask]]:
        """Today is what is in progress, due today or already late; the rest waits its turn."""
        today = [t for t in tasks if t.status == "doing" or (t.due_on is not None and t.due_on <= self.today)]
        return today, [t for t in tasks if t not in today]

    def _task_item(self, task: OpenTask) -> SlideItem:
        """Late tasks carry the morning's own overdue severity, so both screens rank them alike."""
        due = task.due_on
        if due is not None and due < self.today:
            days = working_days_between(due, self.today, FRENCH_HOLIDAYS)
            return SlideItem(task.title, task.code, f"late {days} d", overdue_severity(days, task.priority))
        if due == self.today:
            return SlideItem(task.title, task.code, "due today", severity=1)
        note = "in progress" if task.status == "doing" else ""
        return SlideItem(task.title, task.code, f"{note} · due {due:%a %d %b}".strip(" ·") if due else note)


@dataclass(frozen=True, slots=True)
class OpenTask:
    id: int
    title: str
    code: str
    status: str
    due_on: date | None
    priority: int


def _about(r: RoadblockLike, task_ids: set[int]) -> bool:
    """A roadblock about a task the slide already lists is not said twice."""
    return r.target == "task" and r.target_id in task_ids


def load_deck(services: Any) -> Deck:
    """The deck with the morning's computed roadblocks, when that area is installed."""
    from .facade import AREAS

    roadblocks = services.roadblocks.list() if "roadblocks" in AREAS else []
    health = None
    if "report" in AREAS:  # the stand-up and the evening report agree on which projects are at risk
        health = {p.id: (p.health, p.reasons) for p in services.report.day_report().projects}
    return services.standup.deck(roadblocks, health)

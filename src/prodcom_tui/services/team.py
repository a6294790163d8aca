"""The team board: per person, what is done, due, stuck, and the week's hours against capacity."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import and_, case, func, select
from sqlalchemy.orm import aliased

from prodcom_tui.domain.dates import FRENCH_HOLIDAYS, previous_working_day, week_bounds
from prodcom_tui.domain.morning import PersonBoard
from prodcom_tui.domain.vocab import OPEN_TASK_STATUSES
from prodcom_tui.store.models import Person, Project, Task, TaskDependency

from .base import ServiceBase


def _count(condition) -> object:  # noqa: ANN001
    return func.coalesce(func.sum(case((condition, 1), else_=0)), 0)


class TeamService(ServiceBase):
    def board(self, today: date | None = None) -> list[PersonBoard]:
        """Every active person, by name; counts cover tasks of live projects only."""
        today = today or self.today
        since = datetime.combine(previous_working_day(today, FRENCH_HOLIDAYS), datetime.min.time())
        sunday = week_bounds(today)[1]
        blocker = aliased(Task)
        blocked_ids = (select(TaskDependency.task_id).join(blocker, blocker.id == TaskDependency.depends_on_id)
                       .where(blocker.status.in_(OPEN_TASK_STATUSES)))
        live_tasks = (select(Task.id, Task.assignee_id, Task.status, Task.done_at, Task.due_on, Task.estimate_hours)
                      .join(Project, Project.id == Task.project_id).where(Project.status == "live").subquery())
        t = live_tasks.c
        t_open = t.status.in_(OPEN_TASK_STATUSES)
        stmt = (
            select(Person.id, Person.name, Person.handle,
                   _count(and_(t.status == "done", t.done_at >= since)),
                   _count(and_(t_open, t.due_on == today)),
                   _count(and_(t_open, t.due_on < today)),
                   _count(and_(t_open, t.id.in_(blocked_ids))),
                   func.coalesce(func.sum(case((and_(t_open, t.due_on <= sunday), t.estimate_hours), else_=0)), 0),
                   Person.weekly_capacity_hours)
            .outerjoin(live_tasks, t.assignee_id == Person.id)
            .where(Person.active.is_(True))
            .group_by(Person.id)
            .order_by(Person.name)
        )
        with self.store.reading() as s:
            rows = s.execute(stmt).all()
        return [PersonBoard(pid, name, handle, *(int(v) for v in counts)) for pid, name, handle, *counts in rows]

"""The timeline strip's data: live projects with their deliverables and how far behind each one's tasks are."""

from __future__ import annotations

from sqlalchemy import and_, case, func, select

from prodcom_tui.domain.timeline import Lane, Milestone
from prodcom_tui.domain.vocab import OPEN_TASK_STATUSES
from prodcom_tui.store.models import Deliverable, Project, Task

from .base import ServiceBase


class TimelineService(ServiceBase):
    def lanes(self) -> list[Lane]:
        """One lane per live project, by delivery date; a few dozen rows, so the screen keeps them all."""
        late = func.coalesce(func.sum(case((and_(Task.status.in_(OPEN_TASK_STATUSES), Task.due_on < self.today), 1),
                                           else_=0)), 0)
        milestones = (
            select(Deliverable.id, Deliverable.project_id, Deliverable.name, Deliverable.due_on, Deliverable.status, late)
            .join(Project, Project.id == Deliverable.project_id)
            .outerjoin(Task, Task.deliverable_id == Deliverable.id)
            .where(Project.status == "live", Deliverable.due_on.is_not(None))
            .group_by(Deliverable.id)
            .order_by(Deliverable.due_on)
        )
        projects = (
            select(Project.id, Project.code, Project.name, Project.start_on, Project.delivery_on, Project.health_override)
            .where(Project.status == "live")
            .order_by(Project.delivery_on.is_(None), Project.delivery_on, Project.code)
        )
        with self.store.reading() as s:
            by_project: dict[int, list[Milestone]] = {}
            for did, pid, name, due, status, behind in s.execute(milestones):
                by_project.setdefault(pid, []).append(Milestone(did, name, due, status, int(behind)))
            rows = s.execute(projects).all()
        return [Lane(pid, code, name, start, delivery, health, tuple(by_project.get(pid, ())))
                for pid, code, name, start, delivery, health in rows]

"""Reads that give each mode its first real list, and the project look-ups the palette uses."""

from __future__ import annotations

from sqlalchemy import case, func
from sqlmodel import select

from prodcom_tui.domain.views import Choice, ProjectRow, ProjectSummary, TaskRow
from prodcom_tui.store.models import BudgetLine, Deliverable, Person, Project, Risk, Task
from prodcom_tui.store.queries import budget_lines_with_spend

from .base import ServiceBase, money

OPEN = ("todo", "doing")


class OverviewService(ServiceBase):
    def tasks_due(self, limit: int = 500) -> list[TaskRow]:
        """Open tasks of live projects due today or earlier, oldest first."""
        stmt = (
            select(Task, Project.code, Person.name)
            .join(Project, Project.id == Task.project_id)
            .outerjoin(Person, Person.id == Task.assignee_id)
            .where(Project.status == "live", Task.status.in_(OPEN), Task.due_on <= self.today)
            .order_by(Task.due_on, Task.priority, Task.id)
            .limit(limit)
        )
        with self.store.reading() as s:
            return [_task_row(t, code, who) for t, code, who in s.exec(stmt)]

    def projects(self, statuses: tuple[str, ...] = ("live",), project_id: int | None = None) -> list[ProjectRow]:
        """Projects with their task counts, by delivery date."""
        done = func.sum(case((Task.status == "done", 1), else_=0))
        stmt = (
            select(Project, func.count(Task.id), done)
            .outerjoin(Task, (Task.project_id == Project.id) & (Task.status != "cancelled"))
            .where(Project.status.in_(statuses) if project_id is None else Project.id == project_id)
            .group_by(Project.id)
            .order_by(Project.delivery_on, Project.code)
        )
        with self.store.reading() as s:
            return [_project_row(p, total, done) for p, total, done in s.exec(stmt)]

    def find_projects(self, text: str = "", limit: int = 20) -> list[Choice]:
        """Projects whose code or name contains `text`, live ones first."""
        like = f"%{text.strip()}%"
        stmt = (
            select(Project.id, Project.code, Project.name)
            .where((Project.code.ilike(like)) | (Project.name.ilike(like)))
            .order_by(case((Project.status == "live", 0), else_=1), Project.code)
            .limit(limit)
        )
        with self.store.reading() as s:
            return [Choice(pid, code, name) for pid, code, name in s.exec(stmt)]

    def project_summary(self, project_id: int) -> ProjectSummary | None:
        rows = self.projects(project_id=project_id)
        if not rows:
            return None
        with self.store.reading() as s:
            return self._summary(s, rows[0])

    def _summary(self, s, row: ProjectRow) -> ProjectSummary:  # noqa: ANN001
        delivs = s.exec(
            select(Deliverable.name, Deliverable.due_on, Deliverable.status)
            .where(Deliverable.project_id == row.id)
            .order_by(Deliverable.due_on)
        ).all()
        spend = s.exec(budget_lines_with_spend().where(BudgetLine.project_id == row.id)).all()
        risks = s.exec(select(func.count(Risk.id)).where(Risk.project_id == row.id, Risk.status == "open")).one()
        overdue = s.exec(
            select(func.count(Task.id)).where(
                Task.project_id == row.id, Task.status.in_(OPEN), Task.due_on < self.today
            )
        ).one()
        cur = spend[0][0].currency if spend else "EUR"
        return ProjectSummary(
            row, tuple(tuple(d) for d in delivs),
            money(sum(line.estimate_minor for line, _, _ in spend), cur),
            money(sum(c for _, c, _ in spend), cur), money(sum(a for _, _, a in spend), cur),
            risks, overdue,
        )


def _task_row(task: Task, code: str, who: str | None) -> TaskRow:
    return TaskRow(
        task.id, task.title, code, who or "—", task.due_on, task.status, task.priority, task.estimate_hours
    )


def _project_row(p: Project, total: int, done: int | None) -> ProjectRow:
    return ProjectRow(p.id, p.code, p.name, p.client, p.kind, p.status, p.delivery_on, total, int(done or 0))

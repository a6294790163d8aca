"""The evening report, the project health override and its history, and the project charts' series."""

from __future__ import annotations

from datetime import date, datetime, timezone
from pathlib import Path

from sqlalchemy import func
from sqlmodel import select

from prodcom_tui.domain.charts import HealthEntry, Series, burndown, cumulative_spend
from prodcom_tui.domain.errors import InputError
from prodcom_tui.domain.report import HEALTH_LABELS, CalendarItem, DayReport
from prodcom_tui.domain.text import clean_text
from prodcom_tui.domain.vocab import ROADBLOCK_RISK_SCORE
from prodcom_tui.store import report_sql
from prodcom_tui.store.calendar_sql import calendar_items
from prodcom_tui.store.models import BudgetLine, Expense, HealthLog, Project, Task

from .base import ServiceBase, not_found
from .reading import rows


class ReportService(ServiceBase):
    def day_report(self, day: date | None = None, project: str | None = None) -> DayReport:
        """The report for `day` (today by default), for live projects or one project code."""
        with rows(self.store) as run:
            return report_sql.load(run, day or self.today, self.today, project, ROADBLOCK_RISK_SCORE)

    def calendar(self) -> tuple[list[CalendarItem], bytes]:
        """Deadlines and milestones of live projects, and the same as an iCalendar file's bytes."""
        from prodcom_tui.io.ics import to_ics

        with rows(self.store) as run:
            items = calendar_items(run)
        return items, to_ics(items, datetime.now(timezone.utc))

    def render(self, fmt: str, day: date | None = None, project: str | None = None) -> str:
        from prodcom_tui.io.report import render

        return render(self.day_report(day, project), fmt)

    def export(self, path: Path, fmt: str, day: date | None = None, project: str | None = None) -> Path:
        """Write the report atomically (temporary file, fsync, rename, mode 0600)."""
        from prodcom_tui.io.atomic import write_atomic

        return write_atomic(Path(path).expanduser(), self.render(fmt, day, project))

    def set_health(self, project_id: int, health: str | None, comment: str) -> None:
        """Override (or, with None, clear) a project's status; the comment goes into the history."""
        if health is not None and health not in HEALTH_LABELS:
            raise InputError(f"{health!r} is not a status: choose on track, at risk or off track", field="health")
        note = clean_text(comment, field="comment", max_len=200, required=health is not None)
        with self.store.reading() as s:
            code = s.exec(select(Project.code).where(Project.id == project_id)).first()
        if code is None:
            raise not_found("project", project_id, "it may have been deleted")
        with self.store.writing("project.health", f"{code}: {_summary(health, note)}") as s:
            project = s.get(Project, project_id)
            if project is None:
                raise not_found("project", project_id, "it may have been deleted")
            project.health_override, project.health_comment = health, note
            s.add(project)
            s.add(HealthLog(project_id=project_id, at=self.store.clock.now(), health=health, comment=note))

    def health_history(self, project_id: int, limit: int = 50) -> list[HealthEntry]:
        stmt = (
            select(HealthLog).where(HealthLog.project_id == project_id)
            .order_by(HealthLog.at.desc(), HealthLog.id.desc()).limit(limit)
        )
        with self.store.reading() as s:
            return [HealthEntry(h.at, h.health, h.comment) for h in s.exec(stmt)]

    def charts(self, project_id: int) -> tuple[Series, Series] | None:
        """Open tasks per day and spend to date against the estimate, from the project's start to today."""
        with self.store.reading() as s:
            project = s.get(Project, project_id)
            if project is None:
                return None
            tasks = s.exec(select(Task.created_at, Task.done_at, Task.status).where(Task.project_id == project_id)).all()
            spend = s.exec(
                select(Expense.spent_on, Expense.amount_minor).join(BudgetLine, BudgetLine.id == Expense.budget_line_id)
                .where(BudgetLine.project_id == project_id, BudgetLine.currency == project.currency)
            ).all()
            estimate = s.exec(select(func.coalesce(func.sum(BudgetLine.estimate_minor), 0)).where(
                BudgetLine.project_id == project_id, BudgetLine.currency == project.currency)).one()
        first, last = _chart_span(project.start_on, tasks, spend, self.today)
        live = [(c.date() if c else first, d.date() if d else None) for c, d, st in tasks if st != "cancelled"]
        return burndown(live, first, last), cumulative_spend(spend, first, last, int(estimate), project.currency)


def _chart_span(start: date | None, tasks: list, spend: list, today: date) -> tuple[date, date]:  # noqa: ANN001
    known = [c.date() for c, _, _ in tasks if c] + [d for d, _ in spend]
    first = min([start, *known] if start else known or [today])
    return min(first, today), today


def _summary(health: str | None, note: str) -> str:
    if health is None:
        return "status back to computed" + (f": {note}" if note else "")
    return f"status set to {HEALTH_LABELS[health]}: {note}"

"""Roadblocks, each kind one SQL query over live projects; the ranking rules live in domain.roadblocks."""

from __future__ import annotations

from datetime import date

from sqlalchemy import case, func, select
from sqlalchemy.orm import aliased

from prodcom_tui.domain import roadblocks as rb
from prodcom_tui.domain.dates import FRENCH_HOLIDAYS, add_working_days, working_days_between
from prodcom_tui.domain.vocab import OPEN_TASK_STATUSES, ROADBLOCK_RISK_SCORE
from prodcom_tui.store.models import (
    BudgetLine, Deliverable, Delivery, Expense, Person, Project, PurchaseOrder, Review, Risk, Task, TaskDependency,
    Vendor,
)
from prodcom_tui.store.queries import budget_lines_with_spend

from .base import ServiceBase

OPEN_RISKS = ("open", "mitigating")
OPEN_DELIVERIES = ("scheduled", "shipped")


class RoadblockService(ServiceBase):
    def list(self, project_id: int | None = None) -> list[rb.Roadblock]:  # noqa: A003 - the shared API's name
        """Every roadblock of live projects (or of one project), most severe first, then oldest."""
        from .system import SystemService

        wait_days = SystemService(self.store).setting_int("review_wait_days")
        found: list[rb.Roadblock] = []
        with self.store.reading() as s:
            for query in (self._overdue, self._blocked, self._deliveries, self._budget, self._risks):
                found += query(s, project_id)
            found += self._reviews(s, project_id, wait_days)
        return rb.ranked(found)

    def _scope(self, stmt, project_id: int | None):  # noqa: ANN001, ANN202
        stmt = stmt.where(Project.status == "live")
        return stmt if project_id is None else stmt.where(Project.id == project_id)

    def _late(self, since: date) -> int:
        return working_days_between(since, self.today, FRENCH_HOLIDAYS)

    def _overdue(self, s, project_id: int | None) -> list[rb.Roadblock]:  # noqa: ANN001
        stmt = self._scope(
            select(Task.id, Task.title, Task.due_on, Task.priority, Task.assignee_id, Person.name, Project.id, Project.code)
            .join(Project, Project.id == Task.project_id).outerjoin(Person, Person.id == Task.assignee_id)
            .where(Task.status.in_(OPEN_TASK_STATUSES), Task.due_on < self.today), project_id)
        return [
            rb.make("overdue_task", pid, code, _who(title, who), due, rb.overdue_severity(self._late(due), prio), tid, person)
            for tid, title, due, prio, person, who, pid, code in s.execute(stmt)
        ]

    def _blocked(self, s, project_id: int | None) -> list[rb.Roadblock]:  # noqa: ANN001
        blocker = aliased(Task)
        stmt = self._scope(
            select(Task.id, Task.title, Task.due_on, Task.created_at, Task.assignee_id, Person.name, Project.id,
                   Project.code, func.min(blocker.due_on), func.count(blocker.id))
            .join(TaskDependency, TaskDependency.task_id == Task.id)
            .join(blocker, blocker.id == TaskDependency.depends_on_id)
            .join(Project, Project.id == Task.project_id).outerjoin(Person, Person.id == Task.assignee_id)
            .where(Task.status.in_(OPEN_TASK_STATUSES), blocker.status.in_(OPEN_TASK_STATUSES))
            .group_by(Task.id, Person.name, Project.id), project_id)
        rows = []
        for tid, title, due, created, person, who, pid, code, blocker_due, n in s.execute(stmt):
            # Blocked since the earliest blocker was due (if that has passed), else since the task exists.
            since = min(blocker_due, self.today) if blocker_due else (created.date() if created else self.today)
            to_due = (due - self.today).days if due else None
            what = _who(title, who) + f" · waits on {n} task{'s' if n > 1 else ''}"
            rows.append(rb.make("blocked_task", pid, code, what, since, rb.blocked_severity(to_due), tid, person))
        return rows

    def _deliveries(self, s, project_id: int | None) -> list[rb.Roadblock]:  # noqa: ANN001
        stmt = self._scope(
            select(Delivery.id, Delivery.description, Delivery.expected_on, Vendor.name, Project.id, Project.code)
            .join(PurchaseOrder, PurchaseOrder.id == Delivery.purchase_order_id)
            .join(Vendor, Vendor.id == PurchaseOrder.vendor_id)
            .join(BudgetLine, BudgetLine.id == PurchaseOrder.budget_line_id)
            .join(Project, Project.id == BudgetLine.project_id)
            .where(Delivery.status.in_(OPEN_DELIVERIES), Delivery.expected_on < self.today), project_id)
        return [
            rb.make("late_delivery", pid, code, f"{desc or 'delivery'} — {vendor}", expected,
                    rb.late_delivery_severity(self._late(expected)), did)
            for did, desc, expected, vendor, pid, code in s.execute(stmt)
        ]

    def _reviews(self, s, project_id: int | None, wait_days: int) -> list[rb.Roadblock]:  # noqa: ANN001
        cutoff = add_working_days(self.today, -wait_days, FRENCH_HOLIDAYS)
        stmt = self._scope(
            select(Review.id, Review.round, Review.submitted_on, Review.reviewer_id, Deliverable.name, Project.id, Project.code)
            .join(Deliverable, Deliverable.id == Review.deliverable_id)
            .join(Project, Project.id == Deliverable.project_id)
            .where(Review.verdict == "pending", Review.submitted_on <= cutoff), project_id)
        return [
            rb.make("review_waiting", pid, code, f"{name}, round {rnd} · {self._late(sub)} working days",
                    sub, rb.review_severity(self._late(sub), wait_days), rid, reviewer)
            for rid, rnd, sub, reviewer, name, pid, code in s.execute(stmt)
        ]

    def _budget(self, s, project_id: int | None) -> list[rb.Roadblock]:  # noqa: ANN001
        spend = budget_lines_with_spend().subquery()
        used = case((spend.c.committed > spend.c.actual, spend.c.committed), else_=spend.c.actual)
        last_spent = select(func.max(Expense.spent_on)).where(Expense.budget_line_id == spend.c.id).scalar_subquery()
        stmt = self._scope(
            select(spend.c.id, spend.c.name, spend.c.estimate_minor, used, last_spent, Project.id, Project.code)
            .join(Project, Project.id == spend.c.project_id)
            .where(used * 100 >= spend.c.estimate_minor * 90, used > 0), project_id)
        rows = []
        for lid, name, estimate, spent, last, pid, code in s.execute(stmt):
            kind = rb.budget_kind(estimate, spent)
            if kind is not None:
                pct = f"{100 * spent // estimate} %" if estimate else "no estimate"
                rows.append(rb.make(kind, pid, code, f"{name} · {pct}", last or self.today,
                                    rb.budget_severity(estimate, spent), lid))
        return rows

    def _risks(self, s, project_id: int | None) -> list[rb.Roadblock]:  # noqa: ANN001
        stmt = self._scope(
            select(Risk.id, Risk.title, Risk.likelihood, Risk.impact, Risk.created_on, Risk.owner_id, Project.id, Project.code)
            .join(Project, Project.id == Risk.project_id)
            .where(Risk.status.in_(OPEN_RISKS), Risk.likelihood * Risk.impact >= ROADBLOCK_RISK_SCORE), project_id)
        return [
            rb.make("risk", pid, code, f"{title} · score {lk * im}", created or self.today,
                    rb.risk_severity(lk, im) or 2, rid, owner)
            for rid, title, lk, im, created, owner, pid, code in s.execute(stmt)
        ]


def _who(title: str, who: str | None) -> str:
    return f"{title} — {who}" if who else title

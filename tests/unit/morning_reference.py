"""The morning's reads written with SQLAlchemy's ORM, as they were before they became plain SQL.

Kept here as an independent oracle: tests/unit/test_morning_reads.py checks the plain-SQL services give the
same answers on the demo and `large` data, so a change to either side that alters a result shows up.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import and_, case, exists, func, literal, or_, select
from sqlalchemy.orm import aliased

from prodcom_tui.domain import roadblocks as rb
from prodcom_tui.domain.dates import FRENCH_HOLIDAYS, add_working_days, previous_working_day, week_bounds, working_days_between
from prodcom_tui.domain.morning import PersonBoard, RequestRow, TeamTaskRow
from prodcom_tui.domain.timeline import Lane, Milestone
from prodcom_tui.domain.vocab import OPEN_TASK_STATUSES, ROADBLOCK_RISK_SCORE
from prodcom_tui.services.base import like
from prodcom_tui.store.models import (
    BudgetLine, ChangeBatch, Deliverable, Delivery, Expense, Person, Project, PurchaseOrder, Request, Review, Risk,
    Setting, Task, TaskDependency, Vendor,
)
from prodcom_tui.store.queries import budget_lines_with_spend

OPEN_RISKS = ("open", "mitigating")
OPEN_DELIVERIES = ("scheduled", "shipped")
GROUP_ORDER = ("done", "late", "today", "blocked", "next")
TODAY = date(2026, 11, 26)  # conftest's frozen day (a Thursday)


def roadblocks(store, today: date, project_id: int | None = None) -> list[rb.Roadblock]:  # noqa: ANN001
    with store.reading() as s:
        setting = s.get(Setting, "review_wait_days")
        wait_days = int(setting.value) if setting else 3
        found = []
        for query in (_overdue, _blocked, _deliveries, _budget, _risks):
            found += query(s, today, project_id)
        found += _reviews(s, today, project_id, wait_days)
    return rb.ranked(found)


def _scope(stmt, project_id):  # noqa: ANN001, ANN202
    stmt = stmt.where(Project.status == "live")
    return stmt if project_id is None else stmt.where(Project.id == project_id)


def _late(since: date, today: date) -> int:
    return working_days_between(since, today, FRENCH_HOLIDAYS)


def _who(title: str, who: str | None) -> str:
    return f"{title} — {who}" if who else title


def _overdue(s, today, project_id):  # noqa: ANN001, ANN202
    stmt = _scope(
        select(Task.id, Task.title, Task.due_on, Task.priority, Task.assignee_id, Person.name, Project.id, Project.code)
        .join(Project, Project.id == Task.project_id).outerjoin(Person, Person.id == Task.assignee_id)
        .where(Task.status.in_(OPEN_TASK_STATUSES), Task.due_on < today), project_id)
    return [rb.make("overdue_task", pid, code, _who(title, who), due, rb.overdue_severity(_late(due, today), prio), tid, person)
            for tid, title, due, prio, person, who, pid, code in s.execute(stmt)]


def _blocked(s, today, project_id):  # noqa: ANN001, ANN202
    blocker = aliased(Task)
    stmt = _scope(
        select(Task.id, Task.title, Task.due_on, Task.created_at, Task.assignee_id, Person.name, Project.id,
               Project.code, func.min(blocker.due_on), func.count(blocker.id))
        .join(TaskDependency, TaskDependency.task_id == Task.id)
        .join(blocker, blocker.id == TaskDependency.depends_on_id)
        .join(Project, Project.id == Task.project_id).outerjoin(Person, Person.id == Task.assignee_id)
        .where(Task.status.in_(OPEN_TASK_STATUSES), blocker.status.in_(OPEN_TASK_STATUSES))
        .group_by(Task.id, Person.name, Project.id), project_id)
    rows = []
    for tid, title, due, created, person, who, pid, code, blocker_due, n in s.execute(stmt):
        since = min(blocker_due, today) if blocker_due else (created.date() if created else today)
        to_due = (due - today).days if due else None
        what = _who(title, who) + f" · waits on {n} task{'s' if n > 1 else ''}"
        rows.append(rb.make("blocked_task", pid, code, what, since, rb.blocked_severity(to_due), tid, person))
    return rows


def _deliveries(s, today, project_id):  # noqa: ANN001, ANN202
    stmt = _scope(
        select(Delivery.id, Delivery.description, Delivery.expected_on, Vendor.name, Project.id, Project.code)
        .join(PurchaseOrder, PurchaseOrder.id == Delivery.purchase_order_id)
        .join(Vendor, Vendor.id == PurchaseOrder.vendor_id)
        .join(BudgetLine, BudgetLine.id == PurchaseOrder.budget_line_id)
        .join(Project, Project.id == BudgetLine.project_id)
        .where(Delivery.status.in_(OPEN_DELIVERIES), Delivery.expected_on < today), project_id)
    return [rb.make("late_delivery", pid, code, f"{desc or 'delivery'} — {vendor}", expected,
                    rb.late_delivery_severity(_late(expected, today)), did)
            for did, desc, expected, vendor, pid, code in s.execute(stmt)]


def _reviews(s, today, project_id, wait_days):  # noqa: ANN001, ANN202
    cutoff = add_working_days(today, -wait_days, FRENCH_HOLIDAYS)
    stmt = _scope(
        select(Review.id, Review.round, Review.submitted_on, Review.reviewer_id, Deliverable.name, Project.id, Project.code)
        .join(Deliverable, Deliverable.id == Review.deliverable_id)
        .join(Project, Project.id == Deliverable.project_id)
        .where(Review.verdict == "pending", Review.submitted_on < cutoff), project_id)
    return [rb.make("review_waiting", pid, code, f"{name}, round {rnd} · {_late(sub, today)} working days",
                    sub, rb.review_severity(_late(sub, today), wait_days), rid, reviewer)
            for rid, rnd, sub, reviewer, name, pid, code in s.execute(stmt) if _late(sub, today) > wait_days]


def _budget(s, today, project_id):  # noqa: ANN001, ANN202
    spend = budget_lines_with_spend().subquery()
    used = case((spend.c.committed > spend.c.actual, spend.c.committed), else_=spend.c.actual)
    last_spent = select(func.max(Expense.spent_on)).where(Expense.budget_line_id == spend.c.id).scalar_subquery()
    stmt = _scope(
        select(spend.c.id, spend.c.name, spend.c.estimate_minor, used, last_spent, Project.id, Project.code)
        .join(Project, Project.id == spend.c.project_id)
        .where(used * 100 >= spend.c.estimate_minor * 90, used > 0), project_id)
    rows = []
    for lid, name, estimate, spent, last, pid, code in s.execute(stmt):
        kind = rb.budget_kind(estimate, spent)
        if kind is not None:
            pct = f"{100 * spent // estimate} %" if estimate else "no estimate"
            rows.append(rb.make(kind, pid, code, f"{name} · {pct}", last or today, rb.budget_severity(estimate, spent), lid))
    return rows


def _risks(s, today, project_id):  # noqa: ANN001, ANN202
    stmt = _scope(
        select(Risk.id, Risk.title, Risk.likelihood, Risk.impact, Risk.created_on, Risk.owner_id, Project.id, Project.code)
        .join(Project, Project.id == Risk.project_id)
        .where(Risk.status.in_(OPEN_RISKS), Risk.likelihood * Risk.impact >= ROADBLOCK_RISK_SCORE), project_id)
    return [rb.make("risk", pid, code, f"{title} · score {lk * im}", created or today, rb.risk_severity(lk, im) or 2, rid, owner)
            for rid, title, lk, im, created, owner, pid, code in s.execute(stmt)]


def _count(condition):  # noqa: ANN001, ANN202
    return func.coalesce(func.sum(case((condition, 1), else_=0)), 0)


def board(store, today: date) -> list[PersonBoard]:  # noqa: ANN001
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
        select(Person.id, Person.name, Person.handle, _count(and_(t.status == "done", t.done_at >= since)),
               _count(and_(t_open, t.due_on == today)), _count(and_(t_open, t.due_on < today)),
               _count(and_(t_open, t.id.in_(blocked_ids))),
               func.coalesce(func.sum(case((and_(t_open, t.due_on <= sunday), t.estimate_hours), else_=0)), 0),
               Person.weekly_capacity_hours)
        .outerjoin(live_tasks, t.assignee_id == Person.id).where(Person.active.is_(True))
        .group_by(Person.id).order_by(Person.name)
    )
    with store.reading() as s:
        rows = s.execute(stmt).all()
    return [PersonBoard(pid, name, handle, *(int(v) for v in counts)) for pid, name, handle, *counts in rows]


def lanes(store, today: date) -> list[Lane]:  # noqa: ANN001
    late = func.coalesce(func.sum(case((and_(Task.status.in_(OPEN_TASK_STATUSES), Task.due_on < today), 1), else_=0)), 0)
    milestones = (
        select(Deliverable.id, Deliverable.project_id, Deliverable.name, Deliverable.due_on, Deliverable.status, late)
        .join(Project, Project.id == Deliverable.project_id).outerjoin(Task, Task.deliverable_id == Deliverable.id)
        .where(Project.status == "live", Deliverable.due_on.is_not(None))
        .group_by(Deliverable.id).order_by(Deliverable.due_on)
    )
    projects = (
        select(Project.id, Project.code, Project.name, Project.start_on, Project.delivery_on, Project.health_override)
        .where(Project.status == "live").order_by(Project.delivery_on.is_(None), Project.delivery_on, Project.code)
    )
    with store.reading() as s:
        by_project: dict[int, list[Milestone]] = {}
        for did, pid, name, due, status, behind in s.execute(milestones):
            by_project.setdefault(pid, []).append(Milestone(did, name, due, status, int(behind)))
        rows = s.execute(projects).all()
    return [Lane(pid, code, name, start, delivery, health, tuple(by_project.get(pid, ())))
            for pid, code, name, start, delivery, health in rows]


def request_counts(store) -> tuple[int, int]:  # noqa: ANN001
    urgent = func.sum(case((Request.urgency == "urgent", 1), else_=0))
    with store.reading() as s:
        total, hot = s.execute(select(func.count(Request.id), urgent).where(Request.status == "open")).one()
    return int(total), int(hot or 0)


def open_requests(text: str):  # noqa: ANN201
    stmt = (select(Request.id, Request.source, Request.requester, Request.subject, Request.received_at, Request.urgency,
                   Request.wanted_on, Project.code)
            .outerjoin(Project, Project.id == Request.project_id).where(Request.status == "open")
            .order_by(case((Request.urgency == "urgent", 0), else_=1), Request.received_at, Request.id))
    if text:
        pattern = like(text)
        stmt = stmt.where(or_(*(col.ilike(pattern, escape="\\") for col in
                                (Request.subject, Request.requester, Request.source, Project.code))))
    return stmt, RequestRow


def team_tasks(today: date, text: str):  # noqa: ANN201
    since = datetime.combine(previous_working_day(today, FRENCH_HOLIDAYS), datetime.min.time())
    blocker = aliased(Task)
    blocked = exists().where(TaskDependency.task_id == Task.id, blocker.id == TaskDependency.depends_on_id,
                             blocker.status.in_(OPEN_TASK_STATUSES))
    group = case((Task.status == "done", literal("done")), (blocked, literal("blocked")),
                 (Task.due_on < today, literal("late")), (Task.due_on == today, literal("today")), else_=literal("next"))
    rank = case({g: i for i, g in enumerate(GROUP_ORDER)}, value=group)
    person = func.coalesce(Person.name, "(unassigned)")
    stmt = (
        select(Task.id, person, Task.assignee_id, Person.handle, group, Task.title, Project.code, Task.due_on, Task.status,
               Task.priority, Task.estimate_hours)
        .join(Project, Project.id == Task.project_id).outerjoin(Person, Person.id == Task.assignee_id)
        .where(Project.status == "live",
               or_(Task.status.in_(OPEN_TASK_STATUSES), and_(Task.status == "done", Task.done_at >= since)))
        .order_by(Person.id.is_(None), person, rank, Task.due_on.is_(None), Task.due_on, Task.priority, Task.id)
    )
    if text:
        pattern = like(text)
        stmt = stmt.where(or_(Task.title.ilike(pattern, escape="\\"), Project.code.ilike(pattern, escape="\\"),
                              person.ilike(pattern, escape="\\"), Person.handle.ilike(pattern, escape="\\")))
    return stmt, TeamTaskRow


def all_rows(store, built) -> list:  # noqa: ANN001
    """Every row of a (statement, row class) pair, in order."""
    stmt, row = built
    with store.reading() as s:
        return [row(*r) for r in s.execute(stmt)]


def is_empty(store) -> bool:  # noqa: ANN001
    with store.reading() as s:
        return not s.execute(select(func.count(Project.id))).scalar_one() and not s.execute(
            select(func.count(Person.id))).scalar_one()


def batches(store) -> tuple[int, int, int]:  # noqa: ANN001
    """The change log's newest id, size and undone count: what a change mark is made of."""
    query = select(func.max(ChangeBatch.id), func.count(), func.sum(case((ChangeBatch.undone, 1), else_=0)))
    with store.reading() as s:
        newest, n, undone = s.execute(query).one()
    return newest or 0, n, undone or 0

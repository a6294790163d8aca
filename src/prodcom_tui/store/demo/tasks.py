"""Tasks built backwards from each deliverable's due date (the rétroplanning), and feedback notes."""

from __future__ import annotations

from datetime import datetime, time, timedelta

from . import words
from .catalog import MANAGEMENT, REVIEW_STEP, WORKFLOWS
from .context import Ctx, Deliv, Plan, at_time

URGENT_STEPS = {"BAT", REVIEW_STEP, "Event day", "Go live"}
CREATED = time(9, 30)


def build(ctx: Ctx) -> None:
    rows: list[dict] = []
    deps: list[dict] = []
    first = ctx.ids["task"] + 1
    for plan in ctx.plans:
        _plan_tasks(ctx, plan, rows, deps, first)
    ctx.ids["task"] = first + len(rows) - 1
    ctx.tasks = rows
    _anchor(ctx, rows, deps, first)
    for plan in ctx.plans:
        for deliv in plan.deliverables:
            _settle(ctx, plan, deliv, rows[deliv.first_task - first: deliv.first_task - first + deliv.steps])
    _awaiting_review(ctx)
    ctx.put("deliverable", [_deliverable_row(ctx, p, d) for p in ctx.plans for d in p.deliverables])
    ctx.put("task", rows)
    ctx.put("taskdependency", deps)
    ctx.put("note", _notes(ctx, first))


def _plan_tasks(ctx: Ctx, plan: Plan, rows: list[dict], deps: list[dict], first: int) -> None:
    """One task per workflow step of each deliverable, then project-management tasks up to the quota."""
    plan.first_task = first + len(rows)
    for deliv in plan.deliverables:
        steps = WORKFLOWS[deliv.kind][: plan.quota - (first + len(rows) - plan.first_task)]
        deliv.first_task, deliv.steps = first + len(rows), len(steps)
        prev_done = True
        for (title, lead, role), due in zip(steps, _dues(steps, deliv.due, plan.start)):
            row = _task(ctx, plan, deliv, f"{title} — {deliv.name}", lead, role, due, first + len(rows))
            # A dependency only joins steps whose states agree: nothing done waits on something open.
            if row["id"] > deliv.first_task and ctx.rng.random() < 0.35 and (prev_done or row["done_at"] is None):
                deps.append({"task_id": row["id"], "depends_on_id": row["id"] - 1})
            prev_done = row["done_at"] is not None
            rows.append(row)
    extra = plan.quota - (first + len(rows) - plan.first_task)
    for k in range(extra):
        title, role = MANAGEMENT[k % len(MANAGEMENT)]
        due = plan.start + (k + 1) * (plan.end - plan.start) // (extra + 1)
        rows.append(_task(ctx, plan, None, title, 1, role, due, first + len(rows)))
    plan.last_task = first + len(rows) - 1


def _task(ctx: Ctx, plan: Plan, deliv: Deliv | None, title: str, lead: int, role: str, due: int,
          tid: int) -> dict:  # noqa: PLR0913
    """Old projects are all done; live work is done with a chance that falls as the due date nears."""
    rng, days, t = ctx.rng.random, ctx.cal.days, ctx.cal.t
    r, live = rng(), plan.live
    done = not live or r < _done_chance(due)
    status = "done" if done else ("cancelled" if r > 0.985 else "doing" if due <= 2 and r < 0.5 else "todo")
    done_at = None
    if done:
        day = days[t + (min(due, ctx.cal.past) if live else due - int(r * 3))]
        done_at = datetime(day.year, day.month, day.day, 8 + int(r * 10), int(r * 3600) % 60)
    people = ctx.by_role if live else ctx.alumni
    who = people.get(role) or people["producer"]
    return {"id": tid, "project_id": plan.id, "deliverable_id": deliv.id if deliv else None, "title": title,
            "due_on": days[t + due], "status": status,
            "assignee_id": who[int(rng() * len(who))] if (r < 0.94 or not live) else None,
            "priority": 1 if title.split(" — ")[0] in URGENT_STEPS else (3 if r > 0.85 else 2),
            "estimate_hours": min(80, lead * 3 + int(r * 6)), "done_at": done_at,
            "created_at": datetime.combine(days[t + plan.start], CREATED)}


def _dues(steps: tuple, due: int, start: int) -> list[int]:
    """Each step is due when the next one must start: subtract lead times from the deliverable's due date."""
    dues, off = [], due
    for _, lead, _ in reversed(steps):
        dues.append(max(off, start))
        off -= lead
    return dues[::-1]


def _done_chance(due: int) -> float:
    if due < -5:
        return 0.97
    if due < -2:
        return 0.9
    if due < 0:
        return 0.6
    return 0.3 if due == 0 else (0.08 if due <= 3 else 0.0)


def _anchor(ctx: Ctx, rows: list[dict], deps: list[dict], first: int) -> None:
    """Whatever the seed, the first live project shows every situation the morning screen is for."""
    live = [p for p in ctx.plans if p.live]
    if not live or live[0].quota < 6:
        return
    cal, base = ctx.cal, live[0].first_task - first
    today, yesterday, soon = cal.today, cal.at(-1), cal.at(cal.past + 1)
    this_week = soon if soon.isocalendar()[:2] == today.isocalendar()[:2] else today
    # (status, due, done_at): done yesterday, done today, overdue, due today (blocked), due this week, later.
    script = (("done", cal.at(-3), at_time(yesterday, 17, 40)), ("done", yesterday, at_time(today, 8, 40)),
              ("doing", yesterday, None), ("todo", today, None), ("todo", this_week, None), ("todo", cal.at(4), None))
    for row, (status, due, done_at) in zip(rows[base: base + 6], script):
        row.update(status=status, due_on=due, done_at=done_at)
    blocked = {"task_id": first + base + 3, "depends_on_id": first + base + 2}
    if blocked not in deps:
        deps.append(blocked)
    if len(live) > 1:  # a second project has a task due today that nothing blocks
        open_rows = [r for r in rows[live[1].first_task - first: live[1].last_task - first + 1]
                     if r["status"] in ("todo", "doing")]
        if open_rows:
            open_rows[0].update(due_on=today, status="doing")


def _settle(ctx: Ctx, plan: Plan, deliv: Deliv, rows: list[dict]) -> None:
    """A deliverable's status follows its steps: how far the done ones reach, and the client review."""
    titles = [r["title"].split(" — ")[0] for r in rows]
    reached = next((i for i, r in enumerate(rows) if r["status"] not in ("done", "cancelled")), len(rows))
    review = titles.index(REVIEW_STEP) if REVIEW_STEP in titles else None
    if reached == len(rows):
        deliv.status = "delivered" if not plan.live or deliv.due <= 0 else "approved"
    elif reached == 0:
        deliv.status = "planned"
    elif review is not None and reached >= review:
        deliv.status = "in_review" if reached == review else "approved"
    else:
        deliv.status = "in_progress"
    if review is not None and reached > review and rows[review]["done_at"]:
        deliv.approved = rows[review]["done_at"].date()
    if deliv.kind == "print" and "BAT" in titles and rows[titles.index("BAT")]["done_at"]:
        deliv.bat_at = rows[titles.index("BAT")]["done_at"]


def _awaiting_review(ctx: Ctx) -> None:
    """At least two live deliverables wait for the client, so pending reviews exist whatever the seed."""
    live = [d for p in ctx.plans if p.live for d in p.deliverables]
    missing = 2 - sum(1 for d in live if d.status == "in_review")
    for deliv in [d for d in live if d.status == "in_progress"][: max(0, missing)]:
        deliv.status = "in_review"


def _deliverable_row(ctx: Ctx, plan: Plan, deliv: Deliv) -> dict:
    return {"id": deliv.id, "project_id": plan.id, "name": deliv.name, "kind": deliv.kind,
            "due_on": ctx.cal.at(deliv.due),
            "status": deliv.status, "bat_signed_by": plan.contact if deliv.bat_at else None,
            "bat_signed_at": deliv.bat_at}


def _notes(ctx: Ctx, first: int) -> list[dict]:
    """Feedback about finished work on live projects, spread over everyone who finished some."""
    rng, rows, recent = ctx.rng, [], {}
    for plan in ctx.plans:
        if plan.live:
            for row in ctx.tasks[plan.first_task - first: plan.last_task + 1 - first]:
                if row["assignee_id"] is not None and row["status"] == "done":
                    recent.setdefault(row["assignee_id"], []).append(row)
    people = list(recent)
    if not people:
        return rows
    nid = ctx.take("note", ctx.size.notes)
    for i in range(ctx.size.notes):
        task = rng.choice(recent[people[i % len(people)]])
        body = rng.choice(words.FEEDBACK).format(t=task["title"])
        when = min(task["done_at"] + timedelta(hours=2), at_time(ctx.today, 8, 55))
        rows.append({"id": nid + i, "person_id": task["assignee_id"], "task_id": task["id"], "body": body,
                     "created_at": when})
    return rows

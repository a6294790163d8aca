"""The request inbox: a few fresh ones to triage, and years of triaged or archived history."""

from __future__ import annotations

from datetime import datetime, timedelta

from . import words
from .context import Ctx, Plan, at_time, slug

SOURCES = ("email", "email", "email", "email", "phone", "chat", "chat", "meeting")


def build(ctx: Ctx) -> None:
    n = ctx.size.requests
    fresh = min(n, max(15, n // 200))
    first = ctx.take("request", n)
    live = [p for p in ctx.plans if p.live]
    rows = [_open(ctx, first + i, i, live) for i in range(fresh)]
    rows += [_handled(ctx, first + i) for i in range(fresh, n)]
    ctx.put("request", rows)


def _open(ctx: Ctx, rid: int, i: int, live: list[Plan]) -> dict:
    """Received in the last week; the first three are urgent so the morning starts with them."""
    rng = ctx.rng
    plan = rng.choice(live) if live and rng.random() < 0.75 else None
    back = rng.randint(0, 6)
    # Office hours; today's arrived before nine, so a frozen clock's morning already has them.
    received = at_time(ctx.today - timedelta(days=back), rng.randint(7, 8) if back == 0 else rng.randint(8, 19),
                       rng.randint(0, 59))
    urgent = i < 3 or rng.random() < 0.25
    wanted = ctx.today + timedelta(days=rng.randint(0, 1) if urgent else rng.randint(3, 15))
    # One fresh request is always an urgent mail with a Message-ID, the case mail import produces.
    row = _request(ctx, rid, plan, received, urgent, "open", "email" if i == 0 else None)
    row["wanted_on"] = wanted if (urgent or rng.random() < 0.5) else None
    return row


def _handled(ctx: Ctx, rid: int) -> dict:
    """Older requests: about half became a task (triaged), the rest were answered and archived."""
    rng = ctx.rng
    plan = ctx.plans[int(rng.random() * len(ctx.plans))]
    hi = min(plan.end, ctx.cal.past - 1)
    day = ctx.cal.at(plan.start + int(rng.random() * max(1, hi - plan.start)))
    received = datetime(day.year, day.month, day.day, 8 + int(rng.random() * 11), int(rng.random() * 60))
    triaged = rng.random() < 0.55 and plan.last_task >= plan.first_task
    row = _request(ctx, rid, plan, received, rng.random() < 0.12, "triaged" if triaged else "archived")
    if triaged:
        pick = plan.first_task + int(rng.random() * (plan.last_task - plan.first_task + 1))
        task = ctx.tasks[pick - ctx.tasks[0]["id"]]
        row.update(task_id=task["id"], person_id=task["assignee_id"])
    return row


def _request(ctx: Ctx, rid: int, plan: Plan | None, received: datetime, urgent: bool, status: str,
             source: str | None = None) -> dict:  # noqa: PLR0913
    rng = ctx.rng
    source = source or SOURCES[int(rng.random() * len(SOURCES))]
    deliv = rng.choice(plan.deliverables).name if plan and plan.deliverables else "la brochure"
    subject = rng.choice(words.SUBJECTS).format(d=deliv)
    contact = plan.contact if plan else f"{rng.choice(words.FIRST_NAMES)} {rng.choice(words.LAST_NAMES)}"
    domain = plan.domain if plan else "gmail.com"
    address = f"{slug(contact).replace('-', '.')}@{domain}"
    return {"id": rid, "source": source, "requester": f"{contact} <{address}>" if source == "email" else contact,
            "subject": subject, "body": words.BODY.format(s=subject, c=contact), "received_at": received,
            "urgency": "urgent" if urgent else "normal", "status": status, "wanted_on": None,
            "project_id": plan.id if plan else None, "person_id": None, "task_id": None,
            "message_id": _message_id(ctx, rid, received, plan) if source == "email" else None}


def _message_id(ctx: Ctx, rid: int, received: datetime, plan: Plan | None) -> str:
    """A Message-ID as a mail client writes it; the request id inside keeps it unique."""
    domain = f"mail.{plan.domain}" if plan else "mail.gmail.com"
    return f"<{received:%Y%m%d%H%M}.{rid}.{ctx.rng.getrandbits(32):08x}@{domain}>"

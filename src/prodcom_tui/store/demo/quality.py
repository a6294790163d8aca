"""Review rounds (with the BAT for print), brand-checklist ticks, and the risk register."""

from __future__ import annotations

from datetime import date, timedelta

from . import words
from .context import Ctx, Deliv, Plan

DAY = timedelta(days=1)
WAITING_SINCE = 5  # working days, a week: well past the review_wait_days setting (3)


def build(ctx: Ctx) -> None:
    reviews: list[dict] = []
    checks: list[dict] = []
    waiting = 0  # the first two pending reviews always wait a week, so the roadblock is visible
    for plan in ctx.plans:
        for deliv in plan.deliverables:
            rounds = _rounds(ctx, plan, deliv, waiting < 2)
            waiting += sum(1 for r in rounds if r["verdict"] == "pending")
            reviews += rounds
            if plan.live:
                checks += _checks(ctx, plan, rounds)
    ctx.put("review", reviews)
    ctx.put("reviewcheck", checks)
    ctx.put("risk", _risks(ctx))


def _rounds(ctx: Ctx, plan: Plan, deliv: Deliv, overdue: bool) -> list[dict]:
    """Earlier rounds asked for changes; the last one is pending, approved, or (for print) the signed BAT."""
    rng, today = ctx.rng, ctx.today
    if deliv.status == "planned" or (deliv.status == "in_progress" and rng.random() < 0.6):
        return []
    people = ctx.by_role if plan.live else ctx.alumni
    reviewer = rng.choice(people.get("account manager") or people["producer"])
    if deliv.status == "in_review":
        last = ctx.cal.at(-WAITING_SINCE) if overdue else today - DAY * rng.randint(0, 5)
        verdict = "pending"
    elif deliv.status == "in_progress":
        last, verdict = today - DAY * rng.randint(3, 12), "changes_requested"
    else:
        last, verdict = deliv.approved or ctx.cal.at(min(deliv.due, ctx.cal.past)), "approved"
    dates = [last - DAY * (i * rng.randint(4, 7)) for i in range(rng.randint(1, 3))][::-1]
    rows = [_review(ctx, deliv, i + 1, day, "changes_requested", reviewer) for i, day in enumerate(dates[:-1])]
    rows.append(_review(ctx, deliv, len(dates), dates[-1], verdict, reviewer))
    if deliv.bat_at:
        bat = _review(ctx, deliv, len(dates) + 1, deliv.bat_at.date() - DAY, "approved", reviewer)
        bat.update(is_bat=True, signed_by=plan.contact, signed_at=deliv.bat_at, reviewed_on=deliv.bat_at.date(),
                   feedback="Bon à tirer signé.")
        rows.append(bat)
    return rows


def _review(ctx: Ctx, deliv: Deliv, round_: int, submitted: date, verdict: str, reviewer: int) -> dict:
    rng = ctx.rng
    seen = None if verdict == "pending" else min(submitted + DAY * rng.randint(1, 3), ctx.today)
    feedback = {"pending": "", "approved": rng.choice(words.APPROVALS)}.get(verdict) or rng.choice(words.CHANGES)
    return {"id": ctx.take("review", 1), "deliverable_id": deliv.id, "round": round_, "submitted_on": submitted,
            "verdict": verdict, "feedback": feedback, "reviewer_id": reviewer, "reviewed_on": seen,
            "is_bat": False, "signed_by": None, "signed_at": None}


def _checks(ctx: Ctx, plan: Plan, rounds: list[dict]) -> list[dict]:
    """Brand-checklist ticks: all on an approval, most on a rejected draft, the first few on a pending one."""
    rows, rng = [], ctx.rng.random
    for review in rounds:
        verdict = review["verdict"]
        for i, item in enumerate(plan.checklist):
            ticked = verdict == "approved" or (i < 3 if verdict == "pending" else rng() > 0.35)
            rows.append({"review_id": review["id"], "item_id": item, "checked": ticked})
    return rows


def _risks(ctx: Ctx) -> list[dict]:
    rows = []
    for plan in ctx.plans:
        count = ctx.rng.randint(3, 5) if plan.live else ctx.rng.randint(1, 2)
        for i, (title, mitigation, contingency) in enumerate(ctx.rng.sample(words.RISKS, count)):
            rows.append(_risk(ctx, plan, i, title, mitigation, contingency))
    return rows


def _risk(ctx: Ctx, plan: Plan, i: int, title: str, mitigation: str, contingency: str) -> dict:  # noqa: PLR0913
    rng = ctx.rng
    likelihood, impact = rng.randint(1, 5), rng.randint(1, 5)
    if plan.live:
        status = "open" if rng.random() < 0.6 else rng.choice(("mitigating", "mitigating", "closed"))
    else:
        status = "closed" if rng.random() < 0.8 else "occurred"
    # The register always holds a serious open risk and a mild one on the first live projects.
    if (plan.rank, i) in ((0, 0), (3, 0)):
        likelihood, impact, status = (4, 4, "open") if plan.rank == 0 else (5, 3, "open")
    elif (plan.rank, i) == (0, 1):
        likelihood, impact, status = 2, 2, "open"
    active = status in ("open", "mitigating")
    return {"id": ctx.take("risk", 1), "project_id": plan.id, "title": title, "likelihood": likelihood,
            "impact": impact, "mitigation": mitigation, "contingency": contingency, "owner_id": plan.owner_id,
            "status": status, "review_on": ctx.today + DAY * rng.randint(2, 14) if active else None,
            "created_on": ctx.cal.at(plan.start + 1)}

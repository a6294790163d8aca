"""Projects with their checklists, budget lines and planned deliverables."""

from __future__ import annotations

from datetime import datetime, time

from prodcom_tui.domain.vocab import DEFAULT_CHECKLIST

from . import words
from .catalog import BUDGET, CLIENTS, CONTINGENCY, DELIVERABLES, FEATURED, THEMES, VARIANTS, WORKFLOWS
from .context import Ctx, Deliv, Line, Plan, at_time, by_weight, slug

MORNING = time(9, 0)


def build(ctx: Ctx) -> None:
    """Plan every project first (ids, dates, quotas), then write the rows that need nothing else."""
    _plan_projects(ctx)
    _give_quotas(ctx)
    for plan in ctx.plans:
        _plan_deliverables(ctx, plan)
    ctx.put("project", [_project_row(ctx, p) for p in ctx.plans])
    ctx.put("healthlog", _health_logs(ctx))
    ctx.put("checklistitem", _checklists(ctx))
    ctx.put("budgetline", _budget_lines(ctx))


def _plan_projects(ctx: Ctx) -> None:
    size, rng, codes = ctx.size, ctx.rng, set()
    first = ctx.take("project", size.live + size.done + size.archived)
    owners = ctx.by_role["producer"] + ctx.by_role["account manager"]
    for rank in range(size.live):
        pair = FEATURED[rank] if rank < len(FEATURED) else (rng.randrange(len(CLIENTS)), rng.randrange(len(THEMES)))
        # Every live project has started and ends within the next three months.
        span = (-rng.randint(20, 70), rng.randint(8, 60))
        _add_plan(ctx, first + rank, pair, "live", span, rank, codes, owners)
    for i in range(size.done + size.archived):
        # Old projects go round the kinds from print, so every small dataset has signed BATs.
        kind = ("print", "video", "event", "social", "campaign", "photo")[i % 6]
        theme = rng.choice([j for j, t in enumerate(THEMES) if t[2] == kind])
        end = -rng.randint(3, 20) if i < size.done else -rng.randint(25, 250 * size.years_back)
        status = "done" if i < size.done else "archived"
        span = (end - rng.randint(25, 90), end)
        _add_plan(ctx, first + size.live + i, (rng.randrange(len(CLIENTS)), theme), status, span, -1, codes,
                  ctx.alumni["producer"])


def _add_plan(ctx: Ctx, pid: int, pair: tuple[int, int], status: str, span: tuple[int, int], rank: int,
              codes: set[str], owners: list[int]) -> None:  # noqa: PLR0913
    """Name and code the project from its (client, theme) pair; old ones carry their year."""
    rng = ctx.rng
    client, theme = pair
    cname, ckey = CLIENTS[client]
    year = ctx.today.year if status == "live" else ctx.cal.at(span[1]).year
    template, tkey, kind = THEMES[theme]
    code = f"{ckey}-{tkey.format(year=year)}"
    if status != "live" and "{year}" not in tkey:
        code += f"-{year % 100:02d}"
    code = _unique(code, codes)
    name = template.format(client=cname, year=year, y="" if status == "live" else f" {year}")
    contact = f"{rng.choice(words.FIRST_NAMES)} {rng.choice(words.LAST_NAMES)}"
    ctx.plans.append(Plan(pid, code, name, kind, status, cname, contact, slug(cname) + ".fr", span[0], span[1],
                          rng.choice(owners), rank))


def _unique(code: str, taken: set[str]) -> str:
    candidate, n = code, 2
    while candidate in taken:
        candidate, n = f"{code}-{n}", n + 1
    taken.add(candidate)
    return candidate


def _give_quotas(ctx: Ctx) -> None:
    """Share the task total so live projects carry twice the tasks of old ones, adding up exactly."""
    quotas = by_weight(ctx.size.tasks, [2 if p.live else 1 for p in ctx.plans])
    for plan, quota in zip(ctx.plans, quotas):
        plan.quota = quota


def _plan_deliverables(ctx: Ctx, plan: Plan) -> None:
    """Whole workflows up to the quota (project-management tasks fill the rest); the first is due at delivery."""
    choices, steps, j = DELIVERABLES[plan.kind], 0, 0
    while j == 0 or steps + len(WORKFLOWS[choices[j % len(choices)][1]]) <= plan.quota:
        name, kind = choices[j % len(choices)]
        lap = j // len(choices)
        suffix = VARIANTS[lap] if lap < len(VARIANTS) else f" — lot {lap + 1}"
        earliest = min(plan.end, plan.start + sum(lead for _, lead, _ in WORKFLOWS[kind]))
        due = plan.end if j == 0 else earliest + int(ctx.rng.random() * (plan.end - earliest + 1))
        plan.deliverables.append(Deliv(0, name + suffix, kind, due))
        steps += len(WORKFLOWS[kind])
        j += 1
    first = ctx.take("deliverable", len(plan.deliverables))
    for i, deliv in enumerate(plan.deliverables):
        deliv.id = first + i


def _project_row(ctx: Ctx, plan: Plan) -> dict:
    at = ctx.cal.at
    health, comment = _health(plan)
    return {"id": plan.id, "code": plan.code, "name": plan.name, "client": plan.client,
            "kind": plan.kind, "status": plan.status, "start_on": at(plan.start), "delivery_on": at(plan.end),
            "currency": "EUR", "owner_id": plan.owner_id, "health_override": health, "health_comment": comment,
            "created_at": datetime.combine(at(plan.start - 3), MORNING)}


def _health(plan: Plan) -> tuple[str | None, str]:
    # Two live projects carry a manual status, as a producer would set after a bad week.
    if plan.rank == 2:
        return "at_risk", "Validation du script en retard côté client"
    if plan.rank == 6:
        return "off_track", "Fournisseur défaillant, recherche d'un remplaçant"
    return None, ""


def _health_logs(ctx: Ctx) -> list[dict]:
    rows = []
    for plan in ctx.plans:
        health, comment = _health(plan)
        if health:
            first = ctx.take("healthlog", 2)
            rows.append({"id": first, "project_id": plan.id, "at": at_time(ctx.cal.at(-8), 18, 5),
                         "health": "at_risk", "comment": "Premiers signaux de retard"})
            rows.append({"id": first + 1, "project_id": plan.id, "at": at_time(ctx.cal.at(-2), 17, 40),
                         "health": health, "comment": comment})
    return rows


def _checklists(ctx: Ctx) -> list[dict]:
    rows, n = [], len(DEFAULT_CHECKLIST)
    item = ctx.take("checklistitem", n * len(ctx.plans))
    for plan in ctx.plans:
        plan.checklist = list(range(item, item + n))
        rows += [{"id": item + i, "project_id": plan.id, "label": label, "position": i + 1}
                 for i, label in enumerate(DEFAULT_CHECKLIST)]
        item += n
    return rows


def _budget_lines(ctx: Ctx) -> list[dict]:
    rng, rows = ctx.rng, []
    for plan in ctx.plans:
        lines = [Line(0, name, cat, rng.randrange(lo, hi + 1, 50) * 100, False)
                 for name, cat, lo, hi in BUDGET[plan.kind]]
        reserve = sum(line.estimate for line in lines) * rng.randint(5, 10) // 100 // 10_000 * 10_000
        lines.append(Line(0, CONTINGENCY, "other", reserve, True))
        first = ctx.take("budgetline", len(lines))
        for i, line in enumerate(lines):
            line.id = first + i
            rows.append({"id": line.id, "project_id": plan.id, "name": line.name, "category": line.category,
                         "estimate_minor": line.estimate, "currency": "EUR", "is_contingency": line.contingency})
        plan.lines = lines
    return rows

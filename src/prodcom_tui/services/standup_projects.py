"""The stand-up's project slides: live projects at risk, with why, their budget and how far along they are."""

from __future__ import annotations

from datetime import date

from sqlalchemy import case, func
from sqlmodel import select

from prodcom_tui.domain.dates import FRENCH_HOLIDAYS, working_days_between
from prodcom_tui.domain.roadblocks import LABELS
from prodcom_tui.domain.standup import ProjectSlide, SlideItem, is_at_risk
from prodcom_tui.store.models import Project, Task
from prodcom_tui.store.queries import budget_lines_with_spend

from .base import money

# project id -> (health, reasons), as the evening report computes it (with the producer's override)
Health = dict[int, tuple[str, tuple[str, ...]]]
HEALTH_WORDS = {"off_track": ("■", "off track", 3), "at_risk": ("▲", "at risk", 2)}
ITEMS = 12


def projects_at_risk(s, today: date, blocks: list, health: Health | None) -> list[ProjectSlide]:  # noqa: ANN001
    """Off-track projects first, then at-risk ones, each by delivery date."""
    spend, progress = _spend(s), _progress(s)
    slides = []
    for p in s.exec(select(Project).where(Project.status == "live").order_by(Project.delivery_on, Project.code)):
        pid = int(p.id)
        *figures, over_lines = spend.get(pid, (0, 0, 0, 0))
        estimate, committed, actual = (money(v, p.currency) for v in figures)
        mine = [r for r in blocks if r.project_id == pid]
        if health is not None:
            verdict, reasons = health.get(pid, ("on_track", ()))
        else:  # without the report: a severe roadblock or spending past the estimate
            at_risk = is_at_risk(sum(r.severity >= 3 for r in mine), estimate, committed, actual, over_lines)
            verdict, reasons = ("at_risk" if at_risk else "on_track"), _budget_reasons(estimate, committed, actual, over_lines)
        if verdict not in HEALTH_WORDS:
            continue
        symbol, word, severity = HEALTH_WORDS[verdict]
        items = [SlideItem(reason, severity=severity) for reason in reasons]
        items += [roadblock_item(r) for r in mine if r.severity >= 2]
        left = working_days_between(today, p.delivery_on, FRENCH_HOLIDAYS) if p.delivery_on else None
        slides.append(ProjectSlide(
            pid, p.code, p.name, p.client, p.delivery_on, left, progress.get(pid, 0),
            estimate, committed, actual, tuple(items)[:ITEMS], f"{symbol} {word}",
        ))
    return sorted(slides, key=lambda sl: not sl.health.endswith("off track"))


def roadblock_item(r) -> SlideItem:  # noqa: ANN001
    """The morning's roadblock, said the way the morning screen says it."""
    return SlideItem(r.what, r.project_code, f"{LABELS.get(r.kind, r.kind)} since {r.since:%a %d %b}", r.severity)


def _budget_reasons(estimate, committed, actual, over_lines: int) -> tuple[str, ...]:  # noqa: ANN001
    used = max(committed.minor, actual.minor)
    reasons = []
    if estimate.minor and used > estimate.minor:
        reasons.append(f"spend at {round(100 * used / estimate.minor)} % of the estimate")
    if over_lines:
        reasons.append(f"{over_lines} budget line{'s spend' if over_lines > 1 else ' spends'} past the estimate")
    return tuple(reasons)


def _spend(s) -> dict[int, tuple[int, int, int, int]]:  # noqa: ANN001
    """Per project: estimate, committed, actual, and how many lines spend past their estimate."""
    lines = budget_lines_with_spend().subquery()
    spent = case((lines.c.committed > lines.c.actual, lines.c.committed), else_=lines.c.actual)
    over = func.sum(case((spent > lines.c.estimate_minor, 1), else_=0))
    stmt = select(
        lines.c.project_id, func.sum(lines.c.estimate_minor), func.sum(lines.c.committed), func.sum(lines.c.actual), over
    ).group_by(lines.c.project_id)
    return {int(pid): tuple(int(v or 0) for v in row) for pid, *row in s.exec(stmt)}


def _progress(s) -> dict[int, int]:  # noqa: ANN001
    done = func.sum(case((Task.status == "done", 1), else_=0))
    stmt = select(Task.project_id, func.count(Task.id), done).where(Task.status != "cancelled").group_by(Task.project_id)
    return {int(pid): round(100 * int(d or 0) / total) for pid, total, d in s.exec(stmt) if total}

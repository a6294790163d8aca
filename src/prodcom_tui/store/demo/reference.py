"""Reference rows: public holidays, planning templates, settings, and campaign metrics."""

from __future__ import annotations

from datetime import timedelta

from prodcom_tui.domain.dates import french_holidays

from . import words
from .catalog import TEMPLATES, WORKFLOWS
from .context import Ctx

SETTINGS = {"quote_threshold_minor": "100000", "review_wait_days": "3"}
METRIC_DAYS = 30


def build(ctx: Ctx) -> None:
    year = ctx.today.year
    holidays = [{"day": d, "label": label} for y in (year, year + 1)
                for d, label in french_holidays(y).items()]
    # These tables may already hold the user's own rows: keep theirs rather than fail (portable, no OR IGNORE).
    ctx.put("holiday", _missing(ctx, "holiday", "day", holidays))
    ctx.put("setting", _missing(ctx, "setting", "key", [{"key": k, "value": v} for k, v in SETTINGS.items()]))
    templates, steps = _templates(ctx)
    ctx.put("plantemplate", templates)
    ctx.put("plantemplatestep", steps)
    ctx.put("campaignmetric", _metrics(ctx))


def _missing(ctx: Ctx, table: str, key: str, rows: list[dict]) -> list[dict]:
    """The rows whose key the table does not hold yet."""
    existing = ctx.conn.values(table, key)
    return [row for row in rows if row[key] not in existing]


def _templates(ctx: Ctx) -> tuple[list[dict], list[dict]]:
    existing = ctx.conn.values("plantemplate", "name")
    templates, steps = [], []
    for name, kind in TEMPLATES:
        if name in existing:
            continue
        tid = ctx.take("plantemplate", 1)
        templates.append({"id": tid, "name": name, "kind": kind})
        first = ctx.take("plantemplatestep", len(WORKFLOWS[kind]))
        steps += [{"id": first + i, "template_id": tid, "position": i + 1, "title": title, "lead_days": lead,
                   "role": role} for i, (title, lead, role) in enumerate(WORKFLOWS[kind])]
    return templates, steps


def _metrics(ctx: Ctx) -> list[dict]:
    """Daily reach, clicks, conversions and spend per channel for the live social and campaign projects."""
    rng, rows = ctx.rng, []
    for plan in ctx.plans:
        if not plan.live or plan.kind not in ("social", "campaign"):
            continue
        for channel in rng.sample(words.CHANNELS, 2):
            base, ctr, cpm = rng.randint(4_000, 40_000), 0.008 + 0.02 * rng.random(), rng.randint(500, 1_200)
            first = ctx.take("campaignmetric", METRIC_DAYS)
            for i in range(METRIC_DAYS):
                # Reach grows as the campaign warms up, with day-to-day noise.
                reach = int(base * (0.6 + 0.8 * i / METRIC_DAYS) * (0.8 + 0.4 * rng.random()))
                clicks = int(reach * ctr)
                rows.append({"id": first + i, "project_id": plan.id, "channel": channel,
                             "day": ctx.today - timedelta(days=METRIC_DAYS - i), "reach": reach, "clicks": clicks,
                             "conversions": int(clicks * (0.02 + 0.04 * rng.random())),
                             "spend_minor": reach * cpm // 1000, "currency": "EUR"})
    return rows

"""Expenses (factures) against budget lines: how much of each estimate is used follows the project's age."""

from __future__ import annotations

from . import words
from .context import Ctx, Line, Plan, at_time, by_weight, split

# (live rank, line index, share of the estimate spent): one line over budget, one past 90 %, whatever the seed.
ANCHORS = {(0, 0): 1.15, (1, 0): 0.95}
FLUSH_EVERY = 25_000


def build(ctx: Ctx) -> None:
    # Live projects carry twice the invoices of old ones: they are what the screens show.
    quotas = by_weight(ctx.size.expenses, [2 if p.live else 1 for p in ctx.plans])
    rows: list[dict] = []
    stamps: dict[int, object] = {}
    for plan, quota in zip(ctx.plans, quotas):
        reserve = min(3, quota // 30)  # the contingency line (last) is touched rarely, on purpose
        counts = split(quota - reserve, len(plan.lines) - 1, ctx.rng) + [reserve]
        for i, (line, count) in enumerate(zip(plan.lines, counts)):
            _line_expenses(ctx, plan, line, count, _ratio(ctx, plan, line, i), rows, stamps)
        if len(rows) >= FLUSH_EVERY:  # keeps `huge` (500,000 rows) from holding every dict at once
            rows = _flush(ctx, rows)
    _flush(ctx, rows)


def _flush(ctx: Ctx, rows: list[dict]) -> list[dict]:
    ctx.ids["expense"] += len(rows)
    ctx.put("expense", rows)
    return []


def _ratio(ctx: Ctx, plan: Plan, line: Line, index: int) -> float:
    """Share of the estimate spent so far: old projects land near 100 %, live ones follow their progress."""
    r = ctx.rng.random()
    if (plan.rank, index) in ANCHORS:
        return ANCHORS[(plan.rank, index)]
    if line.contingency:
        return (0.2 if plan.live else 0.5) * r
    if not plan.live:
        return 0.85 + 0.22 * r
    progress = min(0.95, max(0.05, -plan.start / max(1, plan.end - plan.start)))
    return progress * (0.6 + 0.6 * r)


def _line_expenses(ctx: Ctx, plan: Plan, line: Line, count: int, ratio: float, rows: list[dict],
                   stamps: dict) -> None:  # noqa: PLR0913
    """Cut the line's spend into count invoices, dated between the order (or project start) and today."""
    if count == 0:
        return
    rng, days, t = ctx.rng.random, ctx.cal.days, ctx.cal.t
    hi = min(plan.end + 20, ctx.cal.past)
    lo = min(line.po_issued if line.po_id else plan.start, hi)
    weights = [0.2 + rng() for _ in range(count)]
    total = int(line.estimate * ratio)
    scale = total / sum(weights)
    amounts = [int(w * scale) for w in weights]
    amounts[-1] += total - sum(amounts)
    offsets = sorted(lo + int(rng() * (hi - lo + 1)) for _ in range(count))
    texts, pool = words.EXPENSES[line.category], ctx.vendors[line.category]
    eid = ctx.ids["expense"] + len(rows) + 1
    for amount, off in zip(amounts, offsets):
        r = rng()  # one draw feeds several choices through unrelated multipliers: 50,000 rows stay cheap
        # Most costs of an ordered need are invoiced against its PO; the rest are extras or notes de frais.
        linked = line.po_id is not None and r < 0.85
        vendor = line.po_vendor if linked else (pool[int(r * 997) % len(pool)] if r < 0.9 else None)
        stamp = stamps.get(off) or stamps.setdefault(off, at_time(days[t + off], 18, 0))
        rows.append({"id": eid, "budget_line_id": line.id, "vendor_id": vendor,
                     "purchase_order_id": line.po_id if linked else None, "amount_minor": amount, "currency": "EUR",
                     "spent_on": days[t + off], "description": texts[int(r * 10007) % len(texts)],
                     "invoice_ref": f"FAC-{10000 + int(r * 8999999) % 90000}" if vendor else "",
                     "created_at": stamp})
        eid += 1

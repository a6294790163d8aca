"""Devis compared per need, the accepted one turned into a bon de commande, and its deliveries."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import timedelta

from . import words
from .catalog import QUOTE_SERVES
from .context import Ctx, Line, Plan, at_time

MONTH = timedelta(days=30)


@dataclass
class Paper:
    quotes: list[dict] = field(default_factory=list)
    orders: list[dict] = field(default_factory=list)
    deliveries: list[dict] = field(default_factory=list)
    numbers: dict[int, int] = field(default_factory=dict)  # PO numbering restarts every year


def build(ctx: Ctx) -> None:
    paper = Paper()
    for plan in ctx.plans:
        needs = [line for line in plan.lines if not line.contingency and line.category != "other"]
        for k, line in enumerate(needs):
            mode = _mode(ctx, plan, k)
            if mode == "ordered":
                _order(ctx, plan, line, paper, anchor=plan.rank == 0 and k == 0)
            elif mode == "comparing":
                paper.quotes += _comparing(ctx, plan, line)
    ctx.put("quote", paper.quotes)
    ctx.put("purchaseorder", paper.orders)
    ctx.put("delivery", paper.deliveries)


def _mode(ctx: Ctx, plan: Plan, k: int) -> str | None:
    """Old projects bought everything; live ones have one need ordered, one being compared, the rest mixed."""
    if not plan.live or k == 0:
        return "ordered"
    if k == 1:
        return "comparing"
    r = ctx.rng.random()
    return "ordered" if r < 0.4 else ("comparing" if r < 0.7 else None)


def _quote(ctx: Ctx, plan: Plan, line: Line, vendor: int, asked: int, status: str) -> dict:
    rng, at = ctx.rng, ctx.cal.at
    known = status != "requested"
    got = at(min(asked + rng.randint(2, 8), ctx.cal.past)) if known else None
    serves = next((d.id for d in plan.deliverables if d.kind == QUOTE_SERVES.get(line.category)), None)
    return {"id": ctx.take("quote", 1), "budget_line_id": line.id, "deliverable_id": serves, "vendor_id": vendor,
            "description": f"{line.name} — {plan.name.split(' — ')[0]}",
            "amount_minor": int(line.estimate * (0.72 + 0.4 * rng.random())) // 1000 * 1000 if known else None,
            "currency": "EUR", "lead_days": rng.randint(5, 20) if known else None, "requested_on": at(asked),
            "received_on": got, "valid_until": got + MONTH if got else None, "status": status}


def _comparing(ctx: Ctx, plan: Plan, line: Line) -> list[dict]:
    """Two to four devis still open: the first is in, the others in any state short of a decision."""
    rng = ctx.rng
    vendors = rng.sample(ctx.vendors[line.category], min(rng.randint(2, 4), len(ctx.vendors[line.category])))
    asked = max(ctx.cal.past - rng.randint(3, 15), plan.start)
    states = ["received"] + [rng.choice(("received", "negotiating", "requested")) for _ in vendors[1:]]
    return [_quote(ctx, plan, line, v, asked, s) for v, s in zip(vendors, states)]


def _order(ctx: Ctx, plan: Plan, line: Line, paper: Paper, anchor: bool) -> None:
    rng = ctx.rng
    vendors = rng.sample(ctx.vendors[line.category], min(rng.randint(2, 4), len(ctx.vendors[line.category])))
    asked = min(plan.start + rng.randint(1, 8), ctx.cal.past - 12)
    quotes = [_quote(ctx, plan, line, v, asked, "declined") for v in vendors]
    # Usually the cheapest wins; sometimes quality or lead time decides.
    chosen = min(quotes, key=lambda q: q["amount_minor"]) if rng.random() < 0.6 else rng.choice(quotes)
    chosen["status"] = "accepted"
    paper.quotes += quotes
    line.po_issued = min(asked + rng.randint(9, 12), ctx.cal.past)  # after the last devis came in
    issued = ctx.cal.at(line.po_issued)
    paper.numbers[issued.year] = paper.numbers.get(issued.year, 0) + 1
    line.po_id, line.po_vendor = ctx.take("purchaseorder", 1), chosen["vendor_id"]
    paper.orders.append({"id": line.po_id, "number": f"BC-{issued.year}-{paper.numbers[issued.year]:04d}",
                         "quote_id": chosen["id"], "vendor_id": chosen["vendor_id"], "budget_line_id": line.id,
                         "amount_minor": chosen["amount_minor"], "currency": "EUR", "issued_on": issued,
                         "status": "open" if plan.live else "closed"})
    paper.deliveries += _deliveries(ctx, plan, line, chosen["lead_days"], anchor)


def _deliveries(ctx: Ctx, plan: Plan, line: Line, lead: int, anchor: bool) -> list[dict]:
    rng, past = ctx.rng, ctx.cal.past
    if anchor:  # one received, one late, one coming: the afternoon screen always has all three
        slots = [(-10, "received"), (-4, "shipped"), (5, "scheduled")]
    else:
        slots = []
        for i in range(1 if line.category == "media" else rng.randint(1, 3)):
            exp = line.po_issued + lead + i * rng.randint(3, 8)
            exp = exp if plan.live else min(exp, past)
            slots.append((exp, _delivery_state(rng.random(), exp, past, plan.live)))
    label = words.DELIVERY_WORDS[line.category]
    return [_delivery_row(ctx, line, f"{label} — lot {i + 1}" if len(slots) > 1 else label, exp, state)
            for i, (exp, state) in enumerate(slots)]


def _delivery_state(r: float, exp: int, past: int, live: bool) -> str:
    """Old deliveries arrived; of the last three weeks' some are partial or late (still shipped or scheduled)."""
    if not live or exp < past - 15 or (exp <= past and r < 0.55):
        return "received"
    if exp <= past:
        return "partial" if r < 0.65 else ("shipped" if r < 0.85 else "scheduled")
    return "shipped" if exp <= 2 else "scheduled"


def _delivery_row(ctx: Ctx, line: Line, description: str, exp: int, status: str) -> dict:
    rng, cal = ctx.rng, ctx.cal
    arrived = status in ("received", "partial")
    actual = cal.at(min(exp + rng.randint(-1, 2), cal.past)) if arrived else None
    ok = None if not arrived else (status == "received" and rng.random() < 0.92)
    return {"id": ctx.take("delivery", 1), "purchase_order_id": line.po_id, "description": description,
            "expected_on": cal.at(exp), "actual_on": actual, "status": status, "quality_ok": ok,
            "issue_note": "" if ok or not arrived else rng.choice(words.DELIVERY_ISSUES),
            "received_at": at_time(actual, 10, 15) if actual else None}

"""A change log for the last two working days, so 'what moved' and undo have something real on a demo.

Each batch is what the service would have recorded: its before and after images are exact, so `u`
on a demo reopens the task (or removes the expense) like it would after a real change.
"""

from __future__ import annotations

import json
from datetime import datetime, time

from sqlalchemy import select

from prodcom_tui.domain.money import Money, format_money

from ..rowimage import row_image, row_key
from .context import TABLES, Ctx


def build(ctx: Ctx) -> None:
    since = datetime.combine(ctx.cal.at(-1), time(0, 0))
    batches: list[tuple[datetime, str, str, list[dict]]] = []
    batches += _tasks_done(ctx, since)
    batches += _expenses(ctx, since)
    batches.sort(key=lambda b: b[0])
    first = ctx.take("changebatch", len(batches))
    entries: list[dict] = []
    for offset, (at, kind, summary, rows) in enumerate(batches):
        entries += [dict(row, batch_id=first + offset) for row in rows]
    ctx.put("changebatch", [{"id": first + i, "at": b[0], "kind": b[1], "summary": b[2][:300], "undone": False}
                            for i, b in enumerate(batches)])
    ctx.put("changeentry", entries)


def _codes(ctx: Ctx) -> dict[int, str]:
    project = TABLES["project"]
    return dict(ctx.conn.execute(select(project.c.id, project.c.code)).all())


def _tasks_done(ctx: Ctx, since: datetime) -> list:
    task, codes = TABLES["task"], _codes(ctx)
    rows = ctx.conn.execute(select(task).where(task.c.done_at >= since)).mappings().all()
    found = []
    for row in rows:
        before = dict(row_image(row), status="doing", done_at=None)
        entry = {"table_name": "task", "row_key": row_key(task, row), "action": "update",
                 "before": json.dumps(before), "after": json.dumps(row_image(row))}
        found.append((row["done_at"], "task.done", f"Done: “{row['title']}” ({codes.get(row['project_id'], '?')})", [entry]))
    return found


def _expenses(ctx: Ctx, since: datetime) -> list:
    expense = TABLES["expense"]
    rows = ctx.conn.execute(select(expense).where(expense.c.spent_on >= since.date())).mappings().all()
    found = []
    for row in rows:
        at = datetime.combine(row["spent_on"], time(17, 30))
        entry = {"table_name": "expense", "row_key": row_key(expense, row), "action": "create",
                 "before": None, "after": json.dumps(row_image(row))}
        label = row["description"] or row["invoice_ref"] or "expense"
        amount = format_money(Money(row["amount_minor"], row["currency"]))
        found.append((at, "expense.create", f"Expense: {label} — {amount}", [entry]))
    return found

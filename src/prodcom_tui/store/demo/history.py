"""A change log for the last two working days, so 'what moved' and undo have something real on a demo.

Each batch is what the service would have recorded: its before and after images are exact, so `u`
on a demo reopens the task (or removes the expense) like it would after a real change.
"""

from __future__ import annotations

import json
from datetime import datetime, time
from typing import Any

from prodcom_tui.domain.money import Money, format_money

from .context import Ctx


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
    return dict(ctx.conn.rows("SELECT id, code FROM project"))


def _tasks_done(ctx: Ctx, since: datetime) -> list:
    codes = _codes(ctx)
    rows = ctx.conn.select("task", "done_at >= ?", since)
    found = []
    for row in rows:
        before = dict(_image(row), status="doing", done_at=None)
        entry = {"table_name": "task", "row_key": _key(row), "action": "update",
                 "before": json.dumps(before), "after": json.dumps(_image(row))}
        found.append((row["done_at"], "task.done", f"Done: “{row['title']}” ({codes.get(row['project_id'], '?')})", [entry]))
    return found


def _expenses(ctx: Ctx, since: datetime) -> list:
    rows = ctx.conn.select("expense", "spent_on >= ?", since.date())
    found = []
    for row in rows:
        at = datetime.combine(row["spent_on"], time(17, 30))
        entry = {"table_name": "expense", "row_key": _key(row), "action": "create",
                 "before": None, "after": json.dumps(_image(row))}
        label = row["description"] or row["invoice_ref"] or "expense"
        amount = format_money(Money(row["amount_minor"], row["currency"]))
        found.append((at, "expense.create", f"Expense: {label} — {amount}", [entry]))
    return found


# store.rowimage's format, restated: that module loads SQLAlchemy. Both tables are keyed on id alone.
def _jsonable(value: Any) -> Any:
    return value.isoformat() if hasattr(value, "isoformat") else value


def _image(row: dict[str, Any]) -> dict[str, Any]:
    return {name: _jsonable(value) for name, value in row.items()}


def _key(row: dict[str, Any]) -> str:
    return json.dumps([_jsonable(row["id"])])

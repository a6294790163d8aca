"""Deadlines and milestones of live projects as plain SQL over `run(sql, params)` (shared by app and CLI)."""

from __future__ import annotations

from datetime import date

from prodcom_tui.domain.report import CalendarItem

from .report_sql import Run

# (category, SQL giving id, day, title, project code, project name); open items of live projects only.
QUERIES = (
    ("delivery", "SELECT p.id, p.delivery_on, 'Delivery', p.code, p.name FROM project p "
                 "WHERE p.status = 'live' AND p.delivery_on IS NOT NULL"),
    ("deliverable", "SELECT d.id, d.due_on, d.name, p.code, p.name FROM deliverable d JOIN project p ON p.id = d.project_id "
                    "WHERE p.status = 'live' AND d.due_on IS NOT NULL AND d.status <> 'delivered'"),
    ("task", "SELECT t.id, t.due_on, t.title, p.code, p.name FROM task t JOIN project p ON p.id = t.project_id "
             "WHERE p.status = 'live' AND t.due_on IS NOT NULL AND t.status IN ('todo', 'doing')"),
    ("vendor", "SELECT d.id, d.expected_on, d.description, p.code, p.name FROM delivery d "
               "JOIN purchaseorder po ON po.id = d.purchase_order_id JOIN budgetline bl ON bl.id = po.budget_line_id "
               "JOIN project p ON p.id = bl.project_id WHERE p.status = 'live' AND d.status IN ('scheduled', 'shipped')"),
)
LABEL = {"delivery": "Delivery", "deliverable": "Due", "task": "Task due", "vendor": "Vendor delivery"}


def calendar_items(run: Run) -> list[CalendarItem]:
    items = []
    for category, sql in QUERIES:
        for item_id, day, title, code, name in run(sql, {}):
            summary = f"{code} — {title}" if category == "delivery" else f"{code} — {LABEL[category]}: {title}"
            items.append(CalendarItem(
                f"{category}-{item_id}@prodcom", date.fromisoformat(str(day)[:10]), summary,
                f"{LABEL[category]} · {name}", category,
            ))
    return sorted(items, key=lambda i: (i.day, i.category, i.uid))

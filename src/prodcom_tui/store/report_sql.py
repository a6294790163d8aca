"""The evening report's reads as plain, portable SQL over any DB-API-like `run(sql, params)`.

No SQLAlchemy here on purpose: `prodcom report` runs these on a bare sqlite3 connection so the command
answers without paying SQLAlchemy's import, and the app runs the very same text through its session.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

Run = Callable[[str, dict[str, Any]], list[tuple]]

OPEN = "('todo', 'doing')"

PROJECTS = """
SELECT p.id, p.code, p.name, p.client, p.delivery_on, p.currency, p.health_override, p.health_comment
FROM project p WHERE {where} ORDER BY p.delivery_on, p.code
"""

TASKS = f"""
SELECT t.project_id,
  SUM(CASE WHEN t.status <> 'cancelled' THEN 1 ELSE 0 END),
  SUM(CASE WHEN t.status = 'done' THEN 1 ELSE 0 END),
  SUM(CASE WHEN t.status IN {OPEN} AND t.due_on < :day THEN 1 ELSE 0 END),
  MIN(CASE WHEN t.status IN {OPEN} AND t.due_on < :day THEN t.due_on END),
  MAX(CASE WHEN t.status IN {OPEN} THEN t.due_on END)
FROM task t JOIN project p ON p.id = t.project_id WHERE {{where}} GROUP BY t.project_id
"""

DELIVERABLES = """
SELECT d.project_id, COUNT(*), SUM(CASE WHEN d.status = 'delivered' THEN 1 ELSE 0 END)
FROM deliverable d JOIN project p ON p.id = d.project_id WHERE {where} GROUP BY d.project_id
"""

# Forecast per line as in domain.budget: orders replace the estimate once placed; invoices beyond either win.
BUDGET = """
SELECT l.project_id, l.currency, SUM(l.estimate_minor), SUM(l.committed), SUM(l.actual),
  SUM(CASE WHEN l.expected >= l.actual THEN l.expected ELSE l.actual END)
FROM (
  SELECT bl.project_id, bl.currency, bl.estimate_minor,
    COALESCE(c.committed, 0) AS committed, COALESCE(a.actual, 0) AS actual,
    CASE WHEN COALESCE(c.committed, 0) > 0 THEN c.committed ELSE bl.estimate_minor END AS expected
  FROM budgetline bl
  JOIN project p ON p.id = bl.project_id
  LEFT JOIN (SELECT budget_line_id, SUM(amount_minor) AS committed FROM purchaseorder
             WHERE status <> 'cancelled' GROUP BY budget_line_id) c ON c.budget_line_id = bl.id
  LEFT JOIN (SELECT budget_line_id, SUM(amount_minor) AS actual FROM expense
             GROUP BY budget_line_id) a ON a.budget_line_id = bl.id
  WHERE {where}
) l
GROUP BY l.project_id, l.currency
"""

RISKS = """
SELECT r.project_id, COUNT(*), SUM(CASE WHEN r.likelihood * r.impact >= :serious THEN 1 ELSE 0 END)
FROM risk r JOIN project p ON p.id = r.project_id
WHERE {where} AND r.status IN ('open', 'mitigating') GROUP BY r.project_id
"""

LATE_DELIVERIES = """
SELECT bl.project_id, COUNT(*)
FROM delivery d JOIN purchaseorder po ON po.id = d.purchase_order_id
JOIN budgetline bl ON bl.id = po.budget_line_id JOIN project p ON p.id = bl.project_id
WHERE {where} AND d.status IN ('scheduled', 'shipped') AND d.expected_on < :day GROUP BY bl.project_id
"""

REVIEWS_WAITING = """
SELECT dl.project_id, COUNT(*)
FROM review r JOIN deliverable dl ON dl.id = r.deliverable_id JOIN project p ON p.id = dl.project_id
WHERE {where} AND r.verdict = 'pending' AND r.submitted_on <= :day GROUP BY dl.project_id
"""

QUOTES_TO_CHOOSE = """
SELECT bl.project_id, COUNT(*), COUNT(DISTINCT bl.id)
FROM quote q JOIN budgetline bl ON bl.id = q.budget_line_id JOIN project p ON p.id = bl.project_id
WHERE {where} AND q.status IN ('received', 'negotiating') GROUP BY bl.project_id
"""

MOVED = """
SELECT kind, summary FROM changebatch WHERE undone = :no AND at >= :day AND at < :next ORDER BY at, id
"""

NEXT_TASKS = f"""
SELECT t.id, p.code, t.title, pe.name, t.due_on, t.priority
FROM task t JOIN project p ON p.id = t.project_id LEFT JOIN person pe ON pe.id = t.assignee_id
WHERE {{where}} AND t.status IN {OPEN} AND t.due_on <= :next_work
ORDER BY t.priority, t.due_on, t.id LIMIT :limit
"""

HOLIDAYS = "SELECT day FROM holiday"
FIRST_DAY = "SELECT MIN(created_at), COUNT(*) FROM project"

SECTIONS = {
    "tasks": TASKS, "deliverables": DELIVERABLES, "risks": RISKS,
    "late_deliveries": LATE_DELIVERIES, "reviews_waiting": REVIEWS_WAITING, "quotes": QUOTES_TO_CHOOSE,
}


def scope(project_id: int | None) -> tuple[str, dict[str, Any]]:
    """Live projects, or the one project asked for whatever its status."""
    if project_id is None:
        return "p.status = 'live'", {}
    return "p.id = :pid", {"pid": project_id}


def find_project(run: Run, code: str) -> int | None:
    rows = run("SELECT id FROM project WHERE lower(code) = lower(:code)", {"code": code.strip().lstrip("#")})
    return int(rows[0][0]) if rows else None


def fetch(run: Run, day: str, next_day: str, project_id: int | None, serious: int, limit: int = 8) -> dict[str, Any]:
    """Every row the report needs, keyed by section; dates come back as ISO text."""
    run = _used_params(run)
    where, extra = scope(project_id)
    params = {"day": day, "next": next_day, "serious": serious, "no": False, "limit": limit, **extra}
    data: dict[str, Any] = {"projects": run(PROJECTS.format(where=where), params)}
    for name, sql in SECTIONS.items():
        data[name] = {row[0]: row[1:] for row in run(sql.format(where=where), params)}
    data["budget"] = {}
    for row in run(BUDGET.format(where=where), params):
        data["budget"].setdefault(row[0], []).append(row[1:])
    data["moved"] = run(MOVED, params)
    data["holidays"] = [row[0] for row in run(HOLIDAYS, {})]
    params["next_work"] = next_work_day(day, data["holidays"]).isoformat()
    data["next_tasks"] = run(NEXT_TASKS.format(where=where), params)
    return data


def next_work_day(day: str, holidays: list[Any]):  # noqa: ANN201
    from datetime import date

    from prodcom_tui.domain.report_build import holidays_of, next_working_day

    return next_working_day(date.fromisoformat(day), holidays_of(holidays))


def _used_params(run: Run) -> Run:
    """Pass each statement only the parameters it names, so sqlite3 and SQLAlchemy see the same call."""
    return lambda sql, params: run(sql, {k: v for k, v in params.items() if f":{k}" in sql})


def load(run: Run, day: Any, today: Any, project_code: str | None = None, serious: int = 15):  # noqa: ANN201
    """The whole DayReport for `day` (a date), for live projects or the one `project_code`."""
    from datetime import timedelta

    from prodcom_tui.domain.errors import InputError
    from prodcom_tui.domain.report_build import build, check_day

    check_day(day, today, run(FIRST_DAY, {})[0])
    project_id = None
    if project_code:
        project_id = find_project(run, project_code)
        if project_id is None:
            raise InputError(f"no project #{project_code.lstrip('#')}: give the code of an existing project", field="project")
    data = fetch(run, day.isoformat(), (day + timedelta(days=1)).isoformat(), project_id, serious)
    report = build(data, day, project_code.lstrip("#").upper() if project_code else None)
    return report

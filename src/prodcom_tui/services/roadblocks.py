"""Roadblocks, each kind one plain SQL query over live projects; the ranking rules live in domain.roadblocks.

Plain SQL (services/reading.py) so the morning screen can show them before SQLAlchemy is loaded.
"""

from __future__ import annotations

import sqlite3
from datetime import date

from prodcom_tui.domain import roadblocks as rb
from prodcom_tui.domain.dates import FRENCH_HOLIDAYS, add_working_days, working_days_between
from prodcom_tui.domain.vocab import OPEN_TASK_STATUSES, ROADBLOCK_RISK_SCORE

from .base import ServiceBase
from .reading import day, moment, rows, sql_list
from .system import setting

OPEN = sql_list(OPEN_TASK_STATUSES)

# CROSS JOIN keeps the live projects as the outer loop, their tasks read through (project_id, status):
# left to itself SQLite walked every open task of every project, archived ones included (BLOCKED 7.6 -> 3 ms).
OVERDUE = f"""
SELECT t.id, t.title, t.due_on, t.priority, t.assignee_id, pe.name, p.id, p.code
FROM project p CROSS JOIN task t ON t.project_id = p.id LEFT JOIN person pe ON pe.id = t.assignee_id
WHERE {{scope}} AND t.status IN {OPEN} AND t.due_on < :today
"""

BLOCKED = f"""
SELECT t.id, t.title, t.due_on, t.created_at, t.assignee_id, pe.name, p.id, p.code, MIN(b.due_on), COUNT(b.id)
FROM project p CROSS JOIN task t ON t.project_id = p.id
JOIN taskdependency d ON d.task_id = t.id JOIN task b ON b.id = d.depends_on_id LEFT JOIN person pe ON pe.id = t.assignee_id
WHERE {{scope}} AND t.status IN {OPEN} AND b.status IN {OPEN}
GROUP BY t.id, t.title, t.due_on, t.created_at, t.assignee_id, pe.name, p.id, p.code
"""

DELIVERIES = """
SELECT dv.id, dv.description, dv.expected_on, v.name, p.id, p.code
FROM delivery dv JOIN purchaseorder po ON po.id = dv.purchase_order_id JOIN vendor v ON v.id = po.vendor_id
JOIN budgetline bl ON bl.id = po.budget_line_id JOIN project p ON p.id = bl.project_id
WHERE {scope} AND dv.status IN ('scheduled', 'shipped') AND dv.expected_on < :today
"""

REVIEWS = """
SELECT r.id, r.round, r.submitted_on, r.reviewer_id, dl.name, p.id, p.code
FROM review r JOIN deliverable dl ON dl.id = r.deliverable_id JOIN project p ON p.id = dl.project_id
WHERE {scope} AND r.verdict = 'pending' AND r.submitted_on < :cutoff
"""

# Used = the larger of committed (live orders) and actual (expenses), as in domain.budget. Summed per line
# in scope (indexed look-ups), not grouped over every expense: 20 -> 6 ms on `large`. MATERIALIZED: SQLite
# would otherwise flatten the sums into each use of `used` and run them six times a line (27 -> 5 ms).
# The keyword needs SQLite 3.35 (2021); older ones (RHEL 9 ships 3.34) read the same query without it.
def budget_sql(materialized: bool) -> str:
    keyword = "MATERIALIZED" if materialized else ""
    return f"""
WITH s AS {keyword} (
  SELECT bl.id, bl.name, bl.estimate_minor, p.id AS project_id, p.code,
    COALESCE((SELECT SUM(po.amount_minor) FROM purchaseorder po
              WHERE po.budget_line_id = bl.id AND po.status <> 'cancelled'), 0) AS committed,
    COALESCE((SELECT SUM(e.amount_minor) FROM expense e WHERE e.budget_line_id = bl.id), 0) AS actual
  FROM budgetline bl JOIN project p ON p.id = bl.project_id WHERE {{scope}}
), l AS {keyword} (
  SELECT id, name, estimate_minor, project_id, code, MAX(committed, actual) AS used FROM s
)
SELECT l.id, l.name, l.estimate_minor, l.used, (SELECT MAX(e.spent_on) FROM expense e WHERE e.budget_line_id = l.id),
  l.project_id, l.code
FROM l
WHERE l.used * 100 >= l.estimate_minor * 90 AND l.used > 0
"""


BUDGET = budget_sql(sqlite3.sqlite_version_info >= (3, 35))

RISKS = """
SELECT r.id, r.title, r.likelihood, r.impact, r.created_on, r.owner_id, p.id, p.code
FROM risk r JOIN project p ON p.id = r.project_id
WHERE {scope} AND r.status IN ('open', 'mitigating') AND r.likelihood * r.impact >= :serious
"""


class RoadblockService(ServiceBase):
    def list(self, project_id: int | None = None) -> list[rb.Roadblock]:  # noqa: A003 - the shared API's name
        """Every roadblock of live projects (or of one project), most severe first, then oldest."""
        scope = "p.status = 'live'" + ("" if project_id is None else " AND p.id = :pid")
        pid = {} if project_id is None else {"pid": project_id}
        found: list[rb.Roadblock] = []
        with rows(self.store) as run:
            wait_days = int(setting(run, "review_wait_days"))
            today = {"today": self.today.isoformat(), **pid}
            found += self._overdue(run(OVERDUE.format(scope=scope), today))
            found += self._blocked(run(BLOCKED.format(scope=scope), pid))
            found += self._deliveries(run(DELIVERIES.format(scope=scope), today))
            found += self._budget(run(BUDGET.format(scope=scope), pid))
            found += self._risks(run(RISKS.format(scope=scope), {"serious": ROADBLOCK_RISK_SCORE, **pid}))
            # Late once it has waited longer than the setting: submitted before the day that many working days ago.
            cutoff = add_working_days(self.today, -wait_days, FRENCH_HOLIDAYS).isoformat()
            found += self._reviews(run(REVIEWS.format(scope=scope), {"cutoff": cutoff, **pid}), wait_days)
        return rb.ranked(found)

    def _late(self, since: date) -> int:
        return working_days_between(since, self.today, FRENCH_HOLIDAYS)

    def _overdue(self, found: list[tuple]) -> list[rb.Roadblock]:
        out = []
        for tid, title, due, prio, person, who, pid, code in found:
            due = day(due)
            out.append(rb.make("overdue_task", pid, code, _who(title, who), due,
                               rb.overdue_severity(self._late(due), prio), tid, person))
        return out

    def _blocked(self, found: list[tuple]) -> list[rb.Roadblock]:
        out, today = [], self.today
        for tid, title, due, created, person, who, pid, code, blocker_due, n in found:
            due, blocker_due, created = day(due), day(blocker_due), moment(created)
            # Blocked since the earliest blocker was due (if that has passed), else since the task exists.
            since = min(blocker_due, today) if blocker_due else (created.date() if created else today)
            to_due = (due - today).days if due else None
            what = _who(title, who) + f" · waits on {n} task{'s' if n > 1 else ''}"
            out.append(rb.make("blocked_task", pid, code, what, since, rb.blocked_severity(to_due), tid, person))
        return out

    def _deliveries(self, found: list[tuple]) -> list[rb.Roadblock]:
        return [rb.make("late_delivery", pid, code, f"{desc or 'delivery'} — {vendor}", day(expected),
                        rb.late_delivery_severity(self._late(day(expected))), did)
                for did, desc, expected, vendor, pid, code in found]

    def _reviews(self, found: list[tuple], wait_days: int) -> list[rb.Roadblock]:
        out = []
        for rid, rnd, submitted, reviewer, name, pid, code in found:
            late = self._late(day(submitted))
            if late <= wait_days:  # the SQL cutoff counts a weekend or holiday `today` as a working day
                continue
            out.append(rb.make("review_waiting", pid, code, f"{name}, round {rnd} · {late} working days",
                               day(submitted), rb.review_severity(late, wait_days), rid, reviewer))
        return out

    def _budget(self, found: list[tuple]) -> list[rb.Roadblock]:
        out = []
        for lid, name, estimate, spent, last, pid, code in found:
            kind = rb.budget_kind(estimate, spent)
            if kind is not None:
                pct = f"{100 * spent // estimate} %" if estimate else "no estimate"
                out.append(rb.make(kind, pid, code, f"{name} · {pct}", day(last) or self.today,
                                   rb.budget_severity(estimate, spent), lid))
        return out

    def _risks(self, found: list[tuple]) -> list[rb.Roadblock]:
        return [rb.make("risk", pid, code, f"{title} · score {lk * im}", day(created) or self.today,
                        rb.risk_severity(lk, im) or 2, rid, owner)
                for rid, title, lk, im, created, owner, pid, code in found]


def _who(title: str, who: str | None) -> str:
    return f"{title} — {who}" if who else title

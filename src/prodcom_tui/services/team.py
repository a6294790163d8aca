"""The team pane: per person, what is done, due, stuck and the week's hours; and the tasks grouped by person.

Plain SQL (services/reading.py) so the morning screen can show them before SQLAlchemy is loaded.
"""

from __future__ import annotations

from datetime import date

from prodcom_tui.domain.dates import FRENCH_HOLIDAYS, previous_working_day, week_bounds
from prodcom_tui.domain.morning import PersonBoard, TeamTaskRow
from prodcom_tui.domain.vocab import OPEN_TASK_STATUSES

from .base import ServiceBase, like
from .reading import TextSource, day, like_any, like_sql, names_like, rows, sql_list

OPEN = sql_list(OPEN_TASK_STATUSES)
BLOCKED = f"""EXISTS (SELECT 1 FROM taskdependency d JOIN task b ON b.id = d.depends_on_id
                WHERE d.task_id = t.id AND b.status IN {OPEN})"""

# Counted per assignee over live projects' tasks, then joined to people. "Stuck" asks each open task
# for an open blocker through the (task_id, depends_on_id) key; an IN list of every blocked task of
# every project, built at each read, cost most of the board (17 -> 4 ms on `large`).
BOARD = f"""
WITH per_person AS (
  SELECT t.assignee_id,
    SUM(CASE WHEN t.status = 'done' AND t.done_at >= :since THEN 1 ELSE 0 END) AS done,
    SUM(CASE WHEN t.status IN {OPEN} AND t.due_on = :today THEN 1 ELSE 0 END) AS today,
    SUM(CASE WHEN t.status IN {OPEN} AND t.due_on < :today THEN 1 ELSE 0 END) AS late,
    SUM(CASE WHEN t.status IN {OPEN} AND {BLOCKED} THEN 1 ELSE 0 END) AS stuck,
    SUM(CASE WHEN t.status IN {OPEN} AND t.due_on <= :sunday THEN t.estimate_hours ELSE 0 END) AS hours
  FROM task t JOIN project p ON p.id = t.project_id WHERE p.status = 'live' AND t.assignee_id IS NOT NULL
  GROUP BY t.assignee_id)
SELECT pe.id, pe.name, pe.handle, COALESCE(t.done, 0), COALESCE(t.today, 0), COALESCE(t.late, 0),
  COALESCE(t.stuck, 0), COALESCE(t.hours, 0), pe.weekly_capacity_hours
FROM person pe LEFT JOIN per_person t ON t.assignee_id = pe.id
WHERE pe.active = :yes
ORDER BY pe.name
"""

# Why a task is listed, and the order of those groups (done, late, today, blocked, next) within a person.
GROUP = (f"CASE WHEN t.status = 'done' THEN 'done' WHEN {BLOCKED} THEN 'blocked' WHEN t.due_on < :today THEN 'late' "
         "WHEN t.due_on = :today THEN 'today' ELSE 'next' END")
RANK = (f"CASE WHEN t.status = 'done' THEN 0 WHEN {BLOCKED} THEN 3 WHEN t.due_on < :today THEN 1 "
        "WHEN t.due_on = :today THEN 2 ELSE 4 END")
PERSON = "COALESCE(pe.name, '(unassigned)')"
TASK_COLUMNS = (f"t.id, {PERSON}, t.assignee_id, pe.handle, {GROUP}, t.title, p.code, t.due_on, t.status, "
                "t.priority, t.estimate_hours")
TASK_ORDER = (f"CASE WHEN pe.id IS NULL THEN 1 ELSE 0 END, {PERSON}, {RANK}, "
              "CASE WHEN t.due_on IS NULL THEN 1 ELSE 0 END, t.due_on, t.priority, t.id")
TASKS = f"""FROM task t JOIN project p ON p.id = t.project_id LEFT JOIN person pe ON pe.id = t.assignee_id
WHERE p.status = 'live' AND (t.status IN {OPEN} OR (t.status = 'done' AND t.done_at >= :since))"""
# Project and person are matched in their own tables, not on each joined row (services/reading.py).
TASK_FILTER = like_any(("t.title",), names_like("t.project_id", "project", ("code",)),
                       names_like("t.assignee_id", "person", ("name", "handle")),
                       "(t.assignee_id IS NULL AND " + like_sql("'(unassigned)'") + ")")


def _since(today: date) -> str:
    """Done since the start of the last working day: compared as text with SQLite's stored timestamps."""
    return previous_working_day(today, FRENCH_HOLIDAYS).isoformat()


class TeamService(ServiceBase):
    def board(self, today: date | None = None) -> list[PersonBoard]:
        """Every active person, by name; counts cover tasks of live projects only."""
        today = today or self.today
        params = {"since": _since(today), "today": today.isoformat(), "sunday": week_bounds(today)[1].isoformat(),
                  "yes": True}
        with rows(self.store) as run:
            found = run(BOARD, params)
        return [PersonBoard(pid, name, handle, *(int(v) for v in counts)) for pid, name, handle, *counts in found]

    def tasks_source(self) -> TextSource:
        """The team pane's rows (open tasks and those done since the last working day) as a windowed source."""
        today = self.today

        def build(text: str) -> tuple[str, dict]:
            params = {"today": today.isoformat(), "since": _since(today)}
            if not text:
                return TASKS, params
            return f"{TASKS} AND {TASK_FILTER}", {**params, "pattern": like(text)}

        return TextSource(self.store, TASK_COLUMNS, TASK_ORDER, build, _task_row)

    def task_position(self, task_id: int, text: str = "") -> int | None:
        """Where a task sits in the team list (so a roadblock's enter can put the cursor on it)."""
        ids = self.tasks_source().ids(text)
        return ids.index(task_id) if task_id in ids else None


def _task_row(row: tuple) -> TeamTaskRow:
    return TeamTaskRow(*row[:7], day(row[7]), *row[8:])

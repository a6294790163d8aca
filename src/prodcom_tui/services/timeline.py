"""The timeline strip's data: live projects with their deliverables and how far behind each one's tasks are.

Plain SQL (services/reading.py) so the morning screen can show them before SQLAlchemy is loaded.
"""

from __future__ import annotations

from prodcom_tui.domain.timeline import Lane, Milestone
from prodcom_tui.domain.vocab import OPEN_TASK_STATUSES

from .base import ServiceBase
from .reading import day, rows, sql_list

# Late open tasks counted per deliverable first, through the (status, due_on) index: joining every
# deliverable to its tasks made SQLite build an index on task.deliverable_id at each read (30 -> 5 ms).
MILESTONES = f"""
WITH behind AS (
  SELECT t.deliverable_id AS did, COUNT(*) AS n FROM task t
  WHERE t.status IN {sql_list(OPEN_TASK_STATUSES)} AND t.due_on < :today AND t.deliverable_id IS NOT NULL
  GROUP BY t.deliverable_id)
SELECT dl.id, dl.project_id, dl.name, dl.due_on, dl.status, COALESCE(b.n, 0)
FROM deliverable dl JOIN project p ON p.id = dl.project_id LEFT JOIN behind b ON b.did = dl.id
WHERE p.status = 'live' AND dl.due_on IS NOT NULL
ORDER BY dl.due_on
"""

PROJECTS = """
SELECT p.id, p.code, p.name, p.start_on, p.delivery_on, p.health_override
FROM project p WHERE p.status = 'live'
ORDER BY CASE WHEN p.delivery_on IS NULL THEN 1 ELSE 0 END, p.delivery_on, p.code
"""


class TimelineService(ServiceBase):
    def lanes(self) -> list[Lane]:
        """One lane per live project, by delivery date; a few dozen rows, so the screen keeps them all."""
        by_project: dict[int, list[Milestone]] = {}
        with rows(self.store) as run:
            for did, pid, name, due, status, behind in run(MILESTONES, {"today": self.today.isoformat()}):
                by_project.setdefault(pid, []).append(Milestone(did, name, day(due), status, int(behind)))
            found = run(PROJECTS, {})
        return [Lane(pid, code, name, day(start), day(delivery), health, tuple(by_project.get(pid, ())))
                for pid, code, name, start, delivery, health in found]

"""Task writes: the one path for creating and changing tasks."""

from __future__ import annotations

from datetime import date

from sqlmodel import select

from prodcom_tui.domain.dates import parse_date
from prodcom_tui.domain.errors import InputError
from prodcom_tui.domain.text import clean_text
from prodcom_tui.store.models import Person, Project, Task

from .base import ServiceBase, not_found


class TaskService(ServiceBase):
    def create(self, title: str, project: str, assignee: str = "", due: str = "", priority: int = 2) -> int:
        """Create a task from what a person typed; raises InputError naming the bad field."""
        clean = clean_text(title, field="title", required=True, max_len=200)
        due_on = self._due(due)
        with self.store.writing("task.create", f"New task: {clean}") as s:
            project_id = _project_id(s, project)
            task = Task(
                project_id=project_id, title=clean, assignee_id=_person_id(s, assignee),
                due_on=due_on, priority=priority, created_at=self.store.clock.now(),
            )
            s.add(task)
            s.flush()
            return int(task.id)

    def _due(self, text: str) -> date | None:
        return parse_date(text, self.today) if text.strip() else None


def _project_id(s, code: str) -> int:  # noqa: ANN001
    key = code.strip().lstrip("#")
    if not key:
        raise InputError("the project is missing: type its code, e.g. #VERA-PRINTEMPS", field="project")
    found = s.exec(select(Project.id).where(Project.code.ilike(key))).first()
    if found is None:
        raise not_found("project", f"#{key}", "type the code of an existing project").with_field("project")
    return int(found)


def _person_id(s, handle: str) -> int | None:  # noqa: ANN001
    key = handle.strip().lstrip("@")
    if not key:
        return None
    found = s.exec(select(Person.id).where(Person.handle.ilike(key))).first()
    if found is None:
        raise not_found("person", f"@{key}", "type the handle of a team member").with_field("assignee")
    return int(found)

"""Task writes, each one recorded batch (the team pane's list is services/team.py's)."""

from __future__ import annotations

from datetime import date

from sqlmodel import select

from prodcom_tui.domain.dates import parse_date
from prodcom_tui.domain.errors import InputError
from prodcom_tui.domain.morning import TaskDetail
from prodcom_tui.domain.text import clean_text
from prodcom_tui.store.models import Note, Person, Project, Task, TaskDependency

from . import task_rules
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

    def _label(self, ids: list[int]) -> str:
        """Name the tasks in the change log, so undo and the evening report say what moved."""
        with self.store.reading() as s:
            rows = s.exec(
                select(Task.title, Project.code).join(Project, Project.id == Task.project_id)
                .where(Task.id.in_(ids[:2])).order_by(Task.id)
            ).all()
        return _described([tuple(r) for r in rows], len(ids)) if rows else _count(ids)

    def set_done(self, ids: list[int], done: bool) -> int:
        """Mark tasks done (or open again); returns how many changed."""
        kind, verb = ("task.done", "Done") if done else ("task.reopen", "Reopened")
        with self.store.writing(kind, f"{verb}: {self._label(ids)}") as s:
            changed = 0
            for task in _tasks(s, ids):
                if (task.status == "done") != done:
                    task.status, task.done_at = ("done", self.store.clock.now()) if done else ("todo", None)
                    changed += 1
            return changed

    def set_due(self, ids: list[int], text: str) -> int:
        """Set (or, with empty text, clear) the due date; returns how many tasks were touched."""
        try:
            due_on = self._due(text)
        except InputError as exc:
            raise exc.with_field("due") from None
        with self.store.writing("task.due", f"Due {due_on or 'cleared'}: {self._label(ids)}") as s:
            tasks = _tasks(s, ids)
            for task in tasks:
                task.due_on = due_on
            return len(tasks)

    def reassign(self, ids: list[int], handle: str) -> int:
        shown = handle.strip().lstrip("@") or "nobody"
        with self.store.writing("task.reassign", f"Reassigned to @{shown}: {self._label(ids)}") as s:
            person = _person_id(s, handle, field="assignee")
            tasks = _tasks(s, ids)
            for task in tasks:
                task.assignee_id = person
            return len(tasks)

    def detail(self, task_id: int) -> TaskDetail:
        with self.store.reading() as s:
            row = s.exec(
                select(Task, Project.code, Person.handle).join(Project, Project.id == Task.project_id)
                .outerjoin(Person, Person.id == Task.assignee_id).where(Task.id == task_id)
            ).first()
            if row is None:
                raise not_found("task", task_id, "it may have been deleted")
            deps = s.exec(select(TaskDependency.depends_on_id).where(TaskDependency.task_id == task_id)).all()
        task, code, handle = row
        return TaskDetail(task.id, task.title, code, handle or "", task.due_on, task.priority, task.estimate_hours,
                          tuple(sorted(deps)))

    def edit(self, task_id: int, **fields: str) -> None:
        """Change any of title, project, assignee, due, priority, estimate, depends_on (all checked first)."""
        values = task_rules.parse_fields(fields, self._due)
        with self.store.writing("task.edit", f"Edited task {task_id}") as s:
            task = s.get(Task, task_id)
            if task is None:
                raise not_found("task", task_id, "it may have been deleted")
            if "project" in fields:
                values["project_id"] = _project_id(s, fields["project"])
            if "assignee" in fields:
                values["assignee_id"] = _person_id(s, fields["assignee"], field="assignee")
            deps = values.pop("depends_on", None)
            for name, value in values.items():
                setattr(task, name, value)
            if deps is not None:
                task_rules.replace_dependencies(s, task_id, deps)

    def add_note(self, person_id: int, body: str, task_id: int | None = None) -> int:
        clean = clean_text(body, field="body", required=True, max_len=2000, multiline=True)
        with self.store.writing("note.create", f"Feedback: {clean[:60]}") as s:
            if s.get(Person, person_id) is None:
                raise not_found("person", person_id, "pick a task with an assignee").with_field("body")
            note = Note(person_id=person_id, task_id=task_id, body=clean, created_at=self.store.clock.now())
            s.add(note)
            s.flush()
            return int(note.id)


def _count(ids: list[int]) -> str:
    return f"task {ids[0]}" if len(ids) == 1 else f"{len(ids)} tasks"


def _described(rows: list[tuple[str, str]], total: int) -> str:
    """“Title” (CODE) for one task, the first two titles and a count for several: what the report shows."""
    shown = [f"“{title}” ({code})" for title, code in rows[:2]]
    more = total - len(shown)
    return ", ".join(shown) + (f" and {more} more" if more > 0 else "")


def _tasks(s, ids: list[int]) -> list[Task]:  # noqa: ANN001
    if not ids:
        raise InputError("no task selected: move to a task or mark some with x")
    return list(s.exec(select(Task).where(Task.id.in_(ids))))


def _project_id(s, code: str) -> int:  # noqa: ANN001
    key = code.strip().lstrip("#")
    if not key:
        raise InputError("the project is missing: type its code, e.g. #VERA-PRINTEMPS", field="project")
    found = s.exec(select(Project.id).where(Project.code.ilike(key))).first()
    if found is None:
        raise not_found("project", f"#{key}", "type the code of an existing project").with_field("project")
    return int(found)


def _person_id(s, handle: str, field: str = "assignee") -> int | None:  # noqa: ANN001
    key = handle.strip().lstrip("@")
    if not key:
        return None
    found = s.exec(select(Person.id).where(Person.handle.ilike(key))).first()
    if found is None:
        raise not_found("person", f"@{key}", "type the handle of a team member").with_field(field)
    return int(found)


"""Retro-planning from templates, and moving a task with its dependants (one recorded transaction each)."""

from __future__ import annotations

import re
from collections.abc import Container
from datetime import date

from sqlalchemy import func
from sqlmodel import select

from prodcom_tui.domain.dates import FRENCH_HOLIDAYS, format_date, parse_date
from prodcom_tui.domain.errors import InputError
from prodcom_tui.domain.planning import (
    PlanDraft, SlipDraft, Step, Template, check_steps, dependants_closure, retro_plan, shift_all, slip_days,
)
from prodcom_tui.domain.text import clean_text
from prodcom_tui.store.models import Holiday, PlanTemplate, PlanTemplateStep, Project, Task, TaskDependency

from .base import ServiceBase, not_found

CODE = re.compile(r"[A-Z0-9][A-Z0-9-]{1,29}")


class PlanningService(ServiceBase):
    def templates(self) -> list[Template]:
        with self.store.reading() as s:
            heads = s.exec(select(PlanTemplate).order_by(PlanTemplate.name)).all()
            steps = s.exec(select(PlanTemplateStep).order_by(PlanTemplateStep.template_id, PlanTemplateStep.position)).all()
        by_template: dict[int, list[Step]] = {}
        for st in steps:
            by_template.setdefault(st.template_id, []).append(Step(st.title, st.lead_days, st.role))
        return [Template(t.id, t.name, t.kind, tuple(by_template.get(t.id, ()))) for t in heads]

    def holidays(self) -> Container[date]:
        """The holidays kept in the database (editable); the French list when there are none."""
        with self.store.reading() as s:
            days = set(s.exec(select(Holiday.day)).all())
        return days or FRENCH_HOLIDAYS

    def holiday_list(self) -> list[tuple[date, str]]:
        with self.store.reading() as s:
            return [(h.day, h.label) for h in s.exec(select(Holiday).order_by(Holiday.day))]

    def add_holiday(self, day: str, label: str) -> date:
        """A day off the plans skip (a bridge day, the agency's own closure)."""
        try:
            when = parse_date(day, self.today)
        except InputError as exc:
            raise exc.with_field("day") from None
        name = clean_text(label, field="label", required=True, max_len=80)
        with self.store.reading() as s:
            if s.get(Holiday, when) is not None:
                raise InputError(f"{format_date(when)} {when.year} is already a holiday", field="day")
        with self.store.writing("holiday.create", f"Holiday {format_date(when)} {when.year}: {name}") as s:
            s.add(Holiday(day=when, label=name))
        return when

    def remove_holiday(self, day: date) -> None:
        with self.store.writing("holiday.delete", f"No longer a holiday: {format_date(day)} {day.year}") as s:
            found = s.get(Holiday, day)
            if found is None:
                raise not_found("holiday", format_date(day), "it may have been removed already")
            s.delete(found)

    def preview(self, values: dict[str, str]) -> PlanDraft:
        """Check the form and place the steps; nothing is written until `create`."""
        template = self._template(values.get("template", ""))
        code = values.get("code", "").strip().lstrip("#").upper()
        if not CODE.fullmatch(code):
            raise InputError("the code is 2 to 30 letters, digits or dashes, e.g. VERA-ETE", field="code")
        name = clean_text(values.get("name", ""), field="name", required=True, max_len=120)
        client = clean_text(values.get("client", ""), field="client", max_len=120)
        try:
            delivery = parse_date(values.get("delivery", ""), self.today)
        except InputError as exc:
            raise exc.with_field("delivery") from None
        with self.store.reading() as s:
            if s.exec(select(Project.id).where(func.lower(Project.code) == code.lower())).first() is not None:
                raise InputError(f"#{code} is already a project: choose another code", field="code")
        plan = retro_plan(delivery, template.steps, self.today, self.holidays())
        return PlanDraft(template.name, template.kind, code, name, client, plan)

    def create(self, draft: PlanDraft) -> int:
        """The project and one task per step, each waiting on the step before it."""
        with self.store.writing("project.plan", f"New project {draft.code} planned back from {format_date(draft.plan.delivery)}") as s:
            now = self.store.clock.now()
            project = Project(code=draft.code, name=draft.name, client=draft.client, kind=draft.kind,
                              start_on=draft.plan.start, delivery_on=draft.plan.delivery, created_at=now)
            s.add(project)
            s.flush()
            tasks = [Task(project_id=project.id, title=step.title, due_on=step.end, created_at=now) for step in draft.plan.steps]
            s.add_all(tasks)
            s.flush()
            s.add_all(TaskDependency(task_id=b.id, depends_on_id=a.id) for a, b in zip(tasks, tasks[1:]))
            return int(project.id)

    def update_step(self, template_id: int, position: int, title: str, lead_days: str) -> None:
        """Edit one step of a template; lead times are whole working days, 0 for a milestone."""
        clean = clean_text(title, field="title", required=True, max_len=120)
        raw = lead_days.strip()
        if not (raw.isascii() and raw.lstrip("-").isdigit()):
            raise InputError(f"lead time {raw!r} is not a whole number of working days", field="lead_days")
        check_steps([Step(clean, int(raw))])
        with self.store.writing("template.update", f"Template step {position}: {clean}, {int(raw)} working days") as s:
            step = s.exec(select(PlanTemplateStep).where(
                PlanTemplateStep.template_id == template_id, PlanTemplateStep.position == position)).first()
            if step is None:
                raise not_found("template step", position, "it may have been deleted")
            step.title, step.lead_days = clean, int(raw)
            s.add(step)

    def slip_preview(self, task_id: int, new_due: str) -> SlipDraft:
        """What moving a task would do: by how many working days, and which dependants would follow."""
        try:
            new = parse_date(new_due, self.today)
        except InputError as exc:
            raise exc.with_field("due") from None
        holidays = self.holidays()
        with self.store.reading() as s:
            task = s.get(Task, task_id)
            if task is None:
                raise not_found("task", task_id, "it may have been deleted")
            edges = s.exec(select(TaskDependency.task_id, TaskDependency.depends_on_id)).all()
            waiting = dependants_closure(task_id, edges)
            rows = s.exec(select(Task.id, Task.title, Task.due_on).where(
                Task.id.in_(waiting), Task.status.in_(("todo", "doing")))).all() if waiting else []
        by = slip_days(task.due_on, new, holidays) if task.due_on else 0
        moved = shift_all({tid: due for tid, _, due in rows}, by, holidays) if by else {}
        deps = tuple((tid, title, due, moved[tid]) for tid, title, due in rows if tid in moved)
        return SlipDraft(task_id, task.title, task.due_on, new, by, deps)

    def slip_offer(self, task_id: int, new_due: str) -> SlipDraft | None:
        """The shift worth offering: the task slips later and dated open tasks wait on it; None otherwise."""
        if not new_due.strip():
            return None  # clearing a due date says nothing about when the others can start
        draft = self.slip_preview(task_id, new_due)
        return draft if draft.by > 0 and draft.dependants else None

    def move_task(self, draft: SlipDraft, shift_dependants: bool) -> int:
        """Move the task, and its dependants too when asked; returns how many tasks moved."""
        moves = {draft.task_id: draft.new}
        if shift_dependants:
            moves.update({tid: new for tid, _, _, new in draft.dependants})
        extra = f" and {len(moves) - 1} dependants" if len(moves) > 1 else ""
        with self.store.writing("task.reschedule", f"Moved {draft.title} to {format_date(draft.new)}{extra}") as s:
            for tid, due in moves.items():
                task = s.get(Task, tid)
                if task is None:
                    raise not_found("task", tid, "it may have been deleted")
                task.due_on = due
                s.add(task)
        return len(moves)

    def _template(self, text: str) -> Template:
        key = text.strip().lower()
        found = self.templates()
        for i, t in enumerate(found, 1):
            if key in (str(i), t.name.lower(), t.kind):
                return t
        names = ", ".join(f"{i} {t.name}" for i, t in enumerate(found, 1))
        raise InputError(f"{text.strip()!r} is not a template: type one of {names}", field="template")

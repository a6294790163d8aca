"""Rétroplanning: place a template's steps backwards from the delivery date, in working days."""

from __future__ import annotations

from collections.abc import Container, Iterable, Mapping
from dataclasses import dataclass
from datetime import date

from .dates import add_working_days, format_date, is_working_day, previous_working_day, working_days_between
from .errors import InputError


@dataclass(frozen=True, slots=True)
class Step:
    title: str
    lead_days: int
    role: str = ""


@dataclass(frozen=True, slots=True)
class PlannedStep:
    title: str
    start: date
    end: date
    lead_days: int
    role: str = ""


@dataclass(frozen=True, slots=True)
class Plan:
    delivery: date
    steps: tuple[PlannedStep, ...]
    late_by: int  # working days the first step already lies in the past (0 when it does not)
    notes: tuple[str, ...] = ()

    @property
    def start(self) -> date:
        return self.steps[0].start if self.steps else self.delivery


def check_steps(steps: Iterable[Step]) -> list[Step]:
    steps = list(steps)
    if not steps:
        raise InputError("the template has no steps: add at least one step with its lead time", field="template")
    for step in steps:
        if step.lead_days < 0:
            raise InputError(
                f"step {step.title!r} has a lead time of {step.lead_days} days: lead times are 0 (a milestone) or more",
                field="template",
            )
    return steps


def retro_plan(delivery: date, steps: Iterable[Step], today: date, holidays: Container[date]) -> Plan:
    """Each step ends the working day before the next one starts; the last one ends on delivery.

    A step of n working days covers n working days ending on its end day; a 0-day step is a milestone
    on the day the step before it ends.
    """
    steps = check_steps(steps)
    if delivery < today:
        raise InputError(
            f"the delivery date {format_date(delivery)} {delivery.year} is in the past: give a date from today on",
            field="delivery",
        )
    notes: list[str] = []
    end = delivery
    if not is_working_day(delivery, holidays):
        end = previous_working_day(delivery, holidays)
        notes.append(f"{format_date(delivery)} is not a working day: the last step ends on {format_date(end)}")
    placed: list[PlannedStep] = []
    for step in reversed(steps):
        start = add_working_days(end, -(step.lead_days - 1), holidays) if step.lead_days else end
        placed.append(PlannedStep(step.title, start, end, step.lead_days, step.role))
        end = previous_working_day(start, holidays) if step.lead_days else end
    placed.reverse()
    first = placed[0].start
    late_by = working_days_between(first, today, holidays) if first < today else 0
    if late_by:
        notes.append(f"the first step should have started {late_by} working day{'s' if late_by != 1 else ''} ago")
    return Plan(delivery, tuple(placed), late_by, tuple(notes))


def slip_days(old: date, new: date, holidays: Container[date]) -> int:
    """Working days a task moved by: positive when it slipped later."""
    return working_days_between(old, new, holidays)


def shift_all(due: Mapping[int, date | None], by: int, holidays: Container[date]) -> dict[int, date]:
    """Move every dated task by `by` working days (undated ones stay undated)."""
    return {tid: add_working_days(d, by, holidays) for tid, d in due.items() if d is not None}


def dependants_closure(start: int, edges: Iterable[tuple[int, int]]) -> list[int]:
    """Every task that waits, directly or through others, on `start`; edges are (task, depends_on)."""
    waiting: dict[int, list[int]] = {}
    for task, depends_on in edges:
        waiting.setdefault(depends_on, []).append(task)
    seen: list[int] = []
    stack = list(waiting.get(start, ()))
    while stack:
        tid = stack.pop()
        if tid in seen or tid == start:
            continue
        seen.append(tid)
        stack.extend(waiting.get(tid, ()))
    return sorted(seen)


@dataclass(frozen=True, slots=True)
class Template:
    id: int
    name: str
    kind: str
    steps: tuple[Step, ...]

    @property
    def total_days(self) -> int:
        return sum(s.lead_days for s in self.steps)


@dataclass(frozen=True, slots=True)
class PlanDraft:
    """A new project and its plan, shown for confirmation before anything is written."""

    template: str
    kind: str
    code: str
    name: str
    client: str
    plan: Plan


@dataclass(frozen=True, slots=True)
class SlipDraft:
    """A task moved to a new due date, and the dependants that would move with it."""

    task_id: int
    title: str
    old: date | None
    new: date
    by: int  # working days; positive when it slipped later
    dependants: tuple[tuple[int, str, date, date], ...]  # (id, title, old due, new due)

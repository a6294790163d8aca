"""Helpers of the task service: field parsing and dependency cycles."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date
from typing import Any

from sqlalchemy import select

from prodcom_tui.domain.errors import InputError
from prodcom_tui.domain.text import clean_text
from prodcom_tui.store.models import Task, TaskDependency

PRIORITY_WORDS = {"1": 1, "high": 1, "haute": 1, "2": 2, "normal": 2, "normale": 2, "3": 3, "low": 3, "basse": 3}


def parse_fields(fields: dict[str, str], due: Callable[[str], date | None]) -> dict[str, Any]:
    """Typed values of an edit form, before any write; InputError names the field."""
    out: dict[str, Any] = {}
    if "title" in fields:
        out["title"] = clean_text(fields["title"], field="title", required=True, max_len=200)
    if "due" in fields:
        try:
            out["due_on"] = due(fields["due"])
        except InputError as exc:
            raise exc.with_field("due") from None
    if "priority" in fields:
        out["priority"] = _priority(fields["priority"])
    if "estimate" in fields:
        out["estimate_hours"] = _hours(fields["estimate"])
    if "depends_on" in fields:
        out["depends_on"] = parse_ids(fields["depends_on"])
    return out


def _priority(text: str) -> int:
    key = text.strip().lower() or "2"
    if key not in PRIORITY_WORDS:
        raise InputError(f"priority {text.strip()!r} is unknown: type 1 (high), 2 (normal) or 3 (low)", field="priority")
    return PRIORITY_WORDS[key]


def _hours(text: str) -> int:
    key = text.strip().lower().removesuffix("h").strip() or "0"
    if not key.isascii() or not key.isdigit() or int(key) > 1000:
        raise InputError(f"estimate {text.strip()!r} is not a number of hours: type a whole number from 0 to 1000",
                         field="estimate")
    return int(key)


def parse_ids(text: str) -> list[int]:
    """`12, #15 16` -> [12, 15, 16]."""
    ids = []
    for token in re.split(r"[\s,;]+", text.strip()):
        key = token.lstrip("#")
        if not key:
            continue
        if not key.isascii() or not key.isdigit():
            raise InputError(f"{token!r} is not a task number: type task numbers like 12, 15", field="depends_on")
        ids.append(int(key))
    return sorted(set(ids))


def replace_dependencies(s, task_id: int, deps: list[int]) -> None:  # noqa: ANN001
    """Set what `task_id` waits on, refusing itself, unknown tasks and any cycle."""
    if task_id in deps:
        raise InputError(f"task {task_id} cannot depend on itself", field="depends_on")
    known = set(s.execute(select(Task.id).where(Task.id.in_(deps))).scalars())
    if missing := [d for d in deps if d not in known]:
        raise InputError(f"no task {', '.join(map(str, missing))}: type numbers of existing tasks", field="depends_on")
    for dep in deps:
        path = _path(s, dep, task_id)
        if path is not None:
            raise InputError(_cycle_message(s, task_id, path), field="depends_on")
    current = set(s.execute(select(TaskDependency.depends_on_id).where(TaskDependency.task_id == task_id)).scalars())
    for gone in current - set(deps):
        s.delete(s.get(TaskDependency, (task_id, gone)))
    for new in set(deps) - current:
        s.add(TaskDependency(task_id=task_id, depends_on_id=new))


def _path(s, start: int, goal: int) -> list[int] | None:  # noqa: ANN001
    """The chain of dependencies from `start` down to `goal`, walked one level per query, or None."""
    parent: dict[int, int | None] = {start: None}
    frontier = [start]
    while frontier:
        if goal in frontier:
            chain, node = [], goal
            while node is not None:
                chain.append(node)
                node = parent[node]
            return chain[::-1]
        rows = s.execute(select(TaskDependency.task_id, TaskDependency.depends_on_id)
                         .where(TaskDependency.task_id.in_(frontier))).all()
        frontier = []
        for child, dep in rows:
            if dep not in parent:
                parent[dep] = child
                frontier.append(dep)
    return None


def _cycle_message(s, task_id: int, path: list[int]) -> str:  # noqa: ANN001
    titles = dict(s.execute(select(Task.id, Task.title).where(Task.id.in_([task_id, *path]))).all())
    chain = " → ".join(f"#{t} “{titles.get(t, '?')[:40]}”" for t in [task_id, *path])
    return f"that would make a loop: {chain}; remove one of these dependencies"

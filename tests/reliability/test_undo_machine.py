"""Create / edit / delete / undo in any order: the database always equals a simple model of it."""

from __future__ import annotations

import functools
import sqlite3
import tempfile
from datetime import date
from pathlib import Path

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, precondition, rule
from sqlmodel import select

from prodcom_tui.domain.clock import Clock
from prodcom_tui.services.facade import Services
from prodcom_tui.store.models import BudgetLine, Expense, Project, Task
from prodcom_tui.store.store import memory_store

names = st.text(st.characters(exclude_categories=("Cs", "Cc")), min_size=1, max_size=30)


@functools.cache
def schema_template() -> Path:
    """The migrated, empty schema, made once per run (Alembic costs a few hundred ms each time)."""
    from prodcom_tui.store.open import open_store

    path = Path(tempfile.mkdtemp(prefix="undo-schema-")) / "schema.db"
    open_store(path).dispose()
    return path


def copy_schema_into(store) -> None:  # noqa: ANN001
    raw = store.write_engine.raw_connection()
    try:
        with sqlite3.connect(schema_template()) as template:
            template.backup(raw.driver_connection)
    finally:
        raw.close()


class UndoMachine(RuleBasedStateMachine):
    """The model is three dicts; each recorded change pushes the previous model, each undo pops it."""

    def __init__(self) -> None:
        super().__init__()
        self.store = memory_store(Clock(date(2026, 11, 26)))
        self.services = Services(self.store)
        copy_schema_into(self.store)
        with self.store.raw_writing() as s:  # the base every change builds on; not undoable
            s.add(Project(id=1, code="BASE", name="Base"))
            s.flush()
            s.add(BudgetLine(id=1, project_id=1, name="Print", estimate_minor=100_000))
        self.model = {"project": {1: "Base"}, "task": {}, "expense": {}}
        self.history: list[dict] = []
        self.serial = 0

    def change(self, kind: str):  # noqa: ANN201
        self.history.append({table: dict(rows) for table, rows in self.model.items()})
        return self.store.writing(kind, kind)

    @rule(name=names)
    def create_project(self, name: str) -> None:
        self.serial += 1
        with self.change("project.create") as s:
            project = Project(code=f"P{self.serial}", name=name)
            s.add(project)
            s.flush()
            self.model["project"][project.id] = name

    @rule(data=st.data(), title=names)
    def create_task(self, data, title: str) -> None:  # noqa: ANN001
        project_id = data.draw(st.sampled_from(sorted(self.model["project"])))
        with self.change("task.create") as s:
            task = Task(project_id=project_id, title=title)
            s.add(task)
            s.flush()
            self.model["task"][task.id] = (project_id, title, "todo")

    @rule(amount=st.integers(-10**9, 10**9))
    def create_expense(self, amount: int) -> None:
        with self.change("expense.create") as s:
            expense = Expense(budget_line_id=1, amount_minor=amount, spent_on=date(2026, 11, 26))
            s.add(expense)
            s.flush()
            self.model["expense"][expense.id] = amount

    @precondition(lambda self: self.model["task"])
    @rule(data=st.data(), title=names, status=st.sampled_from(["todo", "doing", "done", "cancelled"]))
    def edit_task(self, data, title: str, status: str) -> None:  # noqa: ANN001
        task_id = data.draw(st.sampled_from(sorted(self.model["task"])))
        with self.change("task.edit") as s:
            task = s.get(Task, task_id)
            task.title, task.status = title, status
            task.done_at = self.store.clock.now() if status == "done" else None  # the schema ties them
            self.model["task"][task_id] = (task.project_id, title, status)

    @rule(data=st.data(), name=names)
    def rename_project(self, data, name: str) -> None:  # noqa: ANN001
        project_id = data.draw(st.sampled_from(sorted(self.model["project"])))
        with self.change("project.edit") as s:
            s.get(Project, project_id).name = name
            self.model["project"][project_id] = name

    @precondition(lambda self: self.model["task"] or self.model["expense"])
    @rule(data=st.data())
    def delete_something(self, data) -> None:  # noqa: ANN001
        table = data.draw(st.sampled_from([t for t in ("task", "expense") if self.model[t]]))
        row_id = data.draw(st.sampled_from(sorted(self.model[table])))
        with self.change(f"{table}.delete") as s:
            s.delete(s.get(Task if table == "task" else Expense, row_id))
            del self.model[table][row_id]

    @precondition(lambda self: len(self.model["project"]) > 1)
    @rule(data=st.data())
    def delete_project(self, data) -> None:  # noqa: ANN001
        """A project goes with its tasks (the database cascades): undo must bring both back."""
        project_id = data.draw(st.sampled_from(sorted(set(self.model["project"]) - {1})))
        with self.change("project.delete") as s:
            s.delete(s.get(Project, project_id))
            del self.model["project"][project_id]
            self.model["task"] = {k: v for k, v in self.model["task"].items() if v[0] != project_id}

    @rule()
    def undo(self) -> None:
        summary = self.services.system.undo_last()
        if self.history:
            assert summary is not None
            self.model = self.history.pop()
        else:
            assert summary is None

    @invariant()
    def database_equals_model(self) -> None:
        with self.store.reading() as s:
            projects = {p.id: p.name for p in s.exec(select(Project))}
            tasks = {t.id: (t.project_id, t.title, t.status) for t in s.exec(select(Task))}
            expenses = {e.id: e.amount_minor for e in s.exec(select(Expense))}
        assert {"project": projects, "task": tasks, "expense": expenses} == self.model

    def teardown(self) -> None:
        self.store.dispose()


UndoMachine.TestCase.settings = settings(
    max_examples=15, stateful_step_count=20, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
TestUndo = UndoMachine.TestCase


def test_prodcom_undo_on_the_command_line(demo_path, capsys, clock) -> None:
    from prodcom_tui.cli.main import main
    from prodcom_tui.services.facade import open_services

    services = open_services(demo_path, clock)
    with services.store.writing("project.create", "New project: Undo me") as s:
        s.add(Project(code="UNDO-ME", name="Undo me"))
    services.close()
    assert main(["undo", "--db", str(demo_path)]) == 0
    assert capsys.readouterr().out == "undone: New project: Undo me\n"
    services = open_services(demo_path, clock)
    with services.store.reading() as s:
        assert s.exec(select(Project).where(Project.code == "UNDO-ME")).first() is None
    services.close()


def test_undo_brings_back_what_the_database_cascaded(store) -> None:
    """Deleting a project cascades to its lines and expenses; deleting a person nulls their tasks' assignee."""
    from prodcom_tui.store.models import Person

    with store.writing("seed", "seed") as s:
        s.add(Person(id=3, name="Ana", handle="ana", role="designer"))
        s.add(Project(id=5, code="GONE", name="Gone", owner_id=3))
        s.flush()
        s.add(BudgetLine(id=7, project_id=5, name="Print"))
        s.add(Task(id=9, project_id=5, title="Proof", assignee_id=3))
        s.flush()
        s.add(Expense(budget_line_id=7, amount_minor=1234, spent_on=date(2026, 11, 26)))
    with store.writing("person.delete", "Ana leaves") as s:
        s.delete(s.get(Person, 3))
    with store.writing("project.delete", "GONE deleted") as s:
        s.delete(s.get(Project, 5))
    services = Services(store)
    assert services.system.undo_last() == "GONE deleted"
    with store.reading() as s:
        assert s.get(Task, 9).title == "Proof" and s.get(BudgetLine, 7) is not None
        assert s.exec(select(Expense.amount_minor)).all() == [1234]
    assert services.system.undo_last() == "Ana leaves"
    with store.reading() as s:
        assert (s.get(Task, 9).assignee_id, s.get(Project, 5).owner_id) == (3, 3)

"""The change log records every write in its transaction, and undo reverses whole batches."""

from __future__ import annotations

from sqlmodel import select

from prodcom_tui.services.facade import Services
from prodcom_tui.store.models import BudgetLine, ChangeBatch, ChangeEntry, Project


def test_a_write_is_logged_in_the_same_transaction(store) -> None:
    with store.writing("project.create", "New project P1") as s:
        s.add(Project(code="P1", name="One"))
    with store.reading() as s:
        batch = s.exec(select(ChangeBatch)).one()
        entry = s.exec(select(ChangeEntry)).one()
    assert (batch.kind, batch.summary, entry.action, entry.table_name) == ("project.create", "New project P1", "create", "project")


def test_a_failed_write_leaves_no_log_and_no_row(store) -> None:
    try:
        with store.writing("project.create", "two with one code") as s:
            s.add(Project(code="DUP", name="One"))
            s.flush()
            s.add(Project(code="DUP", name="Two"))
    except Exception:  # noqa: BLE001
        pass
    with store.reading() as s:
        assert s.exec(select(Project)).all() == []
        assert s.exec(select(ChangeBatch)).all() == []


def test_undo_reverses_a_compound_change_as_a_whole(store) -> None:
    with store.writing("seed", "seed") as s:
        s.add(Project(id=1, code="P1", name="One"))
    with store.writing("compound", "rename and add a line") as s:
        project = s.get(Project, 1)
        project.name = "Renamed"
        s.add(BudgetLine(project_id=1, name="Print", estimate_minor=5000))
    services = Services(store)
    assert services.system.undo_last() == "rename and add a line"
    with store.reading() as s:
        assert s.get(Project, 1).name == "One"
        assert s.exec(select(BudgetLine)).all() == []
    assert services.system.undo_last() == "seed"
    assert services.system.undo_last() is None
    with store.reading() as s:
        assert s.exec(select(Project)).all() == []


def test_undo_restores_a_deleted_row_with_its_values(store) -> None:
    with store.writing("seed", "seed") as s:
        s.add(Project(id=1, code="P1", name="One", client="Véra"))
    with store.writing("delete", "delete P1") as s:
        s.delete(s.get(Project, 1))
    Services(store).system.undo_last()
    with store.reading() as s:
        assert s.get(Project, 1).client == "Véra"

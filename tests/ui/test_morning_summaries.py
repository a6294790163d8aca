"""The change log names the tasks a change touched, so undo and the evening report say what moved."""

from __future__ import annotations


def test_done_names_the_task_and_its_project(services) -> None:
    row = services.overview.tasks_due()[0]
    services.tasks.set_done([row.id], True)
    assert services.system.undo_last() == f"Done: “{row.title}” ({row.project_code})"


def test_several_tasks_are_named_then_counted(services) -> None:
    rows = services.overview.tasks_due()[:3]
    services.tasks.set_due([r.id for r in rows], "tomorrow")
    summary = services.system.undo_last()
    assert summary.startswith("Due 2026-11-27: “") and summary.endswith(" and 1 more")

"""The shell as a person uses it: modes by number, help on ?, quit on q."""

from __future__ import annotations

import re

from textual.widgets import DataTable
from pilot_wait import settle

SIZE = (100, 30)


def rows(screen, selector: str) -> int:  # noqa: ANN001
    """The morning's lists are windowed tables (in a pane); the other modes' are DataTables."""
    widget = screen.query_one(selector)
    return widget.table.row_count if hasattr(widget, "table") else widget.row_count


async def test_reloads_new_task_dimmed_key_modes_help_and_quit(make_app, demo_path, clock) -> None:
    """One app runs the four checks below (each was a test with its own app; starting one cost more than
    most checks). The reload check comes first, while nothing has been written by this app; quitting last."""
    app = make_app(demo_path)
    async with app.run_test(size=SIZE) as pilot:
        await a_mode_shown_again_reloads_only_what_changed(app, pilot, demo_path, clock)
        await new_task_from_the_palette_saves_and_reports_bad_input(app, pilot)
        await current_mode_key_is_dimmed(app, pilot)
        await modes_help_and_quit(app, pilot)
    assert app.return_code == 0


async def test_first_run_offers_the_demo(make_app, tmp_path) -> None:
    app = make_app(tmp_path / "fresh.db", offer_demo=True)
    async with app.run_test(size=SIZE) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert app.screen.__class__.__name__ == "FirstRunScreen"
        await pilot.press("d")
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert not app.services.system.is_empty()


def requests_title(app) -> str:  # noqa: ANN001
    return app.screen.query_one("#requests").title


async def switch(app, pilot, *keys: str) -> None:  # noqa: ANN001
    for key in keys:
        await pilot.press(key)
        await settle(app, pilot)


async def a_mode_shown_again_reloads_only_what_changed(app, pilot, demo_path, clock) -> None:  # noqa: ANN001
    """Back on the morning: nothing written → nothing re-read; a write by another prodcom (or its undo) → shown."""
    from prodcom_tui.services.facade import open_services

    for _ in range(100):  # the panes mount after the first frame, the database opens, the morning loads
        if app.screen.query("#requests") and re.search(r"\d+ open", requests_title(app)):
            break
        await settle(app, pilot)
    morning = app.screen
    reads = []
    original = morning.fetch
    morning.fetch = lambda services: reads.append(1) or original(services)
    await switch(app, pilot, "2", "1")
    assert reads == []  # unchanged data is not fetched and redrawn again
    before = requests_title(app)
    other = open_services(demo_path, clock)  # the producer's second window on the same file
    try:
        other.requests.create("Reprint the flyers", requester="Karim Vasseur", urgency="urgent")
        await switch(app, pilot, "2", "1")
        assert len(reads) == 1 and requests_title(app) != before
        other.system.undo_last()  # an undo marks its batch undone: that is a change too
        await switch(app, pilot, "2", "1")
        assert len(reads) == 2 and requests_title(app) == before
    finally:
        other.close()


async def new_task_from_the_palette_saves_and_reports_bad_input(app, pilot) -> None:  # noqa: ANN001
    await app.workers.wait_for_complete()
    from prodcom_tui.ui.modals.forms_common import new_task_form

    app.push_screen(new_task_form())
    await pilot.pause()
    await pilot.press(*"Call the printer", "enter", *"#NOPE", "enter", "enter", "enter")
    await app.workers.wait_for_complete()
    await pilot.pause()
    error = str(app.screen.query_one("#error-project").render())
    assert "#NOPE" in error
    code = app.services.overview.find_projects("")[0].key
    project_input = app.screen.query_one("#field-project")
    project_input.value = f"#{code}"
    await pilot.press("ctrl+s")
    await app.workers.wait_for_complete()
    await pilot.pause()
    assert app.screen.__class__.__name__ == "MorningScreen"
    from sqlmodel import select

    from prodcom_tui.store.models import Project, Task

    with app.services.store.reading() as s:
        task, project_code = s.exec(
            select(Task, Project.code).join(Project).where(Task.title == "Call the printer")
        ).one()
    assert project_code == code and task.due_on is None


async def current_mode_key_is_dimmed(app, pilot) -> None:  # noqa: ANN001
    await pilot.pause()
    assert app.check_action("switch_mode", ("morning",)) is None
    assert app.check_action("switch_mode", ("evening",)) is True


async def modes_help_and_quit(app, pilot) -> None:  # noqa: ANN001
    await pilot.pause()
    await app.workers.wait_for_complete()
    await pilot.pause()
    assert app.current_mode == "morning"
    assert rows(app.screen, "#requests") > 0
    for key, mode, table in (("2", "afternoon", "#budget-lines"), ("3", "evening", "#projects"), ("1", "morning", "#requests")):
        await pilot.press(key)
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert app.current_mode == mode
        assert rows(app.screen, table) > 0
    await pilot.press("question_mark")
    await pilot.pause()
    help_table = app.screen.query_one(DataTable)
    keys = {str(help_table.get_row_at(i)[0]) for i in range(help_table.row_count)}
    assert {"1", "2", "3", "q"} <= keys
    await pilot.press("escape")
    await pilot.press("q")
    await pilot.pause()

"""The morning's jumps and quieter keys: a roadblock's enter opens the afternoon on its item, `u` walks back
through the last changes, the timeline's arrows, a new task from the team pane, the strip at 80×24."""

from __future__ import annotations

import pytest
from sqlmodel import select

from prodcom_tui.store.models import Person, Task

from morning_helpers import morning, morning_app  # noqa: F401 (fixtures)
from pilot_wait import settle

pytestmark = pytest.mark.asyncio(loop_scope="module")  # the tests share the module's app (morning_helpers)


def table(app, pane: str):  # noqa: ANN001, ANN201
    return app.screen.query_one(f"#{pane}").table


def drawn_strips(widget) -> list:  # noqa: ANN001
    """The strips a line-API widget puts on the terminal, one a line."""
    return list(widget.render_lines(widget.size.region))


def shown_rows(app, pane: str) -> dict:  # noqa: ANN001
    """The rows the pane has loaded, by id."""
    t = table(app, pane)
    return {row.id: row for row in (t.row_at(i) for i in range(t.row_count)) if row is not None}


def task(app, task_id: int) -> Task:  # noqa: ANN001
    with app.services.store.reading() as s:
        found = s.get(Task, task_id)
        s.expunge(found)
    return found


async def filter_pane(app, pilot, pane: str, text: str) -> None:  # noqa: ANN001
    """Focus the pane, `/`, type the text, enter keeps the filter and gives the list the keys back."""
    app.screen.focus_pane(pane)
    await pilot.press("slash", *text, "enter")
    await settle(app, pilot)


async def open_roadblock(app, pilot) -> None:  # noqa: ANN001
    """`enter` on the roadblock under the cursor, then until the afternoon has loaded and landed."""
    await pilot.press("enter")
    for _ in range(2):  # the afternoon is built on its first switch, then its panes load their rows
        await settle(app, pilot)


async def test_enter_on_a_late_delivery_opens_it_in_the_afternoon(morning) -> None:
    app, pilot = morning
    await filter_pane(app, pilot, "roadblocks", "late delivery")
    assert table(app, "roadblocks").row_count >= 2
    await pilot.press("j")  # the second one: landing on it means the afternoon's cursor really moved
    await pilot.pause()
    late = table(app, "roadblocks").current_row
    assert late.kind == "late_delivery" and late.target == "delivery"
    await open_roadblock(app, pilot)
    assert app.current_mode == "afternoon" and app.screen.pane == "deliveries"
    landed = app.screen.table("deliveries")
    assert landed.has_focus and landed.cursor > 0
    assert landed.current_row.id == late.target_id and landed.current_row.late


async def test_enter_on_a_waiting_review_opens_it_in_the_afternoon(morning) -> None:
    app, pilot = morning
    await filter_pane(app, pilot, "roadblocks", "review waiting")
    waiting = table(app, "roadblocks").current_row
    assert waiting.kind == "review_waiting" and waiting.target == "review"
    await open_roadblock(app, pilot)
    assert app.current_mode == "afternoon" and app.screen.pane == "reviews"
    landed = app.screen.table("reviews")
    assert landed.has_focus and landed.cursor > 0 and landed.current_row.id == waiting.target_id
    assert landed.current_row.verdict == "pending"


async def cursor_on(app, pilot, task_id: int) -> None:  # noqa: ANN001
    """Move down the filtered task list with `j` until the cursor is on the task."""
    for _ in range(table(app, "tasks").row_count):
        if table(app, "tasks").current_row.id == task_id:
            return
        await pilot.press("j")
        await pilot.pause()
    assert table(app, "tasks").current_row.id == task_id


async def test_u_twice_undoes_a_reassign_then_a_done(morning) -> None:
    app, pilot = morning
    await filter_pane(app, pilot, "team", "check vendor")
    first, second = 52, 234  # Julien's late and today's "Check vendor invoices", both open
    assert [table(app, "tasks").row_at(i).id for i in (0, 1)] == [first, second]
    julien, before = task(app, second).assignee_id, task(app, first).status
    await pilot.press("space")
    await settle(app, pilot)
    assert task(app, first).status == "done" and shown_rows(app, "tasks")[first].status == "done"
    await cursor_on(app, pilot, second)
    await pilot.press("a", *"@sam", "enter")
    await settle(app, pilot)
    sam = _person(app, "sam")
    assert task(app, second).assignee_id == sam and shown_rows(app, "tasks")[second].handle == "sam"
    await pilot.press("u")
    await settle(app, pilot)
    assert task(app, second).assignee_id == julien and shown_rows(app, "tasks")[second].handle == "julien"
    assert task(app, first).status == "done"  # one step back only
    await pilot.press("u")
    await settle(app, pilot)
    assert task(app, first).status == before and task(app, first).done_at is None
    assert shown_rows(app, "tasks")[first].status == before and task(app, second).assignee_id == julien


def _person(app, handle: str) -> int:  # noqa: ANN001
    with app.services.store.reading() as s:
        return s.exec(select(Person.id).where(Person.handle == handle)).one()


async def test_timeline_arrow_keys_shift_a_week_like_h_and_l(morning) -> None:
    app, pilot = morning
    await settle(app, pilot)
    app.screen.focus_pane("timeline-pane")
    timeline = app.screen.query_one("#timeline")
    start = timeline.window.start
    await pilot.press("right")
    await pilot.pause()
    assert (timeline.window.start - start).days == 7
    assert f"from {timeline.window.start:%a %d %b}" in str(app.screen.query_one("#timeline-pane .pane-title").render())
    await pilot.press("left", "left")
    await pilot.pause()
    assert (timeline.window.start - start).days == -7
    await pilot.press("l")
    assert timeline.window.start == start


async def test_n_in_the_tasks_pane_creates_a_task_shown_in_the_pane(morning) -> None:
    app, pilot = morning
    await filter_pane(app, pilot, "team", "check vendor")
    row = table(app, "tasks").current_row
    await pilot.press("n")
    await settle(app, pilot)
    assert app.screen.query_one("#field-project").value == f"#{row.project_code}"
    assert app.screen.query_one("#field-assignee").value == f"@{row.handle}"
    await pilot.press(*"Proof the stand banner", "enter", "enter", "enter", *"fri")
    await pilot.press("ctrl+s")
    await settle(app, pilot)
    assert app.screen.__class__.__name__ == "MorningScreen"
    with app.services.store.reading() as s:
        saved = s.exec(select(Task).where(Task.title == "Proof the stand banner")).one()
    assert saved.project_id == task(app, row.id).project_id and str(saved.due_on) == "2026-11-27"
    assert saved.assignee_id == task(app, row.id).assignee_id
    await filter_pane(app, pilot, "team", "stand banner")  # `/` selects the old text: typing replaces it
    assert table(app, "tasks").row_count == 1 and table(app, "tasks").current_row.id == saved.id


@pytest.mark.asyncio(loop_scope="function")  # its own app, started at 80×24
async def test_timeline_at_80_columns_shows_today_and_the_projects(make_app, demo_path) -> None:
    app = make_app(demo_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await pilot.press("tab", "tab")
        await settle(app, pilot)
        assert app.screen.current_pane() == "timeline-pane" and not app.screen.query_one("#requests").display
        timeline = app.screen.query_one("#timeline")
        assert timeline.region.right <= 80
        strips = drawn_strips(timeline)
        assert strips and all(strip.cell_length <= 80 for strip in strips)
        lines = [strip.text for strip in strips]
        assert lines[1].split()[1] in {lane.code for lane in timeline.lanes}  # mark, then the project's code
        today = lines[0].index("▼")  # the scale marks today's column; the lanes draw it as a bar
        assert any(line[today] == "│" for line in lines[1:-1])

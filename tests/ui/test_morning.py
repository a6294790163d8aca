"""The morning review as a producer uses it: keys pressed, then the screen and the database checked."""

from __future__ import annotations

import pytest
from sqlmodel import select

from prodcom_tui.store.models import Note, Request, Task

from morning_helpers import morning, morning_app  # noqa: F401 (fixtures)
from pilot_wait import settle

pytestmark = pytest.mark.asyncio(loop_scope="module")  # the tests share the module's app (morning_helpers)


def table(app, pane: str):  # noqa: ANN001, ANN201
    return app.screen.query_one(f"#{pane}").table


def text_of(widget) -> str:  # noqa: ANN001
    return str(widget.render())


def drawn(widget) -> str:  # noqa: ANN001
    """The lines the widget puts on the terminal (line-API widgets have no single `render()`)."""
    return "\n".join(strip.text for strip in widget.render_lines(widget.size.region))


async def test_capture_shows_a_preview_saves_and_refuses_unknown_names(morning) -> None:
    app, pilot = morning
    await settle(app, pilot)
    before = table(app, "requests").row_count
    await pilot.press("n")
    await pilot.press(*"! Proofs for the stand @ghost ^fri")
    await pilot.pause()
    assert "URGENT" in text_of(app.screen.query_one("#capture-preview"))
    await pilot.press("enter")
    await settle(app, pilot)
    assert "@ghost" in text_of(app.screen.query_one("#error-line"))
    field = app.screen.query_one("#field-line")
    field.value = "! Proofs for the stand @lea ^fri"
    await pilot.press("enter")
    await settle(app, pilot)
    assert app.screen.__class__.__name__ == "MorningScreen"
    assert table(app, "requests").row_count == before + 1
    assert table(app, "requests").row_at(0) is not None
    with app.services.store.reading() as s:
        saved = s.exec(select(Request).where(Request.subject == "Proofs for the stand")).one()
        ghosts = s.exec(select(Request).where(Request.subject.contains("ghost"))).all()
    assert saved.urgency == "urgent" and saved.person_id is not None and not ghosts


async def test_triage_turns_a_request_into_a_linked_task(morning) -> None:
    app, pilot = morning
    await settle(app, pilot)
    first = table(app, "requests").current_row
    await pilot.press("t")
    await settle(app, pilot)
    assert app.screen.query_one("#field-title").value == first.subject
    app.screen.query_one("#field-project").value = "#VERA-PRINTEMPS"
    app.screen.query_one("#field-assignee").value = "@lea"
    app.screen.query_one("#field-due").value = "31/02"
    await pilot.press("ctrl+s")
    await settle(app, pilot)
    assert "31 February" in text_of(app.screen.query_one("#error-due"))
    app.screen.query_one("#field-due").value = "+3"
    await pilot.press("ctrl+s")
    await settle(app, pilot)
    assert table(app, "requests").current_row.id != first.id
    with app.services.store.reading() as s:
        request = s.get(Request, first.id)
        task = s.get(Task, request.task_id)
    assert request.status == "triaged" and task.title == first.subject and task.assignee_id == request.person_id


async def test_marked_requests_archive_together_and_u_brings_them_back(morning) -> None:
    app, pilot = morning
    await settle(app, pilot)
    count = table(app, "requests").row_count
    ids = [table(app, "requests").row_at(i).id for i in (0, 1)]
    await pilot.press("x", "x", "a")
    await settle(app, pilot)
    assert table(app, "requests").row_count == count - 2
    with app.services.store.reading() as s:
        assert {s.get(Request, i).status for i in ids} == {"archived"}
    await pilot.press("u")
    await settle(app, pilot)
    assert table(app, "requests").row_count == count
    with app.services.store.reading() as s:
        assert {s.get(Request, i).status for i in ids} == {"open"}


async def test_enter_shows_the_whole_request_as_plain_text(morning) -> None:
    app, pilot = morning
    await settle(app, pilot)
    app.services.requests.capture("[bold]Not markup[/bold] ~chat")
    app.data_changed()
    await settle(app, pilot)
    await pilot.press("slash", *"not markup", "enter")
    await settle(app, pilot)
    assert table(app, "requests").row_count == 1
    await pilot.press("enter")
    await settle(app, pilot)
    assert app.screen.__class__.__name__ == "RequestView"
    shown = " ".join(text_of(w) for w in app.screen.query("Static"))
    assert "[bold]Not markup[/bold]" in shown
    await pilot.press("escape")


async def test_roadblock_enter_puts_the_cursor_on_the_task_and_done_clears_it(morning) -> None:
    app, pilot = morning
    await settle(app, pilot)
    await pilot.press("tab")
    assert app.screen.current_pane() == "roadblocks"
    await pilot.press("slash", *"waits on 1 task", "enter")  # a task with one open blocker: done clears it
    await settle(app, pilot)
    blocked = table(app, "roadblocks").current_row
    assert blocked.kind == "blocked_task"
    await pilot.press("enter")
    await settle(app, pilot)
    assert app.screen.current_pane() == "team"
    assert table(app, "tasks").current_row.id == blocked.target_id
    blockers = app.services.tasks.detail(blocked.target_id).depends_on
    assert len(blockers) == 1
    await pilot.press("slash")
    app.screen.query_one("#tasks Input").value = _title(app, blockers[0])  # titles hold dashes and spaces
    await pilot.press("enter")
    await settle(app, pilot)
    assert table(app, "tasks").current_row.id == blockers[0]
    await pilot.press("space")
    await settle(app, pilot)
    with app.services.store.reading() as s:
        assert s.get(Task, blockers[0]).status == "done"
    left = {r.target_id for r in app.services.roadblocks.list() if r.kind == "blocked_task"}
    assert blocked.target_id not in left
    shown = [table(app, "roadblocks").row_at(i) for i in range(table(app, "roadblocks").row_count)]
    assert blocked.target_id not in {r.target_id for r in shown if r is not None and r.kind == "blocked_task"}


def _title(app, task_id: int) -> str:  # noqa: ANN001
    return app.services.tasks.detail(task_id).title[:30]


async def test_task_keys_due_reassign_edit_feedback_on_marked_rows(morning) -> None:
    app, pilot = morning
    await settle(app, pilot)
    app.screen.focus_pane("team")
    await pilot.press("slash", *"julien", "enter")
    await settle(app, pilot)
    ids = [table(app, "tasks").row_at(i).id for i in (0, 1)]
    await pilot.press("x", "x", "d", *"31/02", "enter")
    await settle(app, pilot)
    assert "31 February" in text_of(app.screen.query_one("#error-due"))
    app.screen.query_one("#field-due").value = "fri"
    await pilot.press("enter")
    await settle(app, pilot)
    with app.services.store.reading() as s:
        assert {str(s.get(Task, i).due_on) for i in ids} == {"2026-11-27"}
    await pilot.press("x", "x")
    table(app, "tasks").cursor = 0
    await pilot.press("a", *"@sam", "enter")
    await settle(app, pilot)
    with app.services.store.reading() as s:
        sam = {s.get(Task, i).assignee_id for i in ids}
    assert len(sam) == 1 and sam != {None}
    await _edit_with_a_cycle(app, pilot)
    await pilot.press("f", *"Lovely storyboard", "enter")
    await settle(app, pilot)
    with app.services.store.reading() as s:
        assert s.exec(select(Note).where(Note.body == "Lovely storyboard")).one()


async def _edit_with_a_cycle(app, pilot) -> None:  # noqa: ANN001
    row = table(app, "tasks").current_row
    other = app.services.tasks.create("Waits on the current task", "#VERA-PRINTEMPS")
    app.services.tasks.edit(other, depends_on=str(row.id))
    await pilot.press("e")
    await settle(app, pilot)
    app.screen.query_one("#field-depends_on").value = str(other)
    await pilot.press("ctrl+s")
    await settle(app, pilot)
    assert "loop" in text_of(app.screen.query_one("#error-depends_on"))
    await pilot.press("escape")
    await settle(app, pilot)
    assert app.services.tasks.detail(row.id).depends_on == ()


async def test_timeline_shifts_and_zooms(morning) -> None:
    app, pilot = morning
    await settle(app, pilot)
    app.screen.focus_pane("timeline-pane")
    timeline = app.screen.query_one("#timeline")
    start, days = timeline.window.start, timeline.window.days
    await pilot.press("l", "l", "h")
    assert (timeline.window.start - start).days == 7
    await pilot.press("plus")
    assert timeline.window.days > days
    await pilot.press("minus", "minus")
    assert timeline.window.days == 14
    assert "2 weeks" in text_of(app.screen.query_one("#timeline-pane .pane-title"))
    assert "VERA-PRINTEMPS" in drawn(timeline)
    assert timeline.visible is True  # Textual's own flag: the strip once shadowed it with its list of lanes
    first = drawn(timeline).splitlines()[1]
    await pilot.press("j")  # the cursor moves: the two lines it touches are drawn again, the rest come from the cache
    assert drawn(timeline).splitlines()[1] == first
    strips = timeline.render_lines(timeline.size.region)
    assert any(seg.style and seg.style.reverse for seg in strips[2]) and not any(seg.style and seg.style.reverse for seg in strips[1])


@pytest.mark.asyncio(loop_scope="function")  # its own app, started at 80×24
async def test_small_terminal_shows_one_pane_and_tab_moves_on(make_app, demo_path) -> None:
    app = make_app(demo_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        screen = app.screen
        assert screen.has_class("-narrow")
        shown = [name for name in ("requests", "roadblocks", "timeline-pane", "team") if screen.query_one(f"#{name}").display]
        assert shown == ["requests"]
        await pilot.press("tab", "tab")
        await pilot.pause()
        assert screen.query_one("#timeline-pane").display and not screen.query_one("#requests").display
        await pilot.press("shift+tab")
        await pilot.pause()
        assert screen.current_pane() == "roadblocks"


async def test_palette_jumps_to_a_pane(morning) -> None:
    app, pilot = morning
    await settle(app, pilot)
    await pilot.press("ctrl+p", *"timelines")
    await settle(app, pilot)
    await pilot.press("enter")
    await settle(app, pilot)
    assert app.screen.current_pane() == "timeline-pane"

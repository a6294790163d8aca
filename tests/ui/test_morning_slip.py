"""Morning `d` on a task others wait on: a later date offers to shift them by the same working days."""

from __future__ import annotations

from datetime import date

from sqlmodel import select

from prodcom_tui.domain.dates import working_days_between
from prodcom_tui.store.models import ChangeBatch, Project, Task
from pilot_wait import settle

WIDE = (160, 48)
CODE = "SLIPTEST"


def tasks_table(app):  # noqa: ANN001, ANN201
    return app.screen.query_one("#tasks").table


def due_dates(app) -> dict[int, date | None]:  # noqa: ANN001
    with app.services.store.reading() as s:
        pid = s.exec(select(Project.id).where(Project.code == CODE)).one()
        return {t.id: t.due_on for t in s.exec(select(Task).where(Task.project_id == pid).order_by(Task.id))}


def last_batch(app) -> ChangeBatch:  # noqa: ANN001
    with app.services.store.reading() as s:
        return s.exec(select(ChangeBatch).order_by(ChangeBatch.id.desc())).first()


async def plan_and_show(app, pilot) -> list[int]:  # noqa: ANN001
    """A print run chained Brief → … → Delivery (each waits on the one before), listed alone in the team pane."""
    await settle(app, pilot)
    planning = app.services.planning
    planning.create(planning.preview({"template": "print", "code": CODE, "name": "Slip", "delivery": "2027-01-15"}))
    app.screen.focus_pane("team")
    await pilot.press("slash", *CODE.lower(), "enter")
    await settle(app, pilot)
    ids = list(due_dates(app))
    assert tasks_table(app).row_count == len(ids) == 8
    return ids


async def set_due(app, pilot, task_id: int, typed: str) -> None:  # noqa: ANN001
    table = tasks_table(app)
    table.cursor = next(i for i in range(table.row_count) if table.row_at(i).id == task_id)
    await settle(app, pilot)
    await pilot.press("d", *typed, "enter")
    await settle(app, pilot)


def shown_due(app, task_id: int) -> date | None:  # noqa: ANN001
    table = tasks_table(app)
    return next(table.row_at(i).due_on for i in range(table.row_count) if table.row_at(i).id == task_id)


async def test_slip_accept_decline_and_ask_nothing_on_one_planned_project(make_app, demo_path) -> None:
    """One app plans the project once and runs the three checks below in turn (each was a test with its own
    app and plan). The first starts from the plan's dates and its undo restores them all; the others compare
    due dates with what they read before, and only the last marks rows."""
    app = make_app(demo_path)
    async with app.run_test(size=WIDE) as pilot:
        brief, *waiting = await plan_and_show(app, pilot)
        await a_slip_shifts_the_dependants_by_the_same_working_days_and_one_undo_restores_all(
            app, pilot, brief, waiting)
        await declining_moves_only_the_task_and_escape_moves_nothing(app, pilot, brief, waiting)
        await no_dependants_an_earlier_date_or_marked_rows_ask_nothing(app, pilot, brief, waiting)


async def a_slip_shifts_the_dependants_by_the_same_working_days_and_one_undo_restores_all(
        app, pilot, brief: int, waiting: list[int]) -> None:  # noqa: ANN001
    before = due_dates(app)
    assert before[brief] == date(2026, 12, 2)
    await set_due(app, pilot, brief, "2026-12-04")
    assert app.screen.__class__.__name__ == "ShiftScreen"
    question = str(app.screen.query_one("Static").render())
    assert "moves 2 working days later" in question and "7 tasks wait on it" in question
    # Thu 24 Dec + 2 working days skips Christmas and the weekend.
    assert "Thu 24 Dec → Tue 29 Dec" in str(app.screen.query_one("#shift-list").render())
    assert due_dates(app) == before  # nothing is saved while the question is open
    await pilot.press("y")
    await settle(app, pilot)
    assert app.screen.__class__.__name__ == "MorningScreen"
    after = due_dates(app)
    holidays = app.services.planning.holidays()
    assert after[brief] == date(2026, 12, 4) and shown_due(app, brief) == date(2026, 12, 4)
    assert all(working_days_between(before[t], after[t], holidays) == 2 for t in waiting)
    assert after[waiting[2]] == date(2026, 12, 29) and shown_due(app, waiting[2]) == date(2026, 12, 29)
    assert last_batch(app).kind == "task.reschedule"
    await pilot.press("u")
    await settle(app, pilot)
    assert due_dates(app) == before  # one undo, the whole move; the planned project is still there
    assert shown_due(app, waiting[2]) == date(2026, 12, 24)


async def declining_moves_only_the_task_and_escape_moves_nothing(
        app, pilot, brief: int, waiting: list[int]) -> None:  # noqa: ANN001
    before = due_dates(app)
    await set_due(app, pilot, brief, "2026-12-08")
    await pilot.press("escape")
    await settle(app, pilot)
    assert app.screen.__class__.__name__ == "MorningScreen" and due_dates(app) == before
    await set_due(app, pilot, brief, "2026-12-08")
    assert app.screen.__class__.__name__ == "ShiftScreen"
    await pilot.press("n")
    await settle(app, pilot)
    assert due_dates(app) == {**before, brief: date(2026, 12, 8)}
    assert shown_due(app, brief) == date(2026, 12, 8)


async def no_dependants_an_earlier_date_or_marked_rows_ask_nothing(
        app, pilot, brief: int, waiting: list[int]) -> None:  # noqa: ANN001
    before = due_dates(app)
    delivery = waiting[-1]
    await set_due(app, pilot, delivery, "2027-01-20")  # later, but nothing waits on the delivery
    assert app.screen.__class__.__name__ == "MorningScreen"
    assert due_dates(app) == {**before, delivery: date(2027, 1, 20)} and last_batch(app).kind == "task.due"
    await set_due(app, pilot, brief, "2026-12-01")  # earlier: the others keep their dates
    assert app.screen.__class__.__name__ == "MorningScreen"
    assert due_dates(app) == {**before, delivery: date(2027, 1, 20), brief: date(2026, 12, 1)}
    marked = [brief, waiting[3]]
    for task_id in marked:  # several marked tasks take one date; no shift is guessed for their dependants
        table = tasks_table(app)
        table.cursor = next(i for i in range(table.row_count) if table.row_at(i).id == task_id)
        await settle(app, pilot)  # the rows under the cursor are fetched in a worker: `x` marks what is shown
        await pilot.press("x")
    assert tasks_table(app).marked == set(marked)
    await pilot.press("d", *"2026-12-10", "enter")
    await settle(app, pilot)
    assert app.screen.__class__.__name__ == "MorningScreen"
    after = due_dates(app)
    assert {after[i] for i in marked} == {date(2026, 12, 10)}
    assert all(after[t] == before[t] for t in waiting if t not in marked and t != delivery)

"""Marks with a key that works on one row: `e`, `f` and `t` say so and change nothing, the marks stay lit,
and the next key that can take them all (`space`) does. They used to act on the cursor's row alone
while the marks stayed lit, promising something else."""

from __future__ import annotations

import pytest

from prodcom_tui.store.models import Task

from morning_helpers import morning, morning_app  # noqa: F401 (fixtures)
from pilot_wait import settle

pytestmark = pytest.mark.asyncio(loop_scope="module")  # the tests share the module's app (morning_helpers)


def warnings(app) -> list[str]:  # noqa: ANN001
    return [n.message for n in app._notifications if n.severity == "warning"]


async def mark_two(app, pilot, pane: str) -> list[int]:  # noqa: ANN001
    app.screen.focus_pane(pane)
    await pilot.press("x", "j", "x")
    await settle(app, pilot)
    return sorted(app.screen.query_one(f"#{pane}").table.marked)


@pytest.mark.parametrize("key", ["e", "f"])
async def test_a_one_task_key_on_marked_tasks_says_so_and_space_takes_them_all(morning, key) -> None:  # noqa: ANN001
    app, pilot = morning
    marked = await mark_two(app, pilot, "tasks")
    assert len(marked) == 2
    await pilot.press(key)
    await settle(app, pilot)
    assert app.screen.__class__.__name__ == "MorningScreen", "no form opened"
    what = {"e": "Edit", "f": "Feedback"}[key]  # the module's app keeps earlier tests' notifications
    assert any(w.startswith(f"{what} works on one task") and "2 are marked" in w for w in warnings(app)), warnings(app)

    await pilot.press("space")
    await settle(app, pilot)
    with app.services.store.reading() as s:
        assert {s.get(Task, i).status for i in marked} == {"done"}


async def test_triage_on_marked_requests_says_so_and_opens_no_form(morning) -> None:  # noqa: ANN001
    app, pilot = morning
    marked = await mark_two(app, pilot, "requests")
    await pilot.press("t")
    await settle(app, pilot)
    assert app.screen.__class__.__name__ == "MorningScreen"
    assert any("Triage works on one request" in w for w in warnings(app)), warnings(app)
    assert sorted(app.screen.query_one("#requests").table.marked) == marked, "the marks stay for the next key"

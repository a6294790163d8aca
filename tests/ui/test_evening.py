"""The evening as a producer uses it: keys pressed, then the screen and the database checked.

Starting an app and opening the evening costs more CPU than most checks here, so three tests each run
one app through several checks. Each check starts on the evening of today with no dialog open
(`back_to_evening`), and what one check writes does not touch what a later one reads (each works on
its own project, risk, holiday or file, and counts what moved relative to before).
"""

from __future__ import annotations

import io
from datetime import timedelta
import stat

from rich.console import Console
from rich.text import Text

from sqlmodel import select

from prodcom_tui.store.models import HealthLog, Project, Risk, Task
from pilot_wait import settle

SIZE = (160, 48)


async def open_evening(app, pilot) -> None:
    await settle(app, pilot)
    await pilot.press("3")
    await settle(app, pilot)
    assert app.screen.__class__.__name__ == "EveningScreen"


async def back_to_evening(app, pilot) -> None:
    """Close whatever a check left open, then show today: the next check starts as on a fresh evening."""
    for _ in range(4):
        if app.screen.__class__.__name__ == "EveningScreen":
            break
        await pilot.press("escape")
        await settle(app, pilot)
    assert app.screen.__class__.__name__ == "EveningScreen"
    for _ in range(3):
        if "(today)" in str(app.screen.query_one("#report-title").render()):
            break
        await pilot.press("right_square_bracket")
        await settle(app, pilot)
    assert "(today)" in str(app.screen.query_one("#report-title").render())
    app.clear_notifications()


def fill(app, **values: str) -> None:
    for name, value in values.items():
        app.screen.query_one(f"#field-{name}").value = value


def rendered(widget) -> str:
    """What a Static shows, as plain text."""
    console = Console(width=120, record=True, file=io.StringIO())
    content = widget.content
    console.print(content if not isinstance(content, str) else Text(content))
    return console.export_text()


def cell_text(table, row: int) -> list[str]:
    return [str(getattr(c, "plain", c)) for c in table.get_row_at(row)]


async def test_roadblock_lands_on_its_risk_then_days_charts_and_palette(make_app, demo_path) -> None:
    app = make_app(demo_path)
    async with app.run_test(size=SIZE) as pilot:
        await a_roadblock_on_a_risk_lands_on_it(app, pilot)  # from the morning: the evening is not open yet
        await back_to_evening(app, pilot)
        await days_move_back_and_stop_at_today(app, pilot)
        await back_to_evening(app, pilot)
        await charts_open_for_the_selected_project(app, pilot)
        await back_to_evening(app, pilot)
        await palette_finds_the_evening_actions(app, pilot)


async def test_done_today_then_risk_register_and_health_override(make_app, demo_path) -> None:
    app = make_app(demo_path)
    async with app.run_test(size=SIZE) as pilot:
        await a_task_done_today_shows_under_what_moved(app, pilot)  # from the morning: the evening is not open yet
        await back_to_evening(app, pilot)
        await risk_register_add_edit_and_detail(app, pilot)
        await back_to_evening(app, pilot)
        await health_override_with_comment_and_history(app, pilot)


async def test_export_plan_slip_and_holidays(make_app, demo_path, tmp_path) -> None:
    app = make_app(demo_path)
    async with app.run_test(size=SIZE) as pilot:
        await open_evening(app, pilot)
        await export_writes_the_same_report_as_the_command_line(app, pilot, tmp_path)
        await back_to_evening(app, pilot)
        await plan_is_previewed_then_created(app, pilot)
        await back_to_evening(app, pilot)
        await a_slip_offers_to_shift_the_dependants(app, pilot)
        await back_to_evening(app, pilot)
        await holidays_are_added_and_removed_from_the_evening(app, pilot)


async def risk_register_add_edit_and_detail(app, pilot) -> None:
    heat = app.screen.query_one("#heat")
    before = heat.counts.get((5, 5), 0)
    await pilot.press("n")
    await pilot.pause()
    assert app.screen.__class__.__name__ == "FormScreen"
    code = app.services.overview.projects()[0].code
    fill(app, project=f"#{code}", title="Imprimeur en grève", likelihood="almost certain", impact="5",
         mitigation="Second imprimeur", contingency="Impression numérique", review="+7")
    await pilot.press("ctrl+s")
    await settle(app, pilot)
    assert app.screen.__class__.__name__ == "EveningScreen"
    with app.services.store.reading() as s:
        risk = s.exec(select(Risk).where(Risk.title == "Imprimeur en grève")).one()
    assert (risk.likelihood, risk.impact, risk.status) == (5, 5, "open")
    assert heat.counts[(5, 5)] == before + 1
    assert rendered(heat).splitlines()[1].rstrip().endswith(str(before + 1))  # severe × almost certain: the top right cell
    table = app.screen.query_one("#risks")
    rows = [cell_text(table, i) for i in range(table.row_count)]
    index = next(i for i, r in enumerate(rows) if r[1] == "Imprimeur en grève")
    table.focus()
    table.move_cursor(row=index)
    await pilot.press("enter")
    await pilot.pause()
    assert app.screen.__class__.__name__ == "RiskDetailScreen"
    card = rendered(app.screen.query_one("#risk-card"))
    assert "Second imprimeur" in card and "25 (high)" in card
    await pilot.press("e")
    await pilot.pause()
    assert app.screen.__class__.__name__ == "FormScreen"
    fill(app, status="mitigating", likelihood="9")
    await pilot.press("ctrl+s")
    await settle(app, pilot)
    assert "not on the scale" in str(app.screen.query_one("#error-likelihood").render())
    fill(app, likelihood="2")
    await pilot.press("ctrl+s")
    await settle(app, pilot)
    with app.services.store.reading() as s:
        saved = s.get(Risk, risk.id)
    assert (saved.likelihood, saved.status) == (2, "mitigating")


async def health_override_with_comment_and_history(app, pilot) -> None:
    table = app.screen.query_one("#projects")
    table.focus()
    table.move_cursor(row=0)
    code = cell_text(table, 0)[0]
    await pilot.press("o")
    await settle(app, pilot)
    assert app.screen.__class__.__name__ == "FormScreen"
    fill(app, health="sideways", comment="Client silent")
    await pilot.press("ctrl+s")
    await settle(app, pilot)
    assert "not a status" in str(app.screen.query_one("#error-health").render())
    fill(app, health="on track")
    await pilot.press("ctrl+s")
    await settle(app, pilot)
    assert app.screen.__class__.__name__ == "EveningScreen"
    with app.services.store.reading() as s:
        project = s.exec(select(Project).where(Project.code == code)).one()
        log = s.exec(select(HealthLog).where(HealthLog.project_id == project.id)).all()
    assert (project.health_override, project.health_comment) == ("on_track", "Client silent")
    assert [(h.health, h.comment) for h in log][-1] == ("on_track", "Client silent")
    row = next(cell_text(table, i) for i in range(table.row_count) if cell_text(table, i)[0] == code)
    assert row[1] == "● on track ✎"
    table.move_cursor(row=next(i for i in range(table.row_count) if cell_text(table, i)[0] == code))
    await pilot.pause()
    assert "Set by hand: on track — Client silent" in rendered(app.screen.query_one("#why"))
    await pilot.press("o")
    await settle(app, pilot)
    assert "on track" in str(app.screen.query_one(".form-hint").render())


async def days_move_back_and_stop_at_today(app, pilot) -> None:
    title = app.screen.query_one("#report-title")
    await pilot.press("left_square_bracket")
    await settle(app, pilot)
    assert "Wed 25 Nov 2026" in str(title.render())
    await pilot.press("right_square_bracket", "right_square_bracket")
    await settle(app, pilot)
    assert "Thu 26 Nov 2026 (today)" in str(title.render())
    assert any("future" in n.message for n in app._notifications)


async def export_writes_the_same_report_as_the_command_line(app, pilot, tmp_path) -> None:
    target = tmp_path / "evening.md"
    await pilot.press("ctrl+e")
    await pilot.pause()
    fill(app, format="md", path=str(tmp_path / "missing" / "x.md"))
    await pilot.press("ctrl+s")
    await settle(app, pilot)
    assert "does not exist" in str(app.screen.query_one("#error-path").render())
    fill(app, path=str(target))
    await pilot.press("ctrl+s")
    await settle(app, pilot)
    assert target.read_text() == app.services.report.render("md")
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert not (tmp_path / "missing").exists()


async def plan_is_previewed_then_created(app, pilot) -> None:
    await pilot.press("p")
    await settle(app, pilot)
    fill(app, template="print run", code="MIEL-FLYER", name="Flyers Miel", client="Miel & Co", delivery="2026-12-04")
    await pilot.press("ctrl+s")
    await settle(app, pilot)
    assert app.screen.__class__.__name__ == "PlanPreviewScreen"
    notes = str(app.screen.query_one("#plan-notes").render())
    assert "working days ago" in notes
    await pilot.press("enter")
    await settle(app, pilot)
    with app.services.store.reading() as s:
        project = s.exec(select(Project).where(Project.code == "MIEL-FLYER")).one()
        tasks = s.exec(select(Task).where(Task.project_id == project.id)).all()
    assert len(tasks) == 8 and max(t.due_on for t in tasks).isoformat() == "2026-12-04"


async def a_roadblock_on_a_risk_lands_on_it(app, pilot) -> None:
    await settle(app, pilot)
    risk = app.services.risks.register()[3]
    await app.goto("evening", "risk", risk.id)
    await settle(app, pilot)
    table = app.screen.query_one("#risks")
    assert app.screen.focused is table
    assert cell_text(table, table.cursor_row)[1] == risk.title


async def charts_open_for_the_selected_project(app, pilot) -> None:
    app.screen.query_one("#projects").focus()
    await pilot.press("c")
    await settle(app, pilot)
    assert app.screen.__class__.__name__ == "ChartScreen"
    assert "Open tasks" in str(app.screen.query_one("#burndown").render())
    assert "estimate" in str(app.screen.query_one("#spend").render())


async def a_slip_offers_to_shift_the_dependants(app, pilot) -> None:
    services = app.services
    pid = services.planning.create(services.planning.preview(
        {"template": "print", "code": "SHIFT-1", "name": "Shift", "delivery": "2027-02-26"}))
    with services.store.reading() as s:
        tasks = s.exec(select(Task).where(Task.project_id == pid).order_by(Task.id)).all()
    draft = services.planning.slip_preview(tasks[0].id, (tasks[0].due_on + timedelta(days=7)).isoformat())
    app.screen._slip_previewed(draft)
    await pilot.pause()
    assert app.screen.__class__.__name__ == "ShiftScreen"
    assert f"{len(tasks) - 1} tasks wait on it" in rendered(app.screen.query_one("Static"))
    await pilot.press("y")
    await settle(app, pilot)
    with services.store.reading() as s:
        moved = s.exec(select(Task).where(Task.project_id == pid).order_by(Task.id)).all()
    assert all(a.due_on > b.due_on for a, b in zip(moved, tasks))


async def holidays_are_added_and_removed_from_the_evening(app, pilot) -> None:
    from datetime import date

    from prodcom_tui.store.models import Holiday

    await pilot.press("h")
    await settle(app, pilot)
    assert app.screen.__class__.__name__ == "HolidaysScreen"
    await pilot.press("n")
    await pilot.pause()
    fill(app, day="2026-12-24", label="Pont de Noël")
    await pilot.press("ctrl+s")
    await settle(app, pilot)
    assert app.screen.__class__.__name__ == "HolidaysScreen"
    with app.services.store.reading() as s:
        assert s.get(Holiday, date(2026, 12, 24)).label == "Pont de Noël"
    table = app.screen.query_one("#holiday-list")
    index = app.screen.days.index(date(2026, 12, 24))
    table.move_cursor(row=index)
    await pilot.press("d")
    await settle(app, pilot)
    with app.services.store.reading() as s:
        assert s.get(Holiday, date(2026, 12, 24)) is None
    assert date(2026, 12, 24) not in app.screen.days


async def palette_finds_the_evening_actions(app, pilot) -> None:
    await pilot.press("ctrl+p")
    await pilot.pause()
    await pilot.press(*"Holidays")
    await pilot.pause(0.5)
    await pilot.press("enter")
    await settle(app, pilot)
    assert app.screen.__class__.__name__ == "HolidaysScreen"


async def a_task_done_today_shows_under_what_moved(app, pilot) -> None:
    await settle(app, pilot)
    done_before = {m.label: len(m.items) for m in app.services.report.day_report().moved}.get("Tasks done", 0)
    task_id = app.services.overview.tasks_due()[0].id
    assert app.services.tasks.set_done([task_id], True) == 1
    await pilot.press("3")
    await settle(app, pilot)
    moved = rendered(app.screen.query_one("#moved"))
    assert f"Tasks done ({done_before + 1})" in moved
    # The demo records history for today and the previous working day only.
    await pilot.press("left_square_bracket", "left_square_bracket")
    await settle(app, pilot)
    assert "Nothing was recorded on Tue 24 Nov." in rendered(app.screen.query_one("#moved"))

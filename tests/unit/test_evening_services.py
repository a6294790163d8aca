"""Risks, health override and planning through the services, checked against the database."""

from __future__ import annotations

from datetime import date

import pytest
from sqlmodel import select

from prodcom_tui.domain.dates import add_working_days
from prodcom_tui.domain.errors import InputError
from prodcom_tui.store.models import ChangeBatch, HealthLog, Project, Risk, Task, TaskDependency

RISK = {"title": "Paper shortage", "likelihood": "likely", "impact": "4", "mitigation": "Reserve stock",
        "contingency": "Switch paper", "owner": "", "status": "open", "review": "2026-12-03"}


def first_code(services) -> str:
    return services.overview.projects()[0].code


def test_risk_create_edit_and_heat_counts(services) -> None:
    before = services.risks.heat()
    with pytest.raises(InputError) as err:
        services.risks.create({**RISK, "project": first_code(services), "impact": "likely"})
    assert err.value.field == "impact"  # 'likely' is a likelihood word, not an impact
    rid = services.risks.create({**RISK, "project": first_code(services), "impact": "5"})
    assert services.risks.heat()[(4, 5)] == before.get((4, 5), 0) + 1
    row = services.risks.get(rid)
    assert (row.score, row.review_on, row.project_code) == (20, date(2026, 12, 3), first_code(services))
    assert services.risks.register()[0].score >= 20
    services.risks.update(rid, {**RISK, "project": first_code(services), "impact": "2", "status": "closed"})
    with services.store.reading() as s:
        saved = s.get(Risk, rid)
        assert (saved.impact, saved.status) == (2, "closed")
        kinds = [b.kind for b in s.exec(select(ChangeBatch).order_by(ChangeBatch.id))][-2:]
    assert kinds == ["risk.create", "risk.update"]
    assert rid not in {r.id for r in services.risks.register()}


@pytest.mark.parametrize(("field", "value", "message"), [
    ("likelihood", "6", "not on the scale"), ("title", "  ", "empty"), ("status", "gone", "not a risk status"),
    ("review", "31/02/2026", "no 31 February"), ("project", "#NOPE", "no project #NOPE"), ("owner", "@ghost", "@ghost"),
])
def test_bad_risk_input_names_its_field_and_saves_nothing(services, field, value, message) -> None:
    with services.store.reading() as s:
        count = len(s.exec(select(Risk.id)).all())
    with pytest.raises(InputError, match=message) as err:
        services.risks.create({**RISK, "project": first_code(services), field: value})
    assert err.value.field == field
    with services.store.reading() as s:
        assert len(s.exec(select(Risk.id)).all()) == count


def test_health_override_is_kept_with_its_history(services) -> None:
    project = services.overview.projects()[0]
    services.report.set_health(project.id, "off_track", "Client froze the budget")
    services.report.set_health(project.id, None, "")
    services.report.set_health(project.id, "at_risk", "Budget partly back")
    line = next(p for p in services.report.day_report().projects if p.id == project.id)
    assert (line.health, line.comment) == ("at_risk", "Budget partly back")
    history = services.report.health_history(project.id)
    assert [(h.health, h.comment) for h in history[:3]] == [
        ("at_risk", "Budget partly back"), (None, ""), ("off_track", "Client froze the budget")]
    with pytest.raises(InputError, match="comment is empty"):
        services.report.set_health(project.id, "on_track", " ")
    with services.store.reading() as s:
        assert s.get(Project, project.id).health_override == "at_risk"
        assert len(s.exec(select(HealthLog).where(HealthLog.project_id == project.id)).all()) == 3


def test_plan_preview_then_create_chains_the_tasks(services) -> None:
    draft = services.planning.preview({"template": "print run", "code": "zed-print", "name": "Flyers Zed",
                                       "client": "Zed", "delivery": "2027-01-29"})
    assert draft.code == "ZED-PRINT" and draft.plan.late_by == 0
    assert draft.plan.steps[-1].end == date(2027, 1, 29)
    pid = services.planning.create(draft)
    with services.store.reading() as s:
        tasks = s.exec(select(Task).where(Task.project_id == pid).order_by(Task.id)).all()
        deps = s.exec(select(TaskDependency).where(TaskDependency.task_id.in_([t.id for t in tasks]))).all()
    assert [t.due_on for t in tasks] == [st.end for st in draft.plan.steps]
    assert len(deps) == len(tasks) - 1
    assert all(t.due_on.weekday() < 5 for t in tasks)
    with pytest.raises(InputError, match="already a project"):
        services.planning.preview({"template": "1", "code": "ZED-PRINT", "name": "x", "delivery": "2027-01-29"})


def test_plan_says_how_late_the_first_step_already_is(services) -> None:
    draft = services.planning.preview({"template": "print", "code": "LATE-1", "name": "Rush", "delivery": "+5"})
    assert draft.plan.late_by > 0
    assert f"{draft.plan.late_by} working days ago" in draft.plan.notes[-1]


@pytest.mark.parametrize(("values", "field"), [
    ({"delivery": "2026-11-20"}, "delivery"), ({"template": "opera"}, "template"), ({"code": "a b"}, "code"),
])
def test_plan_bad_input(services, values, field) -> None:
    base = {"template": "print", "code": "OK-1", "name": "N", "delivery": "2027-01-29"}
    with pytest.raises(InputError) as err:
        services.planning.preview({**base, **values})
    assert err.value.field == field


def test_template_step_edit_refuses_a_negative_lead_time(services) -> None:
    template = services.planning.templates()[0]
    with pytest.raises(InputError, match="lead time of -3"):
        services.planning.update_step(template.id, 1, "Brief", "-3")
    services.planning.update_step(template.id, 1, "Kick-off", "4")
    assert services.planning.templates()[0].steps[0] == type(template.steps[0])("Kick-off", 4, template.steps[0].role)


def test_slipping_a_task_offers_to_shift_its_dependants(services) -> None:
    draft = services.planning.preview({"template": "print", "code": "SLIP-1", "name": "Slip", "delivery": "2027-02-26"})
    pid = services.planning.create(draft)
    with services.store.reading() as s:
        tasks = s.exec(select(Task).where(Task.project_id == pid).order_by(Task.id)).all()
    first, holidays = tasks[0], services.planning.holidays()
    assert services.planning.slip_preview(first.id, first.due_on.isoformat()).by == 0
    slip = services.planning.slip_preview(first.id, add_working_days(first.due_on, 2, holidays).isoformat())
    assert slip.by == 2 and len(slip.dependants) == len(tasks) - 1
    assert services.planning.move_task(slip, shift_dependants=True) == len(tasks)
    with services.store.reading() as s:
        moved = s.exec(select(Task).where(Task.project_id == pid).order_by(Task.id)).all()
    assert [t.due_on for t in moved] == [add_working_days(t.due_on, 2, holidays) for t in tasks]


def test_slipping_without_shifting_moves_only_the_task(services) -> None:
    draft = services.planning.preview({"template": "print", "code": "SLIP-2", "name": "Slip", "delivery": "2027-02-26"})
    pid = services.planning.create(draft)
    with services.store.reading() as s:
        tasks = s.exec(select(Task).where(Task.project_id == pid).order_by(Task.id)).all()
    slip = services.planning.slip_preview(tasks[0].id, add_working_days(tasks[0].due_on, 1, services.planning.holidays()).isoformat())
    assert services.planning.move_task(slip, shift_dependants=False) == 1
    with services.store.reading() as s:
        assert [t.due_on for t in s.exec(select(Task).where(Task.project_id == pid).order_by(Task.id))][1:] == [
            t.due_on for t in tasks[1:]]


def test_a_bridge_day_added_as_holiday_moves_the_plan(services) -> None:
    values = {"template": "print", "code": "BRIDGE-1", "name": "Bridge", "delivery": "2027-01-08"}
    before = services.planning.preview(values).plan
    services.planning.add_holiday("2027-01-07", "Pont")
    after = services.planning.preview(values).plan
    assert before.steps[-1].start == date(2027, 1, 7) and after.steps[-1].start == date(2027, 1, 6)
    with pytest.raises(InputError, match="already a holiday"):
        services.planning.add_holiday("07/01/2027", "again")
    services.planning.remove_holiday(date(2027, 1, 7))
    assert date(2027, 1, 7) not in {d for d, _ in services.planning.holiday_list()}

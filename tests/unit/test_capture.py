"""The one-line capture parser, and the task writes the morning's keys use."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from prodcom_tui.domain.capture import Capture, parse_capture
from prodcom_tui.domain.errors import InputError

TODAY = date(2026, 11, 26)  # a Thursday


def test_tokens_anywhere_and_the_rest_is_the_subject() -> None:
    c = parse_capture("! Call the printer @lea about paper #VERA-PRINTEMPS ^fri ~chat", TODAY)
    assert c == Capture("Call the printer about paper", True, "lea", "VERA-PRINTEMPS", date(2026, 11, 27), "chat")
    assert "URGENT" in c.describe() and "@lea" in c.describe() and "2026-11-27" in c.describe()


def test_plain_line_is_a_normal_phone_request() -> None:
    assert parse_capture("  Budget figures for Monday  ", TODAY) == Capture("Budget figures for Monday")


@pytest.mark.parametrize("line, needle", [
    ("", "subject is empty"),
    ("! @lea #X ^fri", "subject is empty"),
    ("Proofs ^31/02", "no 31 February"),
    ("Proofs @lea @hugo", "keep one"),
    ("Proofs ~fax", "not a source"),
])
def test_bad_lines_say_what_is_wrong(line: str, needle: str) -> None:
    with pytest.raises(InputError, match=needle) as info:
        parse_capture(line, TODAY)
    assert info.value.field == "line"


@given(st.text(max_size=120))
def test_any_line_parses_or_fails_with_one_input_error(line: str) -> None:
    try:
        c = parse_capture(line, TODAY)
    except InputError:
        return
    assert c.subject and "\x1b" not in c.subject and len(c.subject) <= 200


def test_capture_refuses_unknown_people_and_projects(services) -> None:
    with pytest.raises(InputError, match="@nobody") as info:
        services.requests.capture("Proofs @nobody")
    assert info.value.field == "line"
    with pytest.raises(InputError, match="#NOPE"):
        services.requests.capture("Proofs #NOPE")
    rid = services.requests.capture("! Proofs for the stand @lea ^+2")
    detail = services.requests.detail(rid)
    assert detail.row.urgency == "urgent" and detail.person == "Léa Garnier" and detail.row.wanted_on == date(2026, 11, 28)


def test_a_dependency_cycle_is_refused_naming_the_tasks(services) -> None:
    a = services.tasks.create("Step A", "#VERA-PRINTEMPS")
    b = services.tasks.create("Step B", "#VERA-PRINTEMPS")
    c = services.tasks.create("Step C", "#VERA-PRINTEMPS")
    services.tasks.edit(b, depends_on=str(a))
    services.tasks.edit(c, depends_on=f"{b}")
    with pytest.raises(InputError, match="loop") as info:
        services.tasks.edit(a, depends_on=f"#{c}", title="Renamed")
    message = str(info.value)
    assert info.value.field == "depends_on" and all(f"#{t}" in message for t in (a, b, c)) and "Step B" in message
    assert services.tasks.detail(a).title == "Step A"  # nothing saved half-way
    services.tasks.edit(c, depends_on="")
    assert services.tasks.detail(c).depends_on == ()


def test_edit_validates_every_field_before_writing(services) -> None:
    t = services.tasks.create("Layout", "#VERA-PRINTEMPS")
    for field, value in (("due", "31/02"), ("priority", "urgent"), ("estimate", "1e3"), ("assignee", "@ghost"),
                         ("project", "#NOPE"), ("depends_on", "abc")):
        with pytest.raises(InputError) as info:
            services.tasks.edit(t, title="Changed", **{field: value})
        assert info.value.field == field
    assert services.tasks.detail(t).title == "Layout"
    services.tasks.edit(t, title="Layout v2", due="02/12", priority="high", estimate="6h", assignee="@lea")
    d = services.tasks.detail(t)
    assert (d.title, d.due_on, d.priority, d.estimate_hours, d.assignee_handle) == ("Layout v2", date(2026, 12, 2), 1, 6, "lea")


def test_bulk_writes_are_one_undoable_batch_each(services) -> None:
    ids = [services.tasks.create(f"T{i}", "#VERA-PRINTEMPS") for i in range(3)]
    assert services.tasks.set_done(ids, True) == 3
    assert services.tasks.set_due(ids, "tomorrow") == 3
    assert services.tasks.reassign(ids, "@hugo") == 3
    services.system.undo_last()
    services.system.undo_last()
    assert {services.tasks.detail(i).due_on for i in ids} == {None}
    assert {services.tasks.detail(i).assignee_handle for i in ids} == {""}
    services.system.undo_last()
    assert services.tasks.set_done(ids, False) == 0  # undo already reopened them
    note = services.tasks.add_note(1, "Great layout, tighten the kerning", ids[0])
    assert note > 0

"""Retro-planning placed backwards across a weekend and a holiday, and the slip arithmetic."""

from __future__ import annotations

from datetime import date

import pytest

from prodcom_tui.domain.errors import InputError
from prodcom_tui.domain.planning import Step, dependants_closure, retro_plan, shift_all, slip_days

ARMISTICE = date(2026, 11, 11)  # a Wednesday
HOLIDAYS = {ARMISTICE}
STEPS = [Step("Brief", 3), Step("Go", 0), Step("Print", 2)]


@pytest.mark.parametrize(
    ("delivery", "today", "expected", "late_by"),
    [
        # Print Thu 12-Fri 13; the holiday on Wed 11 is skipped, the milestone sits on Tue 10,
        # and Brief's three days run back over the weekend to Fri 6.
        (date(2026, 11, 13), date(2026, 11, 2),
         [(date(2026, 11, 6), date(2026, 11, 10)), (date(2026, 11, 10), date(2026, 11, 10)),
          (date(2026, 11, 12), date(2026, 11, 13))], 0),
        # A Saturday delivery: the last step ends the Friday before.
        (date(2026, 11, 14), date(2026, 11, 2),
         [(date(2026, 11, 6), date(2026, 11, 10)), (date(2026, 11, 10), date(2026, 11, 10)),
          (date(2026, 11, 12), date(2026, 11, 13))], 0),
        # Decided on Tue 10: Brief should have started Fri 6, two working days ago (Mon 9, Tue 10).
        (date(2026, 11, 13), date(2026, 11, 10),
         [(date(2026, 11, 6), date(2026, 11, 10)), (date(2026, 11, 10), date(2026, 11, 10)),
          (date(2026, 11, 12), date(2026, 11, 13))], 2),
        # Delivery on Mon 16: Print Fri 13-Mon 16, milestone Thu 12, Brief Mon 9-Thu 12 around the holiday.
        (date(2026, 11, 16), date(2026, 11, 2),
         [(date(2026, 11, 9), date(2026, 11, 12)), (date(2026, 11, 12), date(2026, 11, 12)),
          (date(2026, 11, 13), date(2026, 11, 16))], 0),
    ],
)
def test_retro_plan_table(delivery, today, expected, late_by) -> None:
    plan = retro_plan(delivery, STEPS, today, HOLIDAYS)
    assert [(s.start, s.end) for s in plan.steps] == expected
    assert plan.late_by == late_by
    assert [s.title for s in plan.steps] == ["Brief", "Go", "Print"]
    if late_by:
        assert any(f"{late_by} working days ago" in note for note in plan.notes)


def test_saturday_delivery_is_explained() -> None:
    plan = retro_plan(date(2026, 11, 14), STEPS, date(2026, 11, 2), HOLIDAYS)
    assert "not a working day" in plan.notes[0]


def test_negative_lead_time_is_refused() -> None:
    with pytest.raises(InputError, match="lead time of -2"):
        retro_plan(date(2026, 12, 4), [Step("Proof", -2)], date(2026, 11, 26), HOLIDAYS)


def test_delivery_in_the_past_is_refused() -> None:
    with pytest.raises(InputError, match="in the past") as err:
        retro_plan(date(2026, 11, 20), STEPS, date(2026, 11, 26), HOLIDAYS)
    assert err.value.field == "delivery"


def test_empty_template_is_refused() -> None:
    with pytest.raises(InputError, match="no steps"):
        retro_plan(date(2026, 12, 4), [], date(2026, 11, 26), HOLIDAYS)


def test_slip_and_shift_skip_the_weekend_and_holiday() -> None:
    assert slip_days(date(2026, 11, 10), date(2026, 11, 12), HOLIDAYS) == 1
    moved = shift_all({1: date(2026, 11, 10), 2: date(2026, 11, 13), 3: None}, 1, HOLIDAYS)
    assert moved == {1: date(2026, 11, 12), 2: date(2026, 11, 16)}


def test_dependants_closure_follows_chains_once() -> None:
    edges = [(2, 1), (3, 2), (4, 2), (4, 3), (5, 9)]
    assert dependants_closure(1, edges) == [2, 3, 4]
    assert dependants_closure(4, edges) == []

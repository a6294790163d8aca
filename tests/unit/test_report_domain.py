"""The health rule and the day's moves, as pure functions."""

from __future__ import annotations

import pytest

from prodcom_tui.domain.report import (
    AT_RISK, OFF_TRACK, ON_TRACK, HealthSignals, forecast_minor, group_moves, health,
)

BUDGET = {"estimate_minor": 100_00, "forecast_minor": 60_00}


@pytest.mark.parametrize(
    ("signals", "expected", "reason"),
    [
        (HealthSignals(**BUDGET), ON_TRACK, None),
        (HealthSignals(reviews_waiting=2, **BUDGET), ON_TRACK, "2 drafts waiting for review"),
        (HealthSignals(overdue_tasks=1, worst_overdue_days=2, **BUDGET), AT_RISK, "1 task overdue by 2 working days"),
        (HealthSignals(overdue_tasks=3, worst_overdue_days=6, **BUDGET), OFF_TRACK, "3 tasks overdue, the oldest by 6 working days"),
        (HealthSignals(slip_days=5, **BUDGET), AT_RISK, "slips by 5 working days"),
        (HealthSignals(slip_days=6, **BUDGET), OFF_TRACK, "slips by 6 working days"),
        (HealthSignals(late_deliveries=1, **BUDGET), AT_RISK, "1 vendor delivery late"),
        (HealthSignals(serious_risks=2, **BUDGET), AT_RISK, "2 serious risks open"),
        (HealthSignals(estimate_minor=100_00, forecast_minor=105_00), AT_RISK, "5 % over"),
        (HealthSignals(estimate_minor=100_00, forecast_minor=111_00), OFF_TRACK, "11 % over"),
        (HealthSignals(estimate_minor=100_00, forecast_minor=100_00, used_minor=95_00), AT_RISK, "95 % of the budget ordered"),
        (HealthSignals(estimate_minor=100_00, forecast_minor=100_00, used_minor=40_00), ON_TRACK, None),
        (HealthSignals(estimate_minor=0, forecast_minor=0), ON_TRACK, None),
    ],
)
def test_health_rule(signals, expected, reason) -> None:
    status, reasons = health(signals)
    assert status == expected
    if reason is None:
        assert reasons == ()
    else:
        assert any(reason in r for r in reasons), reasons


def test_off_track_reasons_come_first_and_are_not_repeated() -> None:
    status, reasons = health(HealthSignals(slip_days=8, overdue_tasks=1, worst_overdue_days=1, **BUDGET))
    assert status == OFF_TRACK
    assert reasons[0].startswith("delivery slips by 8")
    assert len(reasons) == len(set(reasons))


def test_forecast_follows_the_afternoon_rule() -> None:
    assert forecast_minor(100, 0, 20) == 100  # not ordered yet: the estimate stands
    assert forecast_minor(100, 80, 20) == 80  # ordered: the orders do
    assert forecast_minor(100, 130, 20) == 130
    assert forecast_minor(100, 0, 140) == 140


def test_moves_are_grouped_in_reading_order() -> None:
    moved = group_moves([("expense.create", "Expense 12 €"), ("task.done", "Done: proof"),
                         ("import.expenses", "Imported 3 expenses"), ("vendor.create", "New vendor"),
                         ("review.approve", "Approved round 2")])
    assert [m.label for m in moved] == ["Tasks done", "Expenses recorded", "Reviews done", "Other changes"]
    assert moved[1].items == ("Expense 12 €", "Imported 3 expenses")


def test_markdown_escapes_only_what_changes_meaning() -> None:
    from prodcom_tui.io.report.markdown import md

    assert md("Rapport (impression) #2") == "Rapport (impression) #2"
    assert md("# not a heading") == "\\# not a heading"
    assert md("[link](http://x) *a* | b") == "\\[link\\](http://x) \\*a\\* \\| b"


@pytest.mark.parametrize(("quotes", "needs", "said"), [
    (1, 1, "accept or decline 1 quote"),
    (2, 2, "accept or decline 2 quotes"),
    (2, 1, "choose among 2 quotes for 1 need"),
    (7, 3, "choose among 7 quotes for 3 needs"),
])
def test_a_lone_quote_is_accepted_or_declined_not_chosen_among(quotes: int, needs: int, said: str) -> None:
    from prodcom_tui.domain.report_build import quote_decision

    assert quote_decision(quotes, needs) == said

"""Roadblock severity rules (pure) and the service's list on the demo data."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from prodcom_tui.domain import roadblocks as rb


def test_overdue_severity_grows_with_lateness_and_priority() -> None:
    assert rb.overdue_severity(1, 2) == 1
    assert rb.overdue_severity(2, 2) == 2
    assert rb.overdue_severity(5, 3) == 3
    assert rb.overdue_severity(1, 1) == 2
    assert rb.overdue_severity(9, 1) == 3


def test_blocked_severity_follows_the_due_date() -> None:
    assert rb.blocked_severity(None) == 1
    assert rb.blocked_severity(0) == 3
    assert rb.blocked_severity(-4) == 3
    assert rb.blocked_severity(2) == 2
    assert rb.blocked_severity(10) == 1


def test_budget_kind_and_severity() -> None:
    assert rb.budget_kind(10_000, 8_999) is None
    assert rb.budget_kind(10_000, 9_000) == "budget_90"
    assert rb.budget_kind(10_000, 10_000) == "budget_90"
    assert rb.budget_kind(10_000, 10_001) == "over_budget"
    assert rb.budget_kind(0, 0) is None
    assert rb.budget_kind(0, 1) == "over_budget"
    assert rb.budget_severity(10_000, 10_500) == 2
    assert rb.budget_severity(10_000, 11_001) == 3
    assert rb.budget_severity(0, 1) == 3
    assert rb.budget_severity(10_000, 9_500) == 1


def test_risk_review_and_delivery_rules() -> None:
    assert rb.risk_severity(3, 4) is None
    assert rb.risk_severity(3, 5) == 2
    assert rb.risk_severity(4, 5) == 3
    assert rb.review_severity(3, 3) == 1
    assert rb.review_severity(6, 3) == 2
    assert rb.late_delivery_severity(1) == 2
    assert rb.late_delivery_severity(3) == 3


def test_ranked_puts_the_most_severe_then_the_oldest_first() -> None:
    old, new = date(2026, 11, 1), date(2026, 11, 20)
    items = [
        rb.make("risk", 1, "A", "r", new, 2, 1),
        rb.make("overdue_task", 1, "A", "t", new, 3, 2),
        rb.make("late_delivery", 1, "A", "d", old, 3, 3),
        rb.make("budget_90", 1, "A", "b", old, 1, 4),
    ]
    assert [r.target_id for r in rb.ranked(items)] == [3, 2, 1, 4]
    assert items[2].target_mode == "afternoon" and items[2].target == "delivery"


def test_every_kind_has_a_target_and_a_label() -> None:
    assert set(rb.TARGETS) == set(rb.KINDS) == set(rb.LABELS)


def test_service_lists_every_kind_on_the_demo_data(services) -> None:
    found = services.roadblocks.list()
    kinds = {r.kind for r in found}
    assert {"overdue_task", "blocked_task"} <= kinds
    assert found == rb.ranked(found)
    one = found[0]
    assert services.roadblocks.list(one.project_id)
    assert all(r.project_id == one.project_id for r in services.roadblocks.list(one.project_id))


def test_finishing_the_blocker_clears_the_blocked_roadblock(services) -> None:
    blocked = next(r for r in services.roadblocks.list() if r.kind == "blocked_task")
    blockers = services.tasks.detail(blocked.target_id).depends_on
    services.tasks.set_done(list(blockers), True)
    left = {(r.kind, r.target_id) for r in services.roadblocks.list()}
    assert ("blocked_task", blocked.target_id) not in left


@pytest.mark.parametrize("today", [date(2026, 11, 26), date(2026, 11, 28), date(2026, 12, 25)],
                         ids=["thursday", "saturday", "christmas"])
def test_a_review_is_a_roadblock_once_it_has_waited_longer_than_the_setting(demo_path, today) -> None:  # noqa: ANN001
    """The setting (3 working days) is how long a review may wait: on its third working day it is not late
    yet, whatever day today is (on a weekend or a holiday the day itself is not a working day)."""
    from sqlmodel import select

    from prodcom_tui.domain.clock import Clock
    from prodcom_tui.domain.dates import FRENCH_HOLIDAYS, working_days_between
    from prodcom_tui.services.facade import Services
    from prodcom_tui.store.models import Deliverable, Project, Review
    from prodcom_tui.store.open import open_store

    def waited(days: int) -> date:  # the latest day from which `days` working days have passed by today
        return next(today - timedelta(n) for n in range(30) if working_days_between(today - timedelta(n), today, FRENCH_HOLIDAYS) == days)

    store = open_store(demo_path, clock=Clock(today))
    try:
        with store.raw_writing() as s:
            deliverable = s.exec(select(Deliverable).join(Project).where(Project.status == "live")).first()
            reviews = {days: Review(deliverable_id=deliverable.id, round=10 + days, submitted_on=waited(days)) for days in (3, 4)}
            s.add_all(reviews.values())
            s.flush()
            ids = {days: review.id for days, review in reviews.items()}
        late = {r.target_id for r in Services(store).roadblocks.list() if r.kind == "review_waiting"}
    finally:
        store.dispose()
    assert ids[4] in late and ids[3] not in late

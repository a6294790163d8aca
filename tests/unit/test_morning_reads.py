"""The morning's plain-SQL reads give what SQLAlchemy's ORM gives.

The oracle is tests/unit/morning_reference.py (the ORM queries these reads replaced).
"""

from __future__ import annotations

from collections import Counter

import morning_reference as ref
import pytest

from prodcom_tui.services.facade import Services

FILTERS = ("", "a", "re", "%", "_", "\\", "zzz-no-match")


def check_reads(services: Services, store, today) -> None:  # noqa: ANN001
    """Every morning read of `services` against the ORM oracle on `store` (the same file)."""
    assert services.roadblocks.list() == ref.roadblocks(store, today)
    assert services.team.board() == ref.board(store, today)
    assert services.timeline.lanes() == ref.lanes(store, today)
    assert services.inbox.counts() == ref.request_counts(store)
    assert services.system.is_empty() == ref.is_empty(store)
    assert services.system.change_mark()[1:] == ref.batches(store)
    for text in FILTERS:
        check_source(services.inbox.open_source(), ref.all_rows(store, ref.open_requests(text)), text)
        check_source(services.team.tasks_source(), ref.all_rows(store, ref.team_tasks(today, text)), text)


def check_source(source, expected: list, text: str) -> None:  # noqa: ANN001
    assert source.count(text) == len(expected)
    assert source.count(text, cap=3) == min(3, len(expected))
    assert source.window(text, 0, 10_000) == expected
    assert source.window(text, 5, 7) == expected[5:12]


def test_the_oracle_sees_every_kind_of_row(demo_store, clock) -> None:
    """So the comparisons below are not between two empty lists."""
    kinds = Counter(r.kind for r in ref.roadblocks(demo_store, clock.today()))
    assert set(kinds) == {"overdue_task", "blocked_task", "late_delivery", "review_waiting", "over_budget",
                          "budget_90", "risk"}, kinds
    groups = Counter(r.group for r in ref.all_rows(demo_store, ref.team_tasks(clock.today(), "")))
    assert {"done", "late", "today", "blocked", "next"} <= set(groups), groups
    assert ref.all_rows(demo_store, ref.open_requests("")) and ref.board(demo_store, clock.today())
    assert any(m.overdue_tasks for lane in ref.lanes(demo_store, clock.today()) for m in lane.milestones)


def test_store_reads_match_the_orm(services, demo_store, clock) -> None:
    check_reads(services, demo_store, clock.today())
    for project_id in {r.project_id for r in ref.roadblocks(demo_store, clock.today())}:
        assert services.roadblocks.list(project_id) == ref.roadblocks(demo_store, clock.today(), project_id)


def test_task_position_is_the_index_in_the_team_list(services, demo_store, clock) -> None:
    rows = ref.all_rows(demo_store, ref.team_tasks(clock.today(), ""))
    for index in (0, 7, len(rows) - 1):
        assert services.tasks.team_position(rows[index].id) == index
    assert services.tasks.team_position(10**9) is None
    filtered = ref.all_rows(demo_store, ref.team_tasks(clock.today(), "re"))
    assert services.team.task_position(filtered[-1].id, "re") == len(filtered) - 1


@pytest.fixture(scope="module")
def large_path(tmp_path_factory):  # noqa: ANN001, ANN201
    """The `large` dataset (10,000 tasks, 5,000 requests): ~2 s to generate."""
    from prodcom_tui.domain.clock import Clock
    from prodcom_tui.store.demo import generate
    from prodcom_tui.store.open import open_store

    path = tmp_path_factory.mktemp("large") / "large.db"
    store = open_store(path, clock=Clock(ref.TODAY))
    generate(store, "large", seed=7)
    store.dispose()
    return path


def test_store_reads_match_the_orm_on_large(large_path, clock) -> None:
    from prodcom_tui.store.open import open_store

    store = open_store(large_path, clock=clock)
    try:
        check_reads(Services(store), store, clock.today())
    finally:
        store.dispose()

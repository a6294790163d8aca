"""The morning's plain-SQL reads give what SQLAlchemy's ORM gives, on the store and on the fast path.

The oracle is tests/unit/morning_reference.py (the ORM queries these reads replaced). Each read runs two
ways: through the opened store (SQLAlchemy `text()`), and through an `OpeningStore` whose real store is
not open yet (bare read-only sqlite3 connections), as the app does while SQLAlchemy loads.
"""

from __future__ import annotations

import threading
from collections import Counter

import morning_reference as ref
import pytest

from prodcom_tui.services.facade import Services
from prodcom_tui.services.opening import OpeningStore, open_fast

FILTERS = ("", "a", "re", "%", "_", "\\", "zzz-no-match")


def fast_services(path, clock, opened=None) -> Services:  # noqa: ANN001
    services = open_fast(path, clock, opened or (lambda: pytest.fail("the fast path must not open the store")))
    assert services is not None and isinstance(services.store, OpeningStore)
    return services


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


def test_fast_reads_match_the_orm_before_the_store_opens(demo_path, demo_store, clock) -> None:
    fast = fast_services(demo_path, clock)
    check_reads(fast, demo_store, clock.today())
    assert "sqlalchemy" not in type(fast.store).__module__


def test_task_position_is_the_index_in_the_team_list(services, demo_store, clock) -> None:
    rows = ref.all_rows(demo_store, ref.team_tasks(clock.today(), ""))
    for index in (0, 7, len(rows) - 1):
        assert services.team.task_position(rows[index].id) == index
    assert services.team.task_position(10**9) is None
    filtered = ref.all_rows(demo_store, ref.team_tasks(clock.today(), "re"))
    assert services.team.task_position(filtered[-1].id, "re") == len(filtered) - 1


def test_fast_path_sees_commits_of_the_write_engine(demo_path, services, demo_store, clock) -> None:
    """mode=ro on a WAL file: a fresh read connection sees what the store committed a moment ago."""
    fast = fast_services(demo_path, clock)
    total, urgent = fast.inbox.counts()
    mark = fast.system.change_mark()
    services.requests.create("Print proofs by Friday", urgency="urgent")
    assert fast.inbox.counts() == (total + 1, urgent + 1)
    assert fast.system.change_mark() != mark
    assert fast.inbox.open_source().window("proofs by friday", 0, 10)[0].subject == "Print proofs by Friday"


def test_a_write_waits_for_the_store_then_succeeds(demo_path, clock) -> None:
    from prodcom_tui.store.open import open_store

    fast = fast_services(demo_path, clock, lambda: open_store(demo_path, clock=clock))
    total = fast.inbox.counts()[0]
    done = []
    writer = threading.Thread(target=lambda: done.append(fast.requests.create("Call the printer")))
    writer.start()
    writer.join(0.3)
    assert writer.is_alive() and not done  # waiting for the store, not failing
    fast.finish_open()
    writer.join(10)
    try:
        assert done and fast.inbox.counts()[0] == total + 1
        assert fast.system.change_mark()[0] == 1  # the write counts in this process's mark
    finally:
        fast.close()


def test_a_store_that_fails_to_open_fails_the_waiting_write(demo_path, clock) -> None:
    from prodcom_tui.store.errors import StoreError

    def broken():  # noqa: ANN202
        raise OSError("disk gone")

    fast = fast_services(demo_path, clock, broken)
    with pytest.raises(OSError):
        fast.finish_open()
    with pytest.raises(StoreError):
        fast.requests.create("Call the printer")
    assert fast.inbox.counts()  # reads still answer from the file


def test_no_fast_path_for_a_file_not_at_the_current_schema(tmp_path, clock) -> None:
    import sqlite3

    old = tmp_path / "old.db"
    with sqlite3.connect(old) as db:
        db.execute("CREATE TABLE alembic_version (version_num VARCHAR(32))")
        db.execute("INSERT INTO alembic_version VALUES ('0000_not_a_revision')")
    assert open_fast(old, clock, lambda: None) is None
    assert open_fast(tmp_path / "missing.db", clock, lambda: None) is None


def test_fast_and_store_reads_match_the_orm_on_large(large_path, clock) -> None:
    from prodcom_tui.store.open import open_store

    store = open_store(large_path, clock=clock)
    try:
        check_reads(Services(store), store, clock.today())
        check_reads(fast_services(large_path, clock), store, clock.today())
    finally:
        store.dispose()

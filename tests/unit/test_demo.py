"""The demo generator: every situation the screens are built for is present, deterministically."""

from __future__ import annotations

import re
from datetime import date, timedelta
from pathlib import Path

import pytest
from sqlalchemy import text

from prodcom_tui.domain.clock import Clock
from prodcom_tui.store.demo import SIZES, generate, is_empty
from prodcom_tui.store.errors import StoreError
from prodcom_tui.store.open import open_store

TODAY = date(2026, 11, 26)  # a Thursday
OPEN = "status IN ('todo', 'doing')"
SPEND = """SELECT l.estimate_minor AS estimate, coalesce(sum(e.amount_minor), 0) AS actual
           FROM budgetline l LEFT JOIN expense e ON e.budget_line_id = l.id GROUP BY l.id"""

# What the morning and afternoon screens flag; every seed and every day must produce each of them.
ROADBLOCKS = {
    "overdue task": f"SELECT count(*) FROM task WHERE {OPEN} AND due_on < :today",
    "task due today": f"SELECT count(*) FROM task WHERE {OPEN} AND due_on = :today",
    "blocked task": f"""SELECT count(*) FROM task t JOIN taskdependency d ON d.task_id = t.id
                        JOIN task p ON p.id = d.depends_on_id WHERE t.{OPEN} AND p.{OPEN}""",
    "late delivery": """SELECT count(*) FROM delivery WHERE expected_on < :today
                        AND status IN ('scheduled', 'shipped') AND actual_on IS NULL""",
    "over-budget line": f"SELECT count(*) FROM ({SPEND}) WHERE actual > estimate",
    "line past 90 %": f"SELECT count(*) FROM ({SPEND}) WHERE actual * 10 >= estimate * 9 AND actual <= estimate",
    "open risk scored 15+": "SELECT count(*) FROM risk WHERE status = 'open' AND likelihood * impact >= 15",
    "review pending > 3 working days": "SELECT count(*) FROM review WHERE verdict = 'pending' AND submitted_on < :wait",
    "urgent open request": "SELECT count(*) FROM request WHERE status = 'open' AND urgency = 'urgent'",
    "accepted quote with its PO": """SELECT count(*) FROM quote q JOIN purchaseorder p ON p.quote_id = q.id
                                     WHERE q.status = 'accepted' AND p.amount_minor = q.amount_minor
                                     AND p.vendor_id = q.vendor_id AND p.budget_line_id = q.budget_line_id""",
}
# Further situations the demo (with its fixed Thursday) shows.
SITUATIONS = {
    "task due later this week": f"SELECT count(*) FROM task WHERE {OPEN} AND due_on > :today AND due_on <= :sunday",
    "done yesterday": "SELECT count(*) FROM task WHERE status = 'done' AND date(done_at) = :yesterday",
    "done today": "SELECT count(*) FROM task WHERE status = 'done' AND date(done_at) = :today",
    "upcoming delivery": "SELECT count(*) FROM delivery WHERE expected_on >= :today AND actual_on IS NULL",
    "received delivery": "SELECT count(*) FROM delivery WHERE status = 'received' AND actual_on <= :today",
    "milder open risk": "SELECT count(*) FROM risk WHERE status = 'open' AND likelihood * impact < 15",
    "signed BAT on print": """SELECT count(*) FROM review r JOIN deliverable d ON d.id = r.deliverable_id
                              WHERE r.is_bat AND r.verdict = 'approved' AND r.signed_by IS NOT NULL
                              AND d.kind = 'print' AND d.bat_signed_at IS NOT NULL""",
    "open mail request": "SELECT count(*) FROM request WHERE status = 'open' AND message_id IS NOT NULL",
    "triaged request with task": "SELECT count(*) FROM request WHERE status = 'triaged' AND task_id IS NOT NULL",
    "archived request": "SELECT count(*) FROM request WHERE status = 'archived'",
    "expense against a PO": "SELECT count(*) FROM expense WHERE purchase_order_id IS NOT NULL",
    "review with checks": "SELECT count(DISTINCT review_id) FROM reviewcheck",
    "feedback note": "SELECT count(*) FROM note WHERE task_id IS NOT NULL",
    "health override logged": "SELECT count(*) FROM project p JOIN healthlog h ON h.project_id = p.id "
                              "WHERE p.health_override IS NOT NULL",
    "campaign metric": "SELECT count(*) FROM campaignmetric WHERE day >= :month_ago AND day < :today",
}


def _open(path: Path, today: date = TODAY):  # noqa: ANN202
    return open_store(path, clock=Clock(today))


def _one(store, sql: str, **params: str) -> int:  # noqa: ANN001
    with store.read_engine.connect() as conn:
        return conn.execute(text(sql), params).scalar_one()


def _rows(store, sql: str) -> list[tuple]:  # noqa: ANN001
    with store.read_engine.connect() as conn:
        return [tuple(r) for r in conn.execute(text(sql))]


def _working_days_before(day: date, n: int) -> date:
    while n:
        day -= timedelta(days=1)
        n -= day.weekday() < 5
    return day


def _params(today: date) -> dict[str, str]:
    days = {"today": today, "yesterday": today - timedelta(days=1), "wait": _working_days_before(today, 3),
            "sunday": today + timedelta(days=6 - today.weekday()), "month_ago": today - timedelta(days=30)}
    return {k: v.isoformat() for k, v in days.items()}


@pytest.fixture(scope="module")
def demo(tmp_path_factory):  # noqa: ANN001, ANN201
    store = _open(tmp_path_factory.mktemp("demo") / "d.db")
    counts = generate(store, "demo")
    yield store, counts
    store.dispose()


@pytest.mark.parametrize("label", [*ROADBLOCKS, *SITUATIONS])
def test_demo_has_every_situation(demo, label: str) -> None:  # noqa: ANN001
    store, _ = demo
    sql = ROADBLOCKS.get(label) or SITUATIONS[label]
    used = {k: v for k, v in _params(TODAY).items() if f":{k}" in sql}
    assert _one(store, sql, **used) > 0, label


def test_demo_counts_match_its_size(demo) -> None:  # noqa: ANN001
    store, counts = demo
    spec = SIZES["demo"]
    assert counts["project"] == spec.live + spec.done + spec.archived
    assert _one(store, "SELECT count(*) FROM project WHERE status = 'live'") == 12
    assert _one(store, "SELECT count(*) FROM project WHERE status IN ('done', 'archived')") >= 2
    assert (counts["person"], counts["vendor"], counts["task"]) == (8, 40, spec.tasks)
    assert (counts["expense"], counts["request"]) == (spec.expenses, spec.requests)
    for table, n in counts.items():
        assert _one(store, f"SELECT count(*) FROM {table}") == n, table
    # The change log holds the last two working days' history, one entry per batch, none undone.
    assert _one(store, "SELECT count(*) FROM changebatch") == _one(store, "SELECT count(*) FROM changeentry") > 0
    assert _one(store, "SELECT count(*) FROM changebatch WHERE undone OR kind NOT IN ('task.done', 'expense.create')") == 0


def test_demo_people_and_codes_are_usable_as_tags(demo) -> None:  # noqa: ANN001
    store, _ = demo
    handles = [h for (h,) in _rows(store, "SELECT handle FROM person")]
    assert all(re.fullmatch(r"[a-z][a-z0-9.]*", h) for h in handles) and len(set(handles)) == len(handles)
    assert len(_rows(store, "SELECT DISTINCT role FROM person")) == 8
    codes = [c for (c,) in _rows(store, "SELECT code FROM project")]
    assert "VERA-PRINTEMPS" in codes and all(re.fullmatch(r"[A-Z0-9-]+", c) for c in codes)
    assert ("Lancement gamme Printemps — Maison Véra",) in _rows(store, "SELECT name FROM project")
    # The lists show a live project's code whole (at 14 cells the afternoon cut LUNE-TEMOIGNAGE short).
    from prodcom_tui.ui.format import CODE_WIDTH

    assert max(len(c) for (c,) in _rows(store, "SELECT code FROM project WHERE status = 'live'")) <= CODE_WIDTH


def test_demo_quotes_compare_several_vendors_of_the_right_category(demo) -> None:  # noqa: ANN001
    store, _ = demo
    rows = _rows(store, """SELECT count(*), sum(q.status = 'accepted'), sum(v.category <> l.category)
                           FROM quote q JOIN vendor v ON v.id = q.vendor_id JOIN budgetline l ON l.id = q.budget_line_id
                           GROUP BY q.budget_line_id""")
    assert rows and all(2 <= n <= 4 and accepted <= 1 and wrong == 0 for n, accepted, wrong in rows)
    open_needs = "SELECT count(DISTINCT budget_line_id) FROM quote WHERE status IN ('requested', 'negotiating')"
    assert _one(store, open_needs) >= 3
    assert _one(store, "SELECT count(*) FROM quote WHERE status = 'requested' AND amount_minor IS NULL") > 0
    numbers = [n for (n,) in _rows(store, "SELECT number FROM purchaseorder")]
    assert numbers and all(re.fullmatch(r"BC-\d{4}-\d{4}", n) for n in numbers)
    refs = [r for (r,) in _rows(store, "SELECT invoice_ref FROM expense WHERE invoice_ref <> ''")]
    assert refs and all(re.fullmatch(r"FAC-\d{5}", r) for r in refs)


def test_demo_reference_rows(demo) -> None:  # noqa: ANN001
    store, _ = demo
    holidays = {d for (d,) in _rows(store, "SELECT day FROM holiday")}
    assert {"2026-04-06", "2026-07-14", "2027-03-29", "2027-12-25"} <= holidays  # Easter Mondays computed
    steps = _rows(store, """SELECT s.title, s.lead_days FROM plantemplatestep s JOIN plantemplate t
                            ON t.id = s.template_id WHERE t.name = 'Print run' ORDER BY s.position""")
    assert steps == [("Brief", 2), ("Copywriting", 5), ("Design", 8), ("Client review", 3), ("Corrections", 3),
                     ("BAT", 2), ("Printing", 7), ("Delivery", 2)]
    names = {n for (n,) in _rows(store, "SELECT name FROM plantemplate")}
    assert names == {"Print run", "Corporate video", "Event", "Social campaign"}
    assert dict(_rows(store, "SELECT key, value FROM setting")) == {
        "quote_threshold_minor": "100000", "review_wait_days": "3"}


def test_demo_rows_are_consistent(demo) -> None:  # noqa: ANN001
    store, _ = demo
    today, tomorrow = TODAY.isoformat(), (TODAY + timedelta(days=1)).isoformat()
    assert _rows(store, "PRAGMA foreign_key_check") == []
    assert _rows(store, "PRAGMA integrity_check") == [("ok",)]
    assert _one(store, "SELECT count(*) FROM taskdependency WHERE task_id <= depends_on_id") == 0  # so no cycles
    done_waits_on_open = f"""SELECT count(*) FROM taskdependency d JOIN task t ON t.id = d.task_id
                             JOIN task p ON p.id = d.depends_on_id WHERE t.status = 'done' AND p.{OPEN}"""
    assert _one(store, done_waits_on_open) == 0
    assert _one(store, "SELECT count(*) FROM expense WHERE spent_on > :t", t=today) == 0
    assert _one(store, "SELECT count(*) FROM delivery WHERE actual_on > :t", t=today) == 0
    assert _one(store, "SELECT count(*) FROM task WHERE done_at >= :t", t=tomorrow) == 0
    assert _one(store, "SELECT count(*) FROM project WHERE status = 'live' AND start_on > :t", t=today) == 0
    assert _rows(store, "SELECT DISTINCT typeof(amount_minor) FROM expense") == [("integer",)]


def test_same_seed_same_rows(tmp_path: Path, demo) -> None:  # noqa: ANN001
    first, _ = demo
    again, other = _open(tmp_path / "again.db"), _open(tmp_path / "other.db")
    try:
        generate(again, "demo", seed=7)
        generate(other, "demo", seed=8)
        for table in ("project", "task", "taskdependency", "expense", "request", "quote", "review", "delivery"):
            query = f"SELECT * FROM {table} ORDER BY 1, 2"
            assert _rows(first, query) == _rows(again, query), table
        assert _rows(first, "SELECT * FROM expense") != _rows(other, "SELECT * FROM expense")
    finally:
        again.dispose()
        other.dispose()


def test_is_empty_and_refuses_to_mix_with_real_data(tmp_path: Path) -> None:
    store = _open(tmp_path / "e.db")
    try:
        assert is_empty(store)
        generate(store, "demo")
        assert not is_empty(store)
        with pytest.raises(StoreError):
            generate(store, "demo")
        with pytest.raises(ValueError):
            generate(store, "enormous")
    finally:
        store.dispose()


# A Sunday, the Monday after, a bank holiday, New Year's Day, Ascension: 'today' is not always a plain weekday.
@pytest.mark.parametrize(("seed", "today"), [(1, date(2026, 11, 29)), (2, date(2026, 11, 30)),
                                             (3, date(2026, 12, 25)), (4, date(2027, 1, 1)),
                                             (5, date(2026, 5, 14))])
def test_roadblocks_exist_whatever_the_seed_and_day(tmp_path: Path, seed: int, today: date) -> None:
    store = _open(tmp_path / "s.db", today)
    try:
        generate(store, "demo", seed=seed)
        params = _params(today)
        for label, sql in ROADBLOCKS.items():
            assert _one(store, sql, **{k: v for k, v in params.items() if f":{k}" in sql}) > 0, label
        assert _rows(store, "PRAGMA foreign_key_check") == []
        assert _one(store, "SELECT count(*) FROM expense WHERE spent_on > :t", t=today.isoformat()) == 0
    finally:
        store.dispose()


@pytest.mark.slow
def test_large_has_the_documented_counts(large_template, large_path: Path) -> None:  # noqa: ANN001
    """On the run's one `large` dataset (conftest.py): `generate(store, "large")` with its default seed, 7."""
    store = _open(large_path)
    try:
        counts = large_template[1]
        spec = SIZES["large"]
        assert (counts["project"], counts["task"], counts["expense"]) == (220, 10_000, 50_000)
        assert (counts["vendor"], counts["request"], counts["person"]) == (300, 5_000, spec.people)
        assert _one(store, "SELECT count(*) FROM project WHERE status = 'live'") == 20
        assert _one(store, "SELECT count(*) FROM project WHERE status = 'archived'") == 200
        assert _one(store, "SELECT count(*) FROM task") == 10_000
        assert _one(store, "SELECT count(*) FROM expense") == 50_000
        assert _rows(store, "PRAGMA foreign_key_check") == []
    finally:
        store.dispose()

"""The expenses list reads in plain SQL: the same rows, order, count and filter as the ORM query it replaced."""

from __future__ import annotations

import random
from datetime import date, timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import or_
from sqlmodel import select

from prodcom_tui.domain.afternoon import ExpenseRow
from prodcom_tui.domain.money import Money
from prodcom_tui.services.base import SqlSource, like
from prodcom_tui.services.expenses import ExpenseService
from prodcom_tui.store.models import BudgetLine, Expense, Project, Vendor

# What people type in a filter box and what trips LIKE up: its wildcards, the escape character, case, accents.
TRICKY = "aAbcéÉ%_\\ -'ıİßC0"


def _reference(store) -> SqlSource:  # noqa: ANN001
    """The ORM query the expenses list used before it read in plain SQL."""
    def build(text: str):  # noqa: ANN202
        stmt = (select(Expense, Project.code, BudgetLine.name, Vendor.name)
                .join(BudgetLine, BudgetLine.id == Expense.budget_line_id).join(Project, Project.id == BudgetLine.project_id)
                .outerjoin(Vendor, Vendor.id == Expense.vendor_id).order_by(Expense.spent_on.desc(), Expense.id.desc()))
        if text:
            p = like(text)
            stmt = stmt.where(or_(Project.code.ilike(p, escape="\\"), BudgetLine.name.ilike(p, escape="\\"),
                                  Vendor.name.ilike(p, escape="\\"), Expense.description.ilike(p, escape="\\"),
                                  Expense.invoice_ref.ilike(p, escape="\\")))
        return stmt

    def to_row(r) -> ExpenseRow:  # noqa: ANN001
        e, code, line, vendor = r
        return ExpenseRow(e.id, e.spent_on, Money(e.amount_minor, e.currency), code, line, vendor or "",
                          e.description, e.invoice_ref)

    return SqlSource(store, build, to_row)


def _word(rng: random.Random, size: int = 6) -> str:
    return "".join(rng.choice(TRICKY) for _ in range(rng.randint(0, size)))


@pytest.fixture(scope="module")
def tricky_store(tmp_path_factory: pytest.TempPathFactory):  # noqa: ANN201
    """Expenses whose texts mix LIKE's special characters, case and accents; dates repeat (ties break on id)."""
    from prodcom_tui.domain.clock import Clock
    from prodcom_tui.store.open import open_store

    store = open_store(tmp_path_factory.mktemp("expenses") / "tricky.db", clock=Clock(date(2026, 11, 26)))
    rng = random.Random(11)
    with store.writing("test.seed", "tricky expenses") as s:
        projects = [Project(code=f"P{i}{_word(rng, 3)}", name="p") for i in range(3)]
        vendors = [Vendor(name=_word(rng) or "v") for _ in range(4)]
        s.add_all(projects + vendors)
        s.flush()
        lines = [BudgetLine(project_id=p.id, name=_word(rng)) for p in projects for _ in range(2)]
        s.add_all(lines)
        s.flush()
        s.add_all(Expense(budget_line_id=rng.choice(lines).id, amount_minor=rng.randint(-5000, 90000),
                          vendor_id=rng.choice([None, *[v.id for v in vendors]]), description=_word(rng, 10),
                          invoice_ref=_word(rng, 4), spent_on=date(2026, 1, 1) + timedelta(days=rng.randint(0, 20)))
                  for _ in range(80))
    yield store
    store.dispose()


@settings(max_examples=150, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=st.text(alphabet=TRICKY, max_size=4), offset=st.integers(0, 90), limit=st.integers(1, 40),
       cap=st.none() | st.integers(1, 100))
def test_plain_sql_source_matches_the_orm_query(tricky_store, text: str, offset: int, limit: int,
                                                cap: int | None) -> None:
    new, old = ExpenseService(tricky_store).source(), _reference(tricky_store)
    assert new.window(text, offset, limit) == old.window(text, offset, limit)
    assert new.count(text, cap) == old.count(text, cap)


@pytest.mark.parametrize("text", ["", "FAC-2885"])
def test_the_list_and_its_filter_read_the_index_before_the_table(tricky_store, text: str) -> None:
    """Newest first, the window walks ix_expense_list and needs no sort; the filter's LIKEs read the texts the
    index carries, so only matching rows are read from the table (SQLite defers the seek), and the count
    never reads it. A filter matching few rows thus scans the index, not every row of the table in date
    order (a rare invoice number on `huge`, 500,000 expenses: the window 376-570 -> 84-264 ms, migration 0003)."""
    from prodcom_tui.services.reading import rows

    source = ExpenseService(tricky_store).source()
    (window_sql, params), (count_sql, _) = source.window_sql(text, 0, 200), source.count_sql(text, 1200)
    with rows(tricky_store) as run:
        window, count = ([detail for *_, detail in run(f"EXPLAIN QUERY PLAN {sql}", params)] for sql in (window_sql, count_sql))
        opcodes = [step[1] for step in run(f"EXPLAIN {window_sql}", params)]
    assert "SCAN e USING INDEX ix_expense_list" in window, window
    assert "SCAN e USING COVERING INDEX ix_expense_list" in count, count
    assert not any("TEMP B-TREE" in step for step in window + count), (window, count)
    if text:  # the row is read from the table after its index entry passed the LIKEs, not before
        assert "DeferredSeek" in opcodes, opcodes


def test_plain_sql_reads_open_no_orm_session(services, monkeypatch) -> None:  # noqa: ANN001
    """A list's count and window run on the read engine's sqlite3 connection: an ORM session (and
    SQLAlchemy's row-by-row result) was ~7 % of a filter keystroke's samples on `huge`."""
    import pytest

    monkeypatch.setattr(type(services.store), "reading", lambda self: pytest.fail("a plain-SQL read opened a session"))
    source = services.expenses.source()
    assert source.count("") > 10 and len(source.window("", 0, 10)) == 10
    assert 0 < source.count("a") <= source.count("")

"""Comparing devis: marks, differences to the budget line, and the three-quotes rule."""

from __future__ import annotations

from prodcom_tui.domain.money import Money
from prodcom_tui.domain.quotes import QuoteRow, acceptance_warning, compare


def quote(qid: int, amount: int | None, lead: int | None, rating: int, status: str = "received") -> QuoteRow:
    return QuoteRow(qid, 7, "P", "Print", qid, f"V{qid}", rating, "", None if amount is None else Money(amount),
                    lead, None, status, Money(100_000))


def test_marks_the_cheapest_fastest_and_best_rated() -> None:
    rows = compare([quote(1, 90_000, 10, 3), quote(2, 110_000, 5, 4), quote(3, 95_000, 12, 5)])
    assert [c.marks for c in rows] == [("cheapest",), ("fastest",), ("best-rated",)]
    assert [c.vs_budget for c in rows] == [Money(-10_000), Money(10_000), Money(-5_000)]


def test_requested_and_declined_quotes_get_no_mark() -> None:
    rows = compare([quote(1, None, None, 5, "requested"), quote(2, 50_000, 1, 5, "declined"), quote(3, 95_000, 9, 2)])
    assert rows[0].marks == () and rows[0].vs_budget is None
    assert rows[1].marks == ()
    assert rows[2].marks == ("cheapest", "fastest", "best-rated")


def test_ties_share_the_mark() -> None:
    rows = compare([quote(1, 90_000, 5, 4), quote(2, 90_000, 5, 4)])
    assert all(c.marks == ("cheapest", "fastest", "best-rated") for c in rows)


def test_fewer_than_three_quotes_above_the_threshold_asks_why() -> None:
    warning = acceptance_warning(Money(250_000), 2, 100_000)
    assert warning is not None and "only 2 quotes" in warning and "threshold" in warning
    assert acceptance_warning(Money(250_000), 3, 100_000) is None
    assert acceptance_warning(Money(99_999), 1, 100_000) is None
    assert "only one quote" in acceptance_warning(Money(100_000), 1, 100_000)


# --- the service, on the demo agency ------------------------------------------------------


def _open_need(services):  # noqa: ANN001, ANN202
    """A need being compared: several devis, one with a price."""
    from sqlmodel import select

    from prodcom_tui.store.models import Quote

    with services.store.reading() as s:
        quote = s.exec(select(Quote).where(Quote.status == "received").order_by(Quote.id)).first()
        others = s.exec(select(Quote).where(Quote.budget_line_id == quote.budget_line_id, Quote.id != quote.id)).all()
    return quote, others


def test_accept_is_one_undoable_transaction(services) -> None:
    from sqlmodel import func, select

    from prodcom_tui.store.models import PurchaseOrder, Quote

    quote, others = _open_need(services)
    line_before = services.budget.line(quote.budget_line_id)
    summary = services.quotes.accept(quote.id, confirmed=True)
    assert summary.startswith("BC-2026-")
    with services.store.reading() as s:
        assert s.get(Quote, quote.id).status == "accepted"
        assert {s.get(Quote, o.id).status for o in others if o.status != "declined"} <= {"declined"}
        assert s.exec(select(func.count(PurchaseOrder.id)).where(PurchaseOrder.quote_id == quote.id)).one() == 1
    assert services.budget.line(quote.budget_line_id).committed.minor == line_before.committed.minor + quote.amount_minor
    services.system.undo_last()
    with services.store.reading() as s:
        assert s.get(Quote, quote.id).status == quote.status
        assert [s.get(Quote, o.id).status for o in others] == [o.status for o in others]
        assert s.exec(select(func.count(PurchaseOrder.id)).where(PurchaseOrder.quote_id == quote.id)).one() == 0
    assert services.budget.line(quote.budget_line_id).committed == line_before.committed


def test_bad_quotes_save_nothing(services) -> None:
    import pytest

    from prodcom_tui.domain.errors import InputError

    base = {"project": "VERA-PRINTEMPS", "line": "Contingence", "vendor": "Imprimerie Chevalier", "amount": "1 000"}
    for field, value, message in (("amount", "12,5,3", "misplaced"), ("amount", "NaN", "not a number"),
                                  ("amount", "1e3", "exponent"), ("amount", "-50", "negative"),
                                  ("valid_until", "31/02", "no 31 February"), ("vendor", "Nobody", "no vendor 'Nobody'")):
        with pytest.raises(InputError, match=message):
            services.quotes.create({**base, field: value})
    assert services.quotes.create(base) > 0

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

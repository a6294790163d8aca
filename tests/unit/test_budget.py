"""Budget rules: forecast at completion, variance and the over-budget mark."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from prodcom_tui.domain.budget import LineFigures, forecast_at_completion, line_state, totals, variance_pct
from prodcom_tui.domain.money import Money


def eur(minor: int) -> Money:
    return Money(minor)


def line(estimate: int, committed: int = 0, actual: int = 0, name: str = "Print") -> LineFigures:
    return LineFigures(1, 1, "P", name, "printer", eur(estimate), eur(committed), eur(actual))


def test_an_unordered_line_forecasts_its_estimate() -> None:
    assert forecast_at_completion(eur(100_000), eur(0), eur(20_000)) == eur(100_000)


def test_an_ordered_line_forecasts_its_orders_even_below_the_estimate() -> None:
    assert forecast_at_completion(eur(100_000), eur(80_000), eur(10_000)) == eur(80_000)


def test_spend_beyond_orders_wins() -> None:
    assert forecast_at_completion(eur(100_000), eur(80_000), eur(130_000)) == eur(130_000)


def test_variance_and_state() -> None:
    over = line(100_000, committed=112_000)
    assert over.variance_pct == 12.0 and over.state == "over"
    assert over.remaining == eur(-12_000)
    assert line(100_000, committed=95_000).state == "warn"
    assert line(100_000, actual=91_000).state == "warn"
    assert line(100_000, committed=50_000).state == "ok"
    assert line(100_000, actual=20_000).state == "ok"  # not ordered yet: the forecast is the estimate, but little is used
    assert variance_pct(eur(0), eur(10)) is None
    assert line_state(eur(0), eur(0)) == "ok"
    assert line_state(eur(0), eur(1)) == "over"


def test_totals_add_forecasts_line_by_line() -> None:
    """A saving on one line must not hide the overrun of another in the total's forecast."""
    lines = [line(100_000, committed=150_000), line(100_000, committed=40_000)]
    total = totals(lines)
    assert total.estimate == eur(200_000)
    assert total.committed == eur(190_000)
    assert total.forecast == eur(190_000)
    assert line(100_000, actual=30_000).remaining == eur(70_000)  # not ordered yet: what is left of the allocation
    assert totals([]).forecast == eur(0)


@given(st.integers(0, 10**9), st.integers(0, 10**9), st.integers(-10**6, 10**9))
def test_forecast_is_never_below_what_was_spent(estimate: int, committed: int, actual: int) -> None:
    forecast = forecast_at_completion(eur(estimate), eur(committed), eur(actual))
    assert forecast.minor >= actual
    assert forecast.minor in (estimate, committed, actual)

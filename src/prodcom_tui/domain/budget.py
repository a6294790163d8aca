"""Budget arithmetic: variance, forecast at completion and the over-budget rule (pure, integer minor units)."""

from __future__ import annotations

from dataclasses import dataclass

from .money import Money

WARN_PCT = 90  # a line this used (of its estimate) is close to the limit


class Spend:
    """What a line and a total both derive from estimate, committed, actual and forecast."""

    __slots__ = ()
    estimate: Money
    committed: Money
    actual: Money
    forecast: Money

    @property
    def remaining(self) -> Money:
        """What is left of the estimate once orders and spend are counted (negative: overspent)."""
        return self.estimate - (self.committed if self.committed.minor >= self.actual.minor else self.actual)

    @property
    def variance_pct(self) -> float | None:
        return variance_pct(self.estimate, self.forecast)

    @property
    def state(self) -> str:
        return line_state(self.estimate, self.forecast, max(self.committed.minor, self.actual.minor))


@dataclass(frozen=True, slots=True)
class LineFigures(Spend):
    """One budget line's money: what was planned, promised to vendors and actually spent."""

    id: int
    project_id: int
    project_code: str
    name: str
    category: str
    estimate: Money
    committed: Money
    actual: Money
    is_contingency: bool = False

    @property
    def forecast(self) -> Money:
        return forecast_at_completion(self.estimate, self.committed, self.actual)


def forecast_at_completion(estimate: Money, committed: Money, actual: Money) -> Money:
    """Until a line is ordered its estimate stands; once ordered, the orders do; spend beyond either wins."""
    expected = committed if committed.minor > 0 else estimate
    return expected if expected.minor >= actual.minor else actual


def variance_pct(estimate: Money, forecast: Money) -> float | None:
    """Forecast over (+) or under (-) the estimate, in percent; None when nothing was estimated."""
    if estimate.minor == 0:
        return None
    return 100.0 * (forecast.minor - estimate.minor) / estimate.minor


def line_state(estimate: Money, forecast: Money, used_minor: int = 0) -> str:
    """'over' when the forecast passes the estimate, 'warn' once 90 % of it is ordered or spent, else 'ok'."""
    if forecast.minor > estimate.minor:
        return "over"
    if estimate.minor and used_minor * 100 >= estimate.minor * WARN_PCT:
        return "warn"
    return "ok"


@dataclass(frozen=True, slots=True)
class Totals(Spend):
    estimate: Money
    committed: Money
    actual: Money
    forecast: Money  # the sum of the lines' forecasts, so one line's saving never hides another's overrun



def totals(lines: list[LineFigures], currency: str = "EUR") -> Totals:
    """A project's totals, contingency included (it is part of the allocation)."""
    zero = Money.zero(currency)
    return Totals(
        estimate=sum((x.estimate for x in lines), zero), committed=sum((x.committed for x in lines), zero),
        actual=sum((x.actual for x in lines), zero), forecast=sum((x.forecast for x in lines), zero),
    )

"""Comparing the devis of one need: cheapest, fastest, best-rated, and each one against the budget line."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from .money import Money

MIN_QUOTES = 3  # good practice: three devis before committing a large amount


@dataclass(frozen=True, slots=True)
class QuoteRow:
    id: int
    need_id: int  # the budget line the quote answers
    project_code: str
    need: str
    vendor_id: int
    vendor: str
    vendor_rating: int
    description: str
    amount: Money | None
    lead_days: int | None
    valid_until: date | None
    status: str
    estimate: Money  # the budget line's estimate


@dataclass(frozen=True, slots=True)
class Compared:
    quote: QuoteRow
    cheapest: bool
    fastest: bool
    best_rated: bool
    vs_budget: Money | None  # amount minus the line's estimate: positive means over

    @property
    def marks(self) -> tuple[str, ...]:
        return tuple(n for n, on in (("cheapest", self.cheapest), ("fastest", self.fastest), ("best-rated", self.best_rated)) if on)


def compare(quotes: list[QuoteRow]) -> list[Compared]:
    """Mark the best of the quotes that are still live (received or negotiating); ties share the mark."""
    live = [q for q in quotes if q.status in ("received", "negotiating", "accepted") and q.amount is not None]
    cheapest = min((q.amount.minor for q in live), default=None)
    fastest = min((q.lead_days for q in live if q.lead_days is not None), default=None)
    best = max((q.vendor_rating for q in live), default=None)
    return [
        Compared(
            q,
            cheapest=q in live and q.amount.minor == cheapest,
            fastest=q in live and q.lead_days is not None and q.lead_days == fastest,
            best_rated=q in live and q.vendor_rating == best,
            vs_budget=None if q.amount is None else q.amount - q.estimate,
        )
        for q in quotes
    ]


def acceptance_warning(amount: Money, quotes_in: int, threshold_minor: int) -> str | None:
    """Why accepting needs a second thought: a large amount with fewer than three devis to compare."""
    if amount.minor < threshold_minor or quotes_in >= MIN_QUOTES:
        return None
    from .money import format_money

    have = "only one quote" if quotes_in <= 1 else f"only {quotes_in} quotes"
    return (f"{format_money(amount)} is above the {format_money(Money(threshold_minor, amount.currency))} threshold "
            f"and this need has {have} (good practice is {MIN_QUOTES}): accept anyway?")

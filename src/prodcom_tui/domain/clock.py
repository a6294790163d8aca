"""'Today' as a value that tests and screenshots can freeze."""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import date, datetime, time

TODAY_ENV = "PRODCOM_TODAY"


@dataclass(frozen=True)
class Clock:
    """The real clock, or a frozen day when `fixed` is set."""

    fixed: date | None = None

    def today(self) -> date:
        return self.fixed or date.today()

    def now(self) -> datetime:
        if self.fixed is None:
            return datetime.now().replace(microsecond=0)
        # A frozen day still needs a plausible time of day for the change log.
        return datetime.combine(self.fixed, time(9, 0))


def clock_from(value: str | None = None) -> Clock:
    """Build a clock from `--today` or PRODCOM_TODAY (ISO date)."""
    raw = value or os.environ.get(TODAY_ENV)
    if not raw:
        return Clock()
    return Clock(date.fromisoformat(raw))

"""Working days around today, held in a list so date arithmetic is an index addition."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from datetime import date, timedelta

from prodcom_tui.domain.dates import french_holidays

ONE_DAY = timedelta(days=1)


class WorkCal:
    """Offsets count working days from today: 0 is today (or the next working day), -1 the one before."""

    def __init__(self, today: date, years_back: int, years_ahead: int = 2) -> None:
        first, last = today.year - years_back - 1, today.year + years_ahead
        off = {d for y in range(first, last + 1) for d in french_holidays(y)}
        days, day = [], date(first, 1, 1)
        while day.year <= last:
            if day.weekday() < 5 and day not in off:
                days.append(day)
            day += ONE_DAY
        self.today = today
        self.days = days
        self.t = bisect_left(days, today)
        # The newest working day that is not in the future: what 'spent' or 'received' may reach.
        self.past = bisect_right(days, today) - 1 - self.t

    def at(self, offset: int) -> date:
        return self.days[self.t + offset]

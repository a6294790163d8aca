"""Dates as producers type them, French public holidays and working-day arithmetic."""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable, Container, Iterable, Mapping
from collections.abc import Set as AbstractSet
from datetime import date, timedelta
from functools import lru_cache
from types import MappingProxyType

from .errors import DateError, quote

MIN_YEAR, MAX_YEAR = 2000, 2100
EXPECTED = "type it like 2026-12-02, 02/12, 02/12/2026, fri, tomorrow or +3"
# A typed dd/mm more than this many days in the past is read as next year's.
ROLLOVER_DAYS = 60
# Caps +N offsets so that date arithmetic stays far from date.min and date.max.
MAX_OFFSET_DAYS = 40_000

DAY_ABBR = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
MONTH_ABBR = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
# Spelled out rather than taken from `calendar`, whose names follow the system locale.
MONTH_NAMES = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)

_WEEKDAY_NAMES = (
    ("monday", "mon", "lundi", "lun"),
    ("tuesday", "tue", "mardi", "mar"),
    ("wednesday", "wed", "mercredi", "mer"),
    ("thursday", "thu", "jeudi", "jeu"),
    ("friday", "fri", "vendredi", "ven"),
    ("saturday", "sat", "samedi", "sam"),
    ("sunday", "sun", "dimanche", "dim"),
)
WEEKDAYS: dict[str, int] = {name: i for i, names in enumerate(_WEEKDAY_NAMES) for name in names}
RELATIVE_WORDS: dict[str, int] = {
    "today": 0, "aujourd'hui": 0, "tomorrow": 1, "demain": 1, "yesterday": -1, "hier": -1,
}

_ISO = re.compile(r"([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})")
_DMY = re.compile(r"([0-9]{1,2})/([0-9]{1,2})(?:/([0-9]{4}|[0-9]{2}))?")
_OFFSET = re.compile(r"([+-])([0-9]{1,6})(wd|d|w)?")


# --- holidays --------------------------------------------------------------------------------


def easter_sunday(year: int) -> date:
    """Easter Sunday in the Gregorian calendar (the anonymous Gregorian algorithm)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    g = (b - (b + 8) // 25 + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    l = (32 + 2 * e + 2 * i - h - k) % 7  # noqa: E741 - the algorithm's own name
    m = (a + 11 * h + 22 * l) // 451
    month, day = divmod(h + l - 7 * m + 114, 31)
    return date(year, month, day + 1)


@lru_cache(maxsize=256)
def _holidays(year: int) -> MappingProxyType[date, str]:
    easter = easter_sunday(year)
    days: dict[date, str] = {}
    fixed = [(1, 1, "Jour de l'an"), (5, 1, "Fête du Travail"), (5, 8, "Victoire 1945"), (7, 14, "Fête nationale"),
             (8, 15, "Assomption"), (11, 1, "Toussaint"), (11, 11, "Armistice 1918"), (12, 25, "Noël")]
    moving = [(1, "Lundi de Pâques"), (39, "Ascension"), (50, "Lundi de Pentecôte")]
    named = [(date(year, m, d), name) for m, d, name in fixed] + [(easter + timedelta(n), name) for n, name in moving]
    for day, name in named:
        # Ascension can fall on 1 or 8 May (it did in 2008): keep both names on the one day.
        days[day] = f"{days[day]} / {name}" if day in days else name
    return MappingProxyType(dict(sorted(days.items())))


def french_holidays(year: int) -> dict[date, str]:
    """The 11 French public holidays of `year` (national list, without Alsace-Moselle's two extra days)."""
    return dict(_holidays(year))


class FrenchHolidays:
    """Every year's French public holidays as one Container[date], computed on demand."""

    __slots__ = ()

    def __contains__(self, item: object) -> bool:
        return isinstance(item, date) and item in _holidays(item.year)


FRENCH_HOLIDAYS = FrenchHolidays()


# --- working days ----------------------------------------------------------------------------


def is_working_day(d: date, holidays: Container[date]) -> bool:
    """Monday to Friday and not a holiday."""
    return d.weekday() < 5 and d not in holidays


def add_working_days(d: date, n: int, holidays: Container[date]) -> date:
    """The n-th working day after d (before it if n < 0); from a weekend, +1 is the next working day."""
    step = 1 if n >= 0 else -1
    left = abs(n)
    while left:
        d += timedelta(days=step)
        left -= is_working_day(d, holidays)
    return d


def working_days_between(a: date, b: date, holidays: Container[date]) -> int:
    """Working days in (a, b]; negative, -(working days in (b, a]), when b < a."""
    if b < a:
        return -working_days_between(b, a, holidays)
    return _weekdays_after(a, b) - _weekday_holidays_after(a, b, holidays)


def _weekdays_after(a: date, b: date) -> int:
    """Monday-to-Friday days in (a, b], counted by whole weeks."""
    weeks, extra = divmod((b - a).days, 7)
    return 5 * weeks + sum((a.weekday() + i) % 7 < 5 for i in range(1, extra + 1))


def _weekday_holidays_after(a: date, b: date, holidays: Container[date]) -> int:
    """Holidays on a weekday in (a, b], without walking every day when the holidays can be listed."""
    if isinstance(holidays, FrenchHolidays):
        listed: Iterable[date] = (d for year in range(a.year, b.year + 1) for d in _holidays(year))
    elif isinstance(holidays, (AbstractSet, Mapping)) and len(holidays) < (b - a).days:
        listed = holidays
    else:
        walked = (a + timedelta(i) for i in range(1, (b - a).days + 1))
        return sum(d.weekday() < 5 and d in holidays for d in walked)
    return sum(type(d) is date and a < d <= b and d.weekday() < 5 for d in listed)


def previous_working_day(d: date, holidays: Container[date]) -> date:
    """The last working day strictly before d."""
    return add_working_days(d, -1, holidays)


def week_bounds(d: date) -> tuple[date, date]:
    """Monday and Sunday of d's week."""
    monday = d - timedelta(days=d.weekday())
    return monday, monday + timedelta(days=6)


# --- parsing ---------------------------------------------------------------------------------


def parse_date(text: str, today: date, *, holidays: Container[date] = FRENCH_HOLIDAYS) -> date:
    """Read a typed date strictly; raise DateError saying what is wrong and what to type."""
    shown = quote(text)
    key = text.strip().lower().replace("’", "'").replace("ʼ", "'")
    if not key:
        raise DateError(f"the date is empty: {EXPECTED}")
    if any(ch.isnumeric() and not ch.isascii() for ch in key):
        raise DateError(f"{shown} uses digits other than 0-9: {EXPECTED}")
    for parse in _PARSERS:
        found = parse(key, today, shown, holidays)
        if found is not None:
            return _in_range(found, shown)
    raise DateError(f"{shown} is not a date: {EXPECTED}")


def _from_word(key: str, today: date, shown: str, holidays: Container[date]) -> date | None:
    if key in RELATIVE_WORDS:
        return today + timedelta(days=RELATIVE_WORDS[key])
    if key in WEEKDAYS:
        return today + timedelta(days=(WEEKDAYS[key] - today.weekday() - 1) % 7 + 1)
    return None


def _from_iso(key: str, today: date, shown: str, holidays: Container[date]) -> date | None:
    match = _ISO.fullmatch(key)
    if match is None:
        return None
    year, month, day = (int(g) for g in match.groups())
    return make_date(year, month, day, shown)


def _from_dmy(key: str, today: date, shown: str, holidays: Container[date]) -> date | None:
    match = _DMY.fullmatch(key)
    if match is None:
        return None
    day, month = int(match[1]), int(match[2])
    if match[3] is None:
        _check_month(month, shown)
        return make_date(_guess_year(day, month, today), month, day, shown)
    year = int(match[3]) + (2000 if len(match[3]) == 2 else 0)
    return make_date(year, month, day, shown)


def _guess_year(day: int, month: int, today: date) -> int:
    """This year, or next year if that date is long gone."""
    last = calendar.monthrange(today.year, month)[1]
    candidate = date(today.year, month, min(max(day, 1), last))
    # A producer typing 05/01 in December means next January, while a date a few weeks back is a late entry.
    return today.year + 1 if (today - candidate).days > ROLLOVER_DAYS else today.year


def _from_offset(key: str, today: date, shown: str, holidays: Container[date]) -> date | None:
    match = _OFFSET.fullmatch(key)
    if match is None:
        return None
    n = int(match[2]) * (-1 if match[1] == "-" else 1)
    unit = match[3] or "d"
    if abs(n) * (7 if unit == "w" else 2 if unit == "wd" else 1) > MAX_OFFSET_DAYS:
        raise DateError(f"{shown} is too far away: dates go from {MIN_YEAR} to {MAX_YEAR}")
    if unit == "wd":
        return add_working_days(today, n, holidays)
    return today + timedelta(days=n * (7 if unit == "w" else 1))


_Parser = Callable[[str, date, str, Container[date]], date | None]
_PARSERS: tuple[_Parser, ...] = (_from_word, _from_iso, _from_dmy, _from_offset)


def make_date(year: int, month: int, day: int, shown: str) -> date:
    """A date from typed numbers, or a DateError naming the one that is wrong."""
    _check_year(year, shown)
    _check_month(month, shown)
    last = calendar.monthrange(year, month)[1]
    if 1 <= day <= last:
        return date(year, month, day)
    if month == 2 and day == 29:
        raise DateError(f"{shown} is not a date: there is no 29 February {year}, {year} is not a leap year")
    if day < 1 or day > 31:
        raise DateError(f"{shown} is not a date: there is no day {day} in a month, days go from 1 to 31")
    name = MONTH_NAMES[month - 1]
    raise DateError(f"{shown} is not a date: there is no {day} {name} ({name} {year} has {last} days)")


def _check_year(year: int, shown: str) -> None:
    if not MIN_YEAR <= year <= MAX_YEAR:
        raise DateError(f"{shown} is out of range: the year must be between {MIN_YEAR} and {MAX_YEAR}")


def _check_month(month: int, shown: str) -> None:
    if not 1 <= month <= 12:
        raise DateError(f"{shown} is not a date: there is no month {month}, months go from 01 to 12")


def _in_range(d: date, shown: str) -> date:
    _check_year(d.year, shown)
    return d


# --- formatting ------------------------------------------------------------------------------


def format_date(d: date, style: str = "short") -> str:
    """`Wed 02 Dec` (short) or `2026-12-02` (iso), independent of the system locale."""
    if style == "short":
        return f"{DAY_ABBR[d.weekday()]} {d.day:02d} {MONTH_ABBR[d.month - 1]}"
    if style == "iso":
        return d.isoformat()
    raise ValueError(f"unknown date style {style!r}: use 'short' or 'iso'")

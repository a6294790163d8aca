"""Dates: strict parsing of what producers type, French holidays and working days."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from prodcom_tui.domain.dates import (
    FRENCH_HOLIDAYS,
    add_working_days,
    easter_sunday,
    format_date,
    french_holidays,
    is_working_day,
    parse_date,
    previous_working_day,
    week_bounds,
    working_days_between,
)
from prodcom_tui.domain.errors import DateError, InputError

TODAY = date(2026, 11, 26)  # a Thursday
# The autouse fixture of conftest only sets environment variables: sharing it across examples is fine.
SETTINGS = settings(suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow], deadline=None)
HOLIDAYS = FRENCH_HOLIDAYS


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2026-12-02", date(2026, 12, 2)),
        ("2024-02-29", date(2024, 2, 29)),
        ("02/12", date(2026, 12, 2)),
        ("26/11", date(2026, 11, 26)),
        ("20/10", date(2026, 10, 20)),  # 37 days ago: a late entry, still this year
        ("05/01", date(2027, 1, 5)),  # typed in late November: next January
        ("26/09", date(2027, 9, 26)),  # 61 days ago: next year
        ("27/09", date(2026, 9, 27)),  # exactly 60 days ago: this year
        ("02/12/2026", date(2026, 12, 2)),
        ("2/12/26", date(2026, 12, 2)),
        ("29/02/2028", date(2028, 2, 29)),
        ("today", TODAY),
        ("  Today ", TODAY),
        ("tomorrow", date(2026, 11, 27)),
        ("yesterday", date(2026, 11, 25)),
        ("aujourd'hui", TODAY),
        ("aujourd’hui", TODAY),
        ("demain", date(2026, 11, 27)),
        ("fri", date(2026, 11, 27)),
        ("friday", date(2026, 11, 27)),
        ("ven", date(2026, 11, 27)),
        ("Vendredi", date(2026, 11, 27)),
        ("thu", date(2026, 12, 3)),  # strictly after today: next week's Thursday
        ("jeudi", date(2026, 12, 3)),
        ("mon", date(2026, 11, 30)),
        ("lundi", date(2026, 11, 30)),
        ("mer", date(2026, 12, 2)),
        ("dim", date(2026, 11, 29)),
        ("+3", date(2026, 11, 29)),
        ("+3d", date(2026, 11, 29)),
        ("+2w", date(2026, 12, 10)),
        ("+3wd", date(2026, 12, 1)),  # Fri, Mon, Tue
        ("+0", TODAY),
        ("-1wd", date(2026, 11, 25)),
    ],
)
def test_reads_what_producers_type(text: str, expected: date) -> None:
    assert parse_date(text, TODAY) == expected


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("2023-02-29", "there is no 29 February 2023, 2023 is not a leap year"),
        ("29/02/2023", "2023 is not a leap year"),
        ("31/02", "there is no 31 February"),
        ("31/04/2026", "April 2026 has 30 days"),
        ("2026-13-01", "there is no month 13"),
        ("12/00", "there is no month 0"),
        ("00/12", "there is no day 0"),
        ("32/01", "there is no day 32"),
        ("1999-12-31", "the year must be between 2000 and 2100"),
        ("2101-01-01", "the year must be between 2000 and 2100"),
        ("01/01/1999", "the year must be between 2000 and 2100"),
        ("+30000", "the year must be between 2000 and 2100"),
        ("+999999w", "is too far away"),
        ("-99999", "is too far away"),
        ("", "the date is empty"),
        ("   ", "the date is empty"),
        ("soon", "'soon' is not a date"),
        ("2026/12/02", "is not a date"),
        ("02/12/026", "is not a date"),
        ("+3x", "is not a date"),
        ("friday next", "is not a date"),
        ("٠٢/١٢", "uses digits other than 0-9"),
    ],
)
def test_refuses_bad_dates_with_a_specific_message(text: str, fragment: str) -> None:
    with pytest.raises(DateError) as caught:
        parse_date(text, TODAY)
    assert fragment in str(caught.value)
    assert "\n" not in str(caught.value)


def test_messages_say_what_to_type() -> None:
    with pytest.raises(InputError, match="2026-12-02, 02/12"):
        parse_date("garbage", TODAY)


def test_plus_working_days_can_use_the_agencys_own_closures() -> None:
    closed = {date(2026, 11, 27)}
    assert parse_date("+1wd", TODAY, holidays=closed) == date(2026, 11, 30)


@pytest.mark.parametrize(
    ("year", "easter"),
    [(2008, date(2008, 3, 23)), (2019, date(2019, 4, 21)), (2024, date(2024, 3, 31)),
     (2025, date(2025, 4, 20)), (2026, date(2026, 4, 5)), (2038, date(2038, 4, 25)), (2100, date(2100, 3, 28))],
)
def test_easter(year: int, easter: date) -> None:
    assert easter_sunday(year) == easter


def test_french_holidays_2026() -> None:
    days = french_holidays(2026)
    assert len(days) == 11
    assert days[date(2026, 4, 6)] == "Lundi de Pâques"
    assert days[date(2026, 5, 14)] == "Ascension"
    assert days[date(2026, 5, 25)] == "Lundi de Pentecôte"
    assert {date(2026, m, d) for m, d in [(1, 1), (5, 1), (5, 8), (7, 14), (8, 15), (11, 1), (11, 11), (12, 25)]} <= set(days)


def test_ascension_on_labour_day_keeps_both_names() -> None:
    days = french_holidays(2008)
    assert len(days) == 10
    assert days[date(2008, 5, 1)] == "Fête du Travail / Ascension"


def test_french_holidays_returns_a_copy() -> None:
    french_holidays(2026).clear()
    assert len(french_holidays(2026)) == 11


def test_working_days_around_a_holiday_weekend() -> None:
    assert is_working_day(TODAY, HOLIDAYS)
    assert not is_working_day(date(2026, 11, 11), HOLIDAYS)  # Armistice, a Wednesday
    assert not is_working_day(date(2026, 11, 28), HOLIDAYS)  # Saturday
    assert add_working_days(date(2026, 12, 24), 1, HOLIDAYS) == date(2026, 12, 28)
    assert add_working_days(date(2026, 11, 28), 1, HOLIDAYS) == date(2026, 11, 30)
    assert add_working_days(date(2026, 11, 28), -1, HOLIDAYS) == date(2026, 11, 27)
    assert add_working_days(TODAY, 0, HOLIDAYS) == TODAY
    assert working_days_between(date(2026, 12, 24), date(2026, 12, 31), HOLIDAYS) == 4
    assert working_days_between(date(2026, 12, 31), date(2026, 12, 24), HOLIDAYS) == -4
    assert previous_working_day(date(2026, 11, 30), HOLIDAYS) == date(2026, 11, 27)
    assert previous_working_day(date(2026, 11, 12), HOLIDAYS) == date(2026, 11, 10)


def test_holidays_can_be_any_container() -> None:
    assert add_working_days(TODAY, 1, set()) == date(2026, 11, 27)
    assert add_working_days(TODAY, 1, {date(2026, 11, 27)}) == date(2026, 11, 30)


def test_week_bounds() -> None:
    assert week_bounds(TODAY) == (date(2026, 11, 23), date(2026, 11, 29))
    assert week_bounds(date(2026, 11, 23)) == (date(2026, 11, 23), date(2026, 11, 29))
    assert week_bounds(date(2026, 11, 29)) == (date(2026, 11, 23), date(2026, 11, 29))


def test_format_date() -> None:
    assert format_date(date(2026, 12, 2)) == "Wed 02 Dec"
    assert format_date(date(2026, 12, 2), "iso") == "2026-12-02"
    with pytest.raises(ValueError, match="unknown date style"):
        format_date(TODAY, "long")


days = st.dates(date(2001, 1, 1), date(2099, 12, 31))
near = st.dates(date(2025, 1, 1), date(2027, 12, 31))


@SETTINGS
@given(days, st.integers(-400, 400))
def test_adding_then_counting_working_days_agrees(start: date, n: int) -> None:
    end = add_working_days(start, n, HOLIDAYS)
    assert (end > start) == (n > 0) and (end < start) == (n < 0)
    assert n == 0 or is_working_day(end, HOLIDAYS)
    # Counting (a, b] backwards from a weekend skips that weekend day: the identity needs a working start then.
    if n >= 0 or is_working_day(start, HOLIDAYS):
        assert working_days_between(start, end, HOLIDAYS) == n


@SETTINGS
@given(near, near)
def test_counting_is_antisymmetric_and_lands_on_working_days(a: date, b: date) -> None:
    count = working_days_between(a, b, HOLIDAYS)
    assert count == -working_days_between(b, a, HOLIDAYS)
    assert abs(count) <= abs((b - a).days)
    if b >= a and is_working_day(b, HOLIDAYS):
        assert add_working_days(a, count, HOLIDAYS) == b


def count_by_walking(a: date, b: date, holidays) -> int:  # noqa: ANN001
    step = 1 if b >= a else -1
    lo, hi = (a, b) if b >= a else (b, a)
    return step * sum(is_working_day(lo + timedelta(i), holidays) for i in range(1, (hi - lo).days + 1))


class OnlyContains:
    """A holiday calendar that can answer membership but cannot list its days."""

    def __init__(self, days: set[date]) -> None:
        self.days = days

    def __contains__(self, item: object) -> bool:
        return item in self.days


@SETTINGS
@given(near, near, st.sets(near, max_size=20))
def test_counting_matches_walking_day_by_day(a: date, b: date, extra: set[date]) -> None:
    plain = extra | set(french_holidays(2026))
    for holidays in (HOLIDAYS, plain, dict.fromkeys(plain), OnlyContains(plain)):
        assert working_days_between(a, b, holidays) == count_by_walking(a, b, holidays)


@SETTINGS
@given(days)
def test_previous_working_day_is_strictly_before_and_working(d: date) -> None:
    prev = previous_working_day(d, HOLIDAYS)
    assert prev < d and is_working_day(prev, HOLIDAYS)
    assert all(not is_working_day(prev + timedelta(i), HOLIDAYS) for i in range(1, (d - prev).days))


@SETTINGS
@given(days)
def test_iso_format_parses_back(d: date) -> None:
    assert parse_date(format_date(d, "iso"), TODAY) == d
    assert parse_date(d.strftime("%d/%m/%Y"), TODAY) == d


@SETTINGS
@given(st.text(), days)
def test_arbitrary_text_only_ever_raises_date_error(text: str, today: date) -> None:
    try:
        found = parse_date(text, today)
    except DateError as error:
        assert str(error) and "\n" not in str(error)
    else:
        assert 2000 <= found.year <= 2100


@SETTINGS
@given(st.from_regex(r"[+-]?[0-9]{1,6}(wd|d|w)?|[0-9]{1,4}[-/][0-9]{1,4}([-/][0-9]{1,4})?", fullmatch=True), days)
def test_date_like_text_only_ever_raises_date_error(text: str, today: date) -> None:
    try:
        parse_date(text, today)
    except DateError:
        pass

"""Money: reading amounts as people type them, refusing the rest clearly, and writing them back."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from prodcom_tui.domain.errors import AmountError, InputError
from prodcom_tui.domain.money import CURRENCY_EXPONENT, Money, format_minor_plain, format_money, parse_amount

# The autouse fixture of conftest only sets environment variables: sharing it across examples is fine.
SETTINGS = settings(suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow], deadline=None)
NBSP, NNBSP = "\u00a0", "\u202f"


@pytest.mark.parametrize(
    ("text", "minor"),
    [
        ("1 234,56", 123456),
        ("1 234,56 €", 123456),
        (f"1{NBSP}234,56{NBSP}€", 123456),
        (f"1{NNBSP}234,56{NBSP}€", 123456),
        ("1.234,56", 123456),
        ("1,234.56", 123456),
        ("€1,234.56", 123456),
        ("€ 1,234.56", 123456),
        ("1234.5 €", 123450),
        ("1234,5", 123450),
        ("1234", 123400),
        ("EUR 12.30", 1230),
        ("12,30 EUR", 1230),
        ("12 eur", 1200),
        ("50€", 5000),
        ("+50", 5000),
        ("  7  ", 700),
        ("0", 0),
        ("0,05", 5),
        ("1,234", 123400),  # one comma then three digits: thousands, as an English-speaking agency writes it
        ("1.234", 123400),  # and the French way
        ("12,345", 1234500),
        ("1.005", 100500),
        ("1.234.567", 123456700),
        ("1,234,567.89", 123456789),
        ("1.234.567,89", 123456789),
        ("1 234 567", 123456700),
        ("1'234.50", 123450),
        ("1,23", 123),
        ("-0", 0),
    ],
)
def test_reads_french_and_english_notation(text: str, minor: int) -> None:
    assert parse_amount(text) == Money(minor, "EUR")


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("", "the amount is empty"),
        ("   ", "the amount is empty"),
        ("NaN", "'NaN' is not a number"),
        ("nan", "is not a number"),
        ("inf", "'inf' is not a number"),
        ("-Infinity", "is not a number"),
        ("∞", "is not a number"),
        ("1e3", "'1e3' uses an exponent"),
        ("1.5E-3", "uses an exponent"),
        ("١٢٣", "uses digits other than 0-9"),
        ("１２３", "uses digits other than 0-9"),
        ("12²", "uses digits other than 0-9"),
        ("12,3456", "has 4 decimals: EUR has at most 2"),
        ("0,001", "has 3 decimals"),
        ("1 234,567", "has 3 decimals"),
        ("1.234,567", "has 3 decimals"),
        ("12,5,3", "misplaced thousands separators"),
        ("1,23,456", "misplaced thousands separators"),
        ("1.234.56", "misplaced thousands separators"),
        ("12,", "ends with a separator"),
        ("1,2.3", "misplaced thousands separators"),
        ("1.2,3.4", "misplaced separators"),
        ("99999999999999999", "is too large"),
        ("100 000 000 000,01", "is too large"),
        ("9" * 60, "is too large"),
        ("1" * 101, "too long to be an amount"),
        ("-50", "'-50' is negative"),
        ("(50)", "'(50)' is negative"),
        ("\u221250", "is negative"),
        ("-€50", "is negative"),
        ("12abc", "has letters that are not a currency"),
        ("abc", "has letters that are not a currency"),
        ("12 XYZ", "has letters that are not a currency"),
        ("$12", "'$12' is in USD, but this amount is in EUR"),
        ("12 GBP", "is in GBP, but this amount is in EUR"),
        ("€12 EUR", "names its currency twice"),
        ("(12", "misplaced sign or parenthesis"),
        ("--12", "misplaced sign or parenthesis"),
        ("12-", "is not an amount"),
        (",50", "is not an amount"),
        ("1_000", "is not an amount"),
    ],
)
def test_refuses_bad_input_with_a_specific_message(text: str, fragment: str) -> None:
    with pytest.raises(AmountError, match=None) as caught:
        parse_amount(text)
    assert fragment in str(caught.value)
    assert "\n" not in str(caught.value)


def test_every_message_shows_the_expected_form() -> None:
    for text in ("abc", "", "1e3", "12,", "NaN"):
        with pytest.raises(AmountError) as caught:
            parse_amount(text)
        assert "1 234,56" in str(caught.value)


def test_the_message_truncates_long_input_and_escapes_control_characters() -> None:
    with pytest.raises(AmountError) as caught:
        parse_amount("\x1b]52;c;" + "x" * 80)
    message = str(caught.value)
    assert "\x1b" not in message and "\\x1b" in message
    assert "…" in message and "x" * 40 not in message


def test_amount_error_is_an_input_error_and_a_value_error() -> None:
    with pytest.raises(InputError):
        parse_amount("nope")
    assert issubclass(AmountError, ValueError)


def test_negative_amounts_are_read_where_a_credit_is_meant() -> None:
    assert parse_amount("-50", allow_negative=True) == Money(-5000)
    assert parse_amount("(1 234,50 €)", allow_negative=True) == Money(-123450)
    assert parse_amount("\u221212,5", allow_negative=True) == Money(-1250)
    assert parse_amount("€-3", allow_negative=True) == Money(-300)


def test_currency_from_the_text_when_the_caller_does_not_fix_it() -> None:
    assert parse_amount("$12", None) == Money(1200, "USD")
    assert parse_amount("£1,234.50", None) == Money(123450, "GBP")
    assert parse_amount("12 CHF", None) == Money(1200, "CHF")
    assert parse_amount("12", None) == Money(1200, "EUR")


def test_currencies_without_decimals_and_unlisted_ones() -> None:
    assert parse_amount("1 234", "JPY") == Money(1234, "JPY")
    assert parse_amount("1,234", "JPY") == Money(1234, "JPY")
    with pytest.raises(AmountError, match="JPY amounts have none"):
        parse_amount("12,5", "JPY")
    assert parse_amount("12,50 SEK", "SEK") == Money(1250, "SEK")


def test_max_minor_is_the_callers_limit() -> None:
    assert parse_amount("100", max_minor=10_000) == Money(10_000)
    with pytest.raises(AmountError, match="at most|the most"):
        parse_amount("100,01", max_minor=10_000)


def test_money_arithmetic_stays_in_one_currency() -> None:
    a, b = Money(1000), Money(250)
    assert a + b == Money(1250) and a - b == Money(750) and -a == Money(-1000)
    assert (b - a).is_negative and not a.is_negative
    assert Money.zero("USD") == Money(0, "USD")
    assert sum([a, b, a]) == Money(2250)
    with pytest.raises(ValueError, match="cannot mix EUR and USD"):
        a + Money(1, "USD")
    with pytest.raises(ValueError):
        a - Money(1, "GBP")


def test_money_refuses_floats_and_bad_codes() -> None:
    with pytest.raises(TypeError):
        Money(12.5)  # type: ignore[arg-type]
    with pytest.raises(ValueError):
        Money(1, "euro")


@pytest.mark.parametrize(
    ("money", "fr", "en", "plain"),
    [
        (Money(123456), f"1{NNBSP}234,56{NBSP}€", "€1,234.56", "1234.56"),
        (Money(-5), f"-0,05{NBSP}€", "-€0.05", "-0.05"),
        (Money(0), f"0,00{NBSP}€", "€0.00", "0.00"),
        (Money(100), f"1,00{NBSP}€", "€1.00", "1.00"),
        (Money(123456789, "USD"), f"1{NNBSP}234{NNBSP}567,89{NBSP}$", "$1,234,567.89", "1234567.89"),
        (Money(1234567, "JPY"), f"1{NNBSP}234{NNBSP}567{NBSP}JPY", "JPY 1,234,567", "1234567"),
        (Money(-250, "CHF"), f"-2,50{NBSP}CHF", "-CHF 2.50", "-2.50"),
    ],
)
def test_formats_each_locale(money: Money, fr: str, en: str, plain: str) -> None:
    assert format_money(money) == fr
    assert format_money(money, "en") == en
    assert format_minor_plain(money.minor, money.currency) == plain


def test_unknown_locale_is_a_programming_error() -> None:
    with pytest.raises(ValueError, match="unknown locale"):
        format_money(Money(1), "de")


moneys = st.builds(Money, st.integers(-(10**13), 10**13), st.sampled_from(sorted(CURRENCY_EXPONENT)))


@SETTINGS
@given(moneys, st.sampled_from(["fr", "en"]))
def test_format_then_parse_gives_the_same_money(money: Money, locale: str) -> None:
    text = format_money(money, locale)
    assert parse_amount(text, money.currency, allow_negative=True) == money
    assert parse_amount(text, None, allow_negative=True).minor == money.minor


@SETTINGS
@given(moneys)
def test_plain_format_parses_back(money: Money) -> None:
    assert parse_amount(format_minor_plain(money.minor, money.currency), money.currency, allow_negative=True) == money


@SETTINGS
@given(st.text(), st.sampled_from(["EUR", "JPY", None]), st.booleans())
def test_arbitrary_text_only_ever_raises_amount_error(text: str, currency: str | None, negative: bool) -> None:
    try:
        money = parse_amount(text, currency, allow_negative=negative)
    except AmountError as error:
        assert str(error) and "\n" not in str(error)
    else:
        assert abs(money.minor) <= 10**13 and (negative or not money.is_negative)


@SETTINGS
@given(st.text(alphabet="0123456789 .,€$-()+EUR\u00a0\u202f'", max_size=20))
def test_amount_like_text_only_ever_raises_amount_error(text: str) -> None:
    try:
        parse_amount(text, None, allow_negative=True)
    except AmountError:
        pass

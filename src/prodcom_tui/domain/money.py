"""Money as whole minor units, read from what people type and written back for them."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .errors import AmountError, quote

CURRENCY_EXPONENT: dict[str, int] = {"EUR": 2, "USD": 2, "GBP": 2, "CHF": 2, "JPY": 0}
SYMBOLS: dict[str, str] = {"€": "EUR", "$": "USD", "£": "GBP"}
DEFAULT_CURRENCY = "EUR"
EXPECTED = "write it like 1 234,56 or 1,234.56"
MAX_INPUT = 100

_SYMBOL_OF = {code: symbol for symbol, code in SYMBOLS.items()}
# Thousands separators besides '.' and ',': spaces (plain, no-break, narrow, thin) and the Swiss apostrophe.
_SPACES = " \u00a0\u202f\u2009'’"
# Word processors turn a typed '-' into a minus sign or an en dash.
_MINUS = "-\u2212\u2013"
_AMOUNT = re.compile(
    r"""
    (?P<open>\()?\s*
    (?P<sign1>[-+\u2212\u2013])?\s*
    (?P<pre>[€$£]|[A-Za-z]{3})?\s*
    (?P<sign2>[-+\u2212\u2013])?\s*
    (?P<body>[0-9](?:[0-9.,\u0020\u00a0\u202f\u2009'’]*[0-9.,])?)\s*
    (?P<post>[€$£]|[A-Za-z]{3})?\s*
    (?P<close>\))?
    """,
    re.VERBOSE,
)
_EXPONENT = re.compile(r"[0-9][eE][-+]?[0-9]")
_NOT_A_NUMBER = re.compile(r"(?<![a-z])(nan|inf|infinity)(?![a-z])|∞")
_FR_GROUP, _NBSP = "\u202f", "\u00a0"


@dataclass(frozen=True, slots=True)
class Money:
    """An amount in the smallest unit of its currency (cents for EUR): never a float."""

    minor: int
    currency: str = "EUR"

    def __post_init__(self) -> None:
        if not isinstance(self.minor, int) or isinstance(self.minor, bool):
            raise TypeError(f"Money.minor must be an int, not {type(self.minor).__name__}")
        if not _is_code(self.currency):
            raise ValueError(f"{self.currency!r} is not an ISO 4217 currency code like 'EUR'")

    @classmethod
    def zero(cls, currency: str = "EUR") -> Money:
        """Nothing, in `currency`."""
        return cls(0, currency)

    @property
    def is_negative(self) -> bool:
        """True for a credit or an overspend."""
        return self.minor < 0

    def __add__(self, other: object) -> Money:
        if not isinstance(other, Money):
            return NotImplemented
        return Money(self.minor + self._same(other).minor, self.currency)

    def __radd__(self, other: object) -> Money:
        # Lets sum() start from its default 0.
        if other == 0 and not isinstance(other, bool):
            return self
        return NotImplemented

    def __sub__(self, other: object) -> Money:
        if not isinstance(other, Money):
            return NotImplemented
        return Money(self.minor - self._same(other).minor, self.currency)

    def __neg__(self) -> Money:
        return Money(-self.minor, self.currency)

    def _same(self, other: Money) -> Money:
        if other.currency != self.currency:
            raise ValueError(f"cannot mix {self.currency} and {other.currency}: convert one of them first")
        return other


def exponent(currency: str) -> int:
    """Decimal places of `currency`; ISO 4217 gives most currencies two."""
    return CURRENCY_EXPONENT.get(currency, 2)


def _is_code(currency: object) -> bool:
    return isinstance(currency, str) and len(currency) == 3 and currency.isascii() and currency.isalpha() and currency.isupper()


# --- parsing ---------------------------------------------------------------------------------


def parse_amount(
    text: str,
    currency: str | None = "EUR",
    *,
    allow_negative: bool = False,
    max_minor: int = 10**13,
) -> Money:
    """Read an amount typed in French or English notation; raise AmountError saying what to fix."""
    shown = quote(text)
    raw = text.strip()
    _reject_non_amounts(raw, shown)
    negative, found, body = _split(raw, shown, currency)
    code = _pick_currency(found, currency, shown)
    minor = _parse_number(body, code, shown)
    return _checked(Money(-minor if negative else minor, code), shown, allow_negative, max_minor)


def _reject_non_amounts(raw: str, shown: str) -> None:
    """Refuse, with a specific message, the inputs that are clearly not amounts."""
    if not raw:
        raise AmountError(f"the amount is empty: {EXPECTED}")
    if len(raw) > MAX_INPUT:
        raise AmountError(f"{shown} is too long to be an amount: {EXPECTED}")
    if any(ch.isnumeric() and ch not in "0123456789" for ch in raw):
        raise AmountError(f"{shown} uses digits other than 0-9: {EXPECTED}")
    if _NOT_A_NUMBER.search(raw.lower()):
        raise AmountError(f"{shown} is not a number: {EXPECTED}")
    if _EXPONENT.search(raw):
        raise AmountError(f"{shown} uses an exponent: write the amount in full, like 1 000 or 1 234,56")


def _split(raw: str, shown: str, expected: str | None) -> tuple[bool, str | None, str]:
    """Take apart sign, currency and digits: (negative, currency found, number)."""
    match = _AMOUNT.fullmatch(raw)
    if match is None:
        raise AmountError(_shape_message(raw, shown))
    g = match.groupdict()
    signs = [s for s in (g["sign1"], g["sign2"]) if s]
    if bool(g["open"]) != bool(g["close"]) or len(signs) > 1 or (g["open"] and signs):
        raise AmountError(f"{shown} has a misplaced sign or parenthesis: {EXPECTED}, with - in front if negative")
    if g["pre"] and g["post"]:
        raise AmountError(f"{shown} names its currency twice: {EXPECTED}, with at most one € or EUR")
    found = _currency_of(g["pre"] or g["post"], expected, shown)
    negative = bool(g["open"]) or (bool(signs) and signs[0] in _MINUS)
    return negative, found, g["body"]


def _shape_message(raw: str, shown: str) -> str:
    if any(ch.isalpha() for ch in raw):
        return f"{shown} has letters that are not a currency: {EXPECTED}, optionally with € or EUR"
    return f"{shown} is not an amount: {EXPECTED}"


def _currency_of(token: str | None, expected: str | None, shown: str) -> str | None:
    """The currency code a symbol or code in the text stands for."""
    if token is None:
        return None
    if token in SYMBOLS:
        return SYMBOLS[token]
    code = token.upper()
    if code in CURRENCY_EXPONENT or code == expected:
        return code
    raise AmountError(f"{shown} has letters that are not a currency: {EXPECTED}, optionally with € or EUR")


def _pick_currency(found: str | None, expected: str | None, shown: str) -> str:
    if expected is None:
        # The agency works in euros, so a bare number means euros.
        return found or DEFAULT_CURRENCY
    if found is not None and found != expected:
        raise AmountError(f"{shown} is in {found}, but this amount is in {expected}: type it in {expected}")
    return expected


def _parse_number(body: str, code: str, shown: str) -> int:
    """Minor units from digits with thousands separators and at most one decimal mark."""
    body = re.sub(f"[{_SPACES}]+", " ", body)
    if body[-1] in ".,":
        raise AmountError(f"{shown} ends with a separator: {EXPECTED}")
    whole, decimals = _split_decimals(body, shown)
    if not _valid_groups(whole):
        raise AmountError(f"{shown} has misplaced thousands separators: group digits by three, like 1 234 567,89")
    digits = re.sub(r"[ .,]", "", whole)
    return _to_minor(digits, decimals, code, shown)


def _split_decimals(body: str, shown: str) -> tuple[str, str]:
    """(whole part with its separators, decimal digits)."""
    mark = _decimal_mark(body)
    if mark is None:
        return body, ""
    whole, _, decimals = body.rpartition(mark)
    if mark in whole or not decimals.isdigit():
        raise AmountError(f"{shown} has misplaced separators: {EXPECTED}")
    return whole, decimals


def _decimal_mark(body: str) -> str | None:
    """Which of '.' and ',' separates the decimals, or None when there are none."""
    marks = [ch for ch in body if ch in ".,"]
    if not marks:
        return None
    last = marks[-1]
    if len(set(marks)) == 2:
        return last
    if len(marks) > 1:
        return None
    tail = body.rpartition(last)[2]
    # 1.234 and 1,234 mean one thousand two hundred and thirty-four, unless spaces already group the thousands.
    if len(tail) == 3 and " " not in body and _valid_groups(body):
        return None
    return last


def _valid_groups(whole: str) -> bool:
    """True if every thousands separator sits between groups of three digits."""
    groups = re.split(r"[ .,]", whole)
    if len(groups) == 1:
        return True
    first, rest = groups[0], groups[1:]
    return 1 <= len(first) <= 3 and not first.startswith("0") and all(len(g) == 3 for g in rest)


def _to_minor(digits: str, decimals: str, code: str, shown: str) -> int:
    places = exponent(code)
    if len(decimals) > places:
        if places == 0:
            raise AmountError(f"{shown} has decimals, but {code} amounts have none: write it like 1 234")
        raise AmountError(f"{shown} has {len(decimals)} decimals: {code} has at most {places}, like 1 234,56")
    if len(digits.lstrip("0")) > 20:
        # Guards int() against huge inputs; the size check below gives the real message.
        raise AmountError(f"{shown} is too large to be an amount: {EXPECTED}")
    return int(digits) * 10**places + int(decimals.ljust(places, "0") or "0")


def _checked(money: Money, shown: str, allow_negative: bool, max_minor: int) -> Money:
    if money.is_negative and not allow_negative:
        raise AmountError(f"{shown} is negative: type the amount without a minus sign or parentheses")
    if abs(money.minor) > max_minor:
        limit = format_money(Money(max_minor, money.currency), "fr")
        raise AmountError(f"{shown} is too large: the most this field accepts is {limit}")
    return money


# --- formatting ------------------------------------------------------------------------------


def format_money(m: Money, locale: str = "fr") -> str:
    """`1 234,56 €` (fr) or `€1,234.56` (en); negatives get a leading '-'."""
    sign = "-" if m.minor < 0 else ""
    symbol = _SYMBOL_OF.get(m.currency)
    if locale == "fr":
        return f"{sign}{_digits(abs(m.minor), m.currency, _FR_GROUP, ',')}{_NBSP}{symbol or m.currency}"
    if locale == "en":
        prefix = symbol or f"{m.currency} "
        return f"{sign}{prefix}{_digits(abs(m.minor), m.currency, ',', '.')}"
    raise ValueError(f"unknown locale {locale!r}: use 'fr' or 'en'")


def format_minor_plain(minor: int, currency: str = "EUR") -> str:
    """`1234.56`: no grouping, '.' as decimal mark, for CSV and machine-readable output."""
    return f"{'-' if minor < 0 else ''}{_digits(abs(minor), currency, '', '.')}"


def _digits(minor: int, currency: str, group: str, mark: str) -> str:
    """A non-negative amount in minor units as grouped digits with its decimals."""
    places = exponent(currency)
    units, cents = divmod(minor, 10**places)
    whole = f"{units:,}".replace(",", group)
    return f"{whole}{mark}{cents:0{places}d}" if places else whole

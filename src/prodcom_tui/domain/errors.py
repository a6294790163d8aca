"""Errors caused by what a person typed, each worded so they can fix it."""

from __future__ import annotations

import unicodedata
from typing import Self

QUOTE_LIMIT = 40


class UserFacingError(Exception):
    """Any error whose text can be shown as is: one sentence, no traceback."""


class InputError(UserFacingError, ValueError):
    """A user-input error whose str() is one sentence: what was wrong and what is expected."""

    def __init__(self, message: str, field: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.field = field

    def __str__(self) -> str:
        return self.message

    def __reduce__(self) -> tuple[type[InputError], tuple[str, str | None]]:
        # The default reduce would rebuild from args alone and drop `field`.
        return (type(self), (self.message, self.field))

    def with_field(self, field: str) -> Self:
        """Attach the form field this error belongs to; returns self so it chains in a raise."""
        self.field = field
        return self


class AmountError(InputError):
    """An amount of money that cannot be read."""


class DateError(InputError):
    """A date that cannot be read or does not exist."""


class TextError(InputError):
    """A text that is empty when required or too long."""


def quote(text: str, limit: int = QUOTE_LIMIT) -> str:
    """The input as a short, terminal-safe repr for an error message."""
    short = text if len(text) <= limit else text[: limit - 1] + "…"
    # repr() would show typographic spaces as \u202f; a plain space reads better and hides nothing dangerous.
    return repr("".join(" " if unicodedata.category(ch) == "Zs" else ch for ch in short))

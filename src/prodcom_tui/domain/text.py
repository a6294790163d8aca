"""Text from people and from outside, made safe to store and to show in a terminal."""

from __future__ import annotations

import re
import unicodedata

from .errors import TextError

# Every control (Cc), format (Cf) and lone surrogate (Cs) code point of Unicode 14, except \t and \n.
# Cf covers the bidi overrides and isolates (U+202A-202E, U+2066-2069), the marks U+200E, U+200F, U+061C,
# the zero-width U+200B-200D and U+FEFF, and the invisible tag characters U+E0000-E007F.
_UNSAFE = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f"
    "\u00ad\u0600-\u0605\u061c\u06dd\u070f\u0890\u0891\u08e2\u180e"
    "\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb"
    "\U000110bd\U000110cd\U00013430-\U0001343f\U0001bca0-\U0001bca3\U0001d173-\U0001d17a"
    "\U000e0000-\U000e007f\ud800-\udfff]"
)
_LINE_BREAKS = re.compile("\r\n|[\r\x0b\x0c\x1c-\x1e\x85\u2028\u2029]")
# Runs of whitespace, except the no-break spaces French typography puts before : ; ! ? and €.
_SPACE_RUN = re.compile(r"[^\S\u00a0\u202f]+")


def safe_terminal(s: str) -> str:
    """Drop control, bidi and invisible characters so text from elsewhere cannot drive the terminal."""
    return _UNSAFE.sub("", _LINE_BREAKS.sub("\n", s).replace("\t", " "))


def clean_text(
    s: str,
    *,
    max_len: int = 200,
    field: str = "text",
    required: bool = False,
    multiline: bool = False,
) -> str:
    """Normalise typed text (NFC, no control or bidi characters, trimmed); raise TextError if unfit."""
    text = safe_terminal(s)
    if not multiline:
        text = text.replace("\n", " ")
    # NFC after removal: dropping a zero-width space can bring a letter and its accent together.
    text = unicodedata.normalize("NFC", text)
    if not multiline:
        text = _SPACE_RUN.sub(" ", text)
    return _checked(text.strip(), max_len=max_len, field=field, required=required)


def _checked(text: str, *, max_len: int, field: str, required: bool) -> str:
    if required and not text:
        raise TextError(f"{field} is empty: type at least one visible character", field=field)
    if len(text) > max_len:
        raise TextError(f"{field} is too long ({len(text)} characters, at most {max_len})", field=field)
    return text

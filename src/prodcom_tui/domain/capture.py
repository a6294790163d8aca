"""The one-line capture of a request: `! Call the printer @lea #VERA-PRINT ^fri ~phone`.

Tokens may sit anywhere in the line: `!` urgent, `@handle` the person it is for, `#CODE` the project,
`^date` wanted by (any form `parse_date` reads), `~source` (phone, chat, meeting, email; phone by default).
Every other word is the subject.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from .dates import parse_date
from .errors import DateError, InputError
from .text import clean_text
from .vocab import REQUEST_SOURCES

DEFAULT_SOURCE = "phone"  # a line typed by hand is mostly a call or a word in the corridor


@dataclass(frozen=True)
class Capture:
    subject: str
    urgent: bool = False
    person: str | None = None  # a handle, without the @
    project: str | None = None  # a project code, without the #
    wanted_on: date | None = None
    source: str = DEFAULT_SOURCE

    def describe(self) -> str:
        """What will be saved, in one line, for the preview under the input."""
        parts = [("URGENT · " if self.urgent else "") + f"“{self.subject}”", f"via {self.source}"]
        if self.person:
            parts.append(f"for @{self.person}")
        if self.project:
            parts.append(f"on #{self.project}")
        if self.wanted_on:
            parts.append(f"wanted by {self.wanted_on.isoformat()}")
        return " · ".join(parts)


def parse_capture(line: str, today: date) -> Capture:
    """Read a capture line; raises InputError (field 'line') saying which token is wrong."""
    words: list[str] = []
    found: dict[str, str] = {}
    urgent = False
    for token in clean_text(line, field="line", max_len=300).split(" "):
        if token in ("!", "!!"):
            urgent = True
        elif len(token) > 1 and token[0] in "@#^~":
            _keep(found, token[0], token[1:])
        elif token:
            words.append(token)
    subject = clean_text(" ".join(words), field="subject", max_len=200)
    if not subject:
        raise InputError("the subject is empty: type what is asked, e.g. “! Call the printer @lea ^fri”", field="line")
    return Capture(subject, urgent, found.get("@"), found.get("#"), _wanted(found.get("^"), today), _source(found.get("~")))


def _keep(found: dict[str, str], sign: str, value: str) -> None:
    if sign in found and found[sign] != value:
        raise InputError(f"two {sign} tokens ({sign}{found[sign]} and {sign}{value}): keep one", field="line")
    found[sign] = value


def _wanted(text: str | None, today: date) -> date | None:
    if text is None:
        return None
    try:
        return parse_date(text, today)
    except DateError as exc:
        raise InputError(f"^{text}: {exc}", field="line") from None


def _source(text: str | None) -> str:
    if text is None:
        return DEFAULT_SOURCE
    key = text.lower()
    if key not in REQUEST_SOURCES:
        raise InputError(f"~{text} is not a source: use ~{', ~'.join(REQUEST_SOURCES)}", field="line")
    return key

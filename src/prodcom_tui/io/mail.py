"""Read a Maildir folder or an mbox file into plain mail items (decoded, cleaned, untrusted text)."""

from __future__ import annotations

import email
import hashlib
import mailbox
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime
from email import policy
from email.message import EmailMessage
from email.utils import parsedate_to_datetime
from pathlib import Path

from prodcom_tui.domain.errors import InputError
from prodcom_tui.domain.text import clean_text

URGENT_WORDS = ("urgent", "asap", "au plus vite", "prioritaire")


@dataclass(frozen=True)
class MailItem:
    message_id: str
    subject: str
    sender: str
    received_at: datetime
    body: str
    urgent: bool


def read_mailbox(path: Path, since: date | None = None) -> list[MailItem]:
    """Every message of the Maildir or mbox at `path` (received on or after `since`), oldest first."""
    items = [item for item in (_item(raw) for raw in _raw_messages(path)) if since is None or item.received_at.date() >= since]
    return sorted(items, key=lambda m: (m.received_at, m.message_id))


def _raw_messages(path: Path) -> Iterator[bytes]:
    if path.is_dir():
        if not all((path / sub).is_dir() for sub in ("cur", "new")):
            raise _not_a_mailbox(path)
        box = mailbox.Maildir(str(path), factory=None, create=False)
    elif path.is_file():
        if not _looks_like_mbox(path):
            raise _not_a_mailbox(path)
        box = mailbox.mbox(str(path), factory=None, create=False)
    else:
        raise InputError(f"{path} does not exist: give a Maildir folder or an mbox file", field="path")
    try:
        for key in box.iterkeys():
            yield box.get_bytes(key)
    finally:
        box.close()


def _looks_like_mbox(path: Path) -> bool:
    """An mbox starts with a `From ` separator line (after any blank lines)."""
    with path.open("rb") as f:
        head = f.read(4096).lstrip(b"\r\n")
    return head.startswith(b"From ")


def _not_a_mailbox(path: Path) -> InputError:
    return InputError(f"{path} is not a mailbox: give a Maildir folder (with cur/ and new/) or an mbox file "
                      "(it starts with a 'From ' line); nothing was imported", field="path")


def _item(raw: bytes) -> MailItem:
    msg = email.message_from_bytes(raw, policy=policy.default)
    subject = _clean(_header(msg, "subject"), 200) or "(no subject)"
    sender = _clean(_header(msg, "from"), 120)
    received = _date(_header(msg, "date"))
    body = _body(msg)
    return MailItem(_message_id(msg, raw), subject, sender, received, body, _urgent(msg, subject))


def _header(msg: EmailMessage, name: str) -> str:
    """The decoded header (RFC 2047 words resolved); a malformed one is read raw rather than lost."""
    try:
        value = msg.get(name)
    except Exception:  # noqa: BLE001 - the email package raises many kinds on hostile headers
        value = msg.get_all(name, [""])[0] if hasattr(msg, "get_all") else ""
    return str(value or "")


def _clean(text: str, limit: int) -> str:
    """Untrusted header text: no control or bidi characters, one line, cut to the column's size."""
    return clean_text(text, field="mail", max_len=100_000)[:limit].strip()


def _date(text: str) -> datetime:
    """Local wall-clock time (what the producer sees); a missing or broken Date: reads as the epoch of the Unix mail."""
    try:
        parsed = parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError):
        return datetime(1970, 1, 1)
    if parsed.tzinfo is not None:
        parsed = parsed.astimezone().replace(tzinfo=None)
    return parsed.replace(microsecond=0)


def _body(msg: EmailMessage) -> str:
    try:
        part = msg.get_body(preferencelist=("plain",))
        text = part.get_content() if part is not None else ""
    except Exception:  # noqa: BLE001 - an undecodable body leaves the subject still worth importing
        text = ""
    return clean_text(str(text), field="body", max_len=1_000_000, multiline=True)[:20_000]


def _message_id(msg: EmailMessage, raw: bytes) -> str:
    """The Message-ID; without one, a fingerprint of the raw bytes so a re-import still finds it."""
    found = _clean(_header(msg, "message-id"), 300)
    return found or f"<sha256-{hashlib.sha256(raw).hexdigest()[:40]}@prodcom.invalid>"


def _urgent(msg: EmailMessage, subject: str) -> bool:
    flags = (_header(msg, "importance").lower(), _header(msg, "x-priority").strip()[:1], _header(msg, "priority").lower())
    return flags[0] == "high" or flags[1] in ("1", "2") or flags[2] == "urgent" or any(
        w in subject.lower() for w in URGENT_WORDS)

"""The requests inbox pane: open requests, urgent and oldest first; n captures, t triages, a archives."""

from __future__ import annotations

from datetime import date

from rich.text import Text
from textual.binding import Binding

from prodcom_tui.domain.morning import RequestRow

from ..format import CODE_WIDTH, day, plain
from .table_pane import TablePane
from .windowed_table import Column

# How a request came in, as a mark before the sender: a column of its own left the subject no room in a
# pane half a 160-column terminal wide, so the source showed only from ~260 columns. `enter` names it.
SOURCE_MARK = {"email": "✉", "phone": "☎", "chat": "✎", "meeting": "◎"}


def _urgency(row: RequestRow) -> Text:
    return Text("‼ urgent", style="bold red") if row.urgency == "urgent" else Text("normal", style="dim")


def _received(row: RequestRow) -> Text:
    return Text(f"{row.received_at:%a %d %H:%M}")


def _sender(row: RequestRow) -> Text:
    """How it came and who sent it: the display name of `Name <address>`, so the column shows who rather
    than an address."""
    name = row.requester.split("<", 1)[0].strip().strip('"') or row.requester
    return Text.assemble((SOURCE_MARK.get(row.source, "·"), "dim"), " ", plain(name or "—"))


def columns(today: date) -> list[Column]:
    return [
        Column("Urgency", _urgency, 9),
        Column("Subject", lambda r: plain(r.subject)),
        Column("From", _sender, 18),
        Column("Received", _received, 12),
        Column("Wanted", lambda r: day(r.wanted_on, today), 12),
        Column("Project", lambda r: plain(r.project_code or "—"), CODE_WIDTH),
    ]


# (narrowest pane width, columns shown): the widest level that fits wins; None shows them all.
LEVELS = ((130, None), (80, ("Urgency", "Subject", "From", "Received", "Wanted")), (0, ("Urgency", "Subject", "Wanted")))


class RequestsPane(TablePane):
    """The inbox; the screen opens the forms, this pane only names the keys."""

    BINDINGS = [
        Binding("n", "screen.capture", "Capture", id="requests.capture",
                tooltip="Capture a request in one line: ! urgent, @person, #project, ^date"),
        Binding("t", "screen.triage", "Triage", id="requests.triage", tooltip="Turn the request into a task"),
        Binding("a", "screen.archive", "Archive", id="requests.archive",
                tooltip="Archive the request (or every marked one)"),
    ]

    def __init__(self, today: date, *, id: str | None = None) -> None:
        super().__init__("Requests", columns(today), levels=LEVELS, empty="Inbox zero: no open request.", id=id)

"""The roadblocks pane: computed, never typed in; enter opens the item on the screen that owns it."""

from __future__ import annotations

from datetime import date

from rich.text import Text

from prodcom_tui.domain.paging import ListSource
from prodcom_tui.domain.roadblocks import LABELS, Roadblock

from ..format import CODE_WIDTH, plain
from .table_pane import TablePane
from .windowed_table import Column

# Severity is read from the symbol count as well as the colour (the wall screen may be monochrome).
SEVERITY = {3: ("▲▲▲", "bold red"), 2: ("▲▲", "yellow"), 1: ("▲", "dim")}


def _severity(r: Roadblock) -> Text:
    mark, style = SEVERITY[r.severity]
    return Text(mark, style=style)


def _aged(r: Roadblock, today: date) -> Text:
    """Since when, for a narrow pane: how long it has been blocking (bold past a week), the date left to the wide one."""
    days = (today - r.since).days
    return Text("today" if days <= 0 else f"{days}d", style="bold" if days > 7 else "")


def _since(r: Roadblock, today: date) -> Text:
    age = _aged(r, today)
    return Text(f"{r.since:%d %b} {age.plain:>5}", style=age.style)


def columns(today: date) -> list[Column]:
    return [
        Column("Sev", _severity, 3),
        Column("Kind", lambda r: Text(LABELS[r.kind]), 14),
        Column("Project", lambda r: plain(r.project_code), CODE_WIDTH),
        Column("What", lambda r: plain(r.what)),
        Column("Since", lambda r: _since(r, today), 12),
        Column("Age", lambda r: _aged(r, today), 5, justify="right"),
    ]


# (narrowest pane width, columns shown): the widest level that fits wins; None shows them all.
LEVELS = ((90, ("Sev", "Kind", "Project", "What", "Since")), (70, ("Sev", "Kind", "Project", "What", "Age")),
          (0, ("Sev", "Project", "What", "Age")))


def source(items: list[Roadblock]) -> ListSource:
    """The list is already computed in SQL; `/` filters it by kind, project or text."""
    return ListSource(items, key=lambda r: f"{LABELS[r.kind]} {r.project_code} {r.what}")


class RoadblocksPane(TablePane):
    def __init__(self, today: date, *, id: str | None = None) -> None:
        super().__init__("Roadblocks", columns(today), levels=LEVELS, empty="No roadblock: nothing overdue, blocked or over budget.", id=id)

"""Turn values into what cells show; text from outside is always plain `Text`, never markup."""

from __future__ import annotations

from datetime import date

from rich.text import Text

from prodcom_tui.domain.money import Money, format_money
from prodcom_tui.domain.text import safe_terminal


def plain(value: object, style: str = "") -> Text:
    """Untrusted text as typed: no markup, no control or bidi characters."""
    return Text(safe_terminal(str(value)), style=style, no_wrap=True, overflow="ellipsis")


# The width of a project code's column in every list: codes as long as COBALT-VIVATECH whole (at 14 the
# afternoon showed LUNE-TEMOIGNA…); longer ones (the field takes 30) end in "…".
CODE_WIDTH = 15

# A task's priority as one cell, the same in every list (high, normal, low): the title follows it.
PRIORITY_MARKS = {1: ("↑", "bold red"), 2: (" ", ""), 3: ("↓", "dim")}


def priority(value: int) -> Text:
    mark, style = PRIORITY_MARKS[value]
    return Text(mark, style=style)


def money(value: Money, style: str = "") -> Text:
    return Text(format_money(value, "fr"), style=style, justify="right")


def day(value: date | None, today: date | None = None) -> Text:
    if value is None:
        return Text("—", style="dim")
    label = value.strftime("%a %d %b")
    if today is not None and value < today:
        return Text(f"! {label}", style="bold red")
    if today is not None and value == today:
        return Text(f"• {label}", style="bold yellow")
    return Text(label)


def pct(value: float | None) -> Text:
    if value is None:
        return Text("—", style="dim", justify="right")
    style = "bold red" if value > 100 else "yellow" if value >= 90 else ""
    mark = "▲ " if value > 100 else "△ " if value >= 90 else ""
    return Text(f"{mark}{value:.0f} %", style=style, justify="right")

"""A budget burn bar: actual spend, the commitment beyond it, and a mark when the forecast passes the estimate."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Static


def burn_text(estimate: int, committed: int, actual: int, forecast: int, width: int = 12) -> Text:
    """█ spent, ▒ committed not yet invoiced, ░ left; the percentage is actual over estimate."""
    if estimate <= 0:
        return Text("no estimate", style="dim")
    done = min(width, round(width * max(actual, 0) / estimate))
    ordered = min(width, round(width * max(committed, 0) / estimate))
    extra = max(0, ordered - done)
    over = forecast > estimate
    pct = round(100 * actual / estimate)
    return Text.assemble(
        ("█" * done, "red" if over else "#5b8fd0"), ("▒" * extra, "#8fa9c9"), ("░" * (width - done - extra), "dim"),
        (f" {pct:>3} %", "bold red" if over else ""), (" ▲" if over else "  ", "bold red"),
    )


class BurnBar(Static):
    """The bar as a widget, for the totals line."""

    DEFAULT_CSS = """
    BurnBar { height: 1; width: auto; }
    """

    def show(self, estimate: int, committed: int, actual: int, forecast: int, width: int = 24) -> None:
        self.update(burn_text(estimate, committed, actual, forecast, width))

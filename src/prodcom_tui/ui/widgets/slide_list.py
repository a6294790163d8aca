"""A titled list on a stand-up slide: one item a line, its status as a symbol and a word, cut to fit."""

from __future__ import annotations

from rich.console import Group
from rich.text import Text
from textual.widget import Widget

from prodcom_tui.domain.standup import SEVERITY, SlideItem
from prodcom_tui.domain.text import safe_terminal

from ..themes import STANDUP_TEXT

SEVERITY_COLOUR = {3: STANDUP_TEXT["severe"], 2: STANDUP_TEXT["serious"], 1: STANDUP_TEXT["accent"]}


class SlideList(Widget):
    """Items render as `symbol title` and, dimmer, `note · project`; what does not fit says how many more."""

    DEFAULT_CSS = """
    SlideList { width: 1fr; height: 1fr; border: round $panel; padding: 0 1; border-title-color: $accent; border-title-style: bold; }
    """

    def __init__(self, symbol: str, title: str, empty: str, *, id: str | None = None, classes: str = "") -> None:  # noqa: A002
        super().__init__(id=id, classes=classes)
        self.symbol, self.title, self.empty = symbol, title, empty
        self.items: tuple[SlideItem, ...] = ()
        self.border_title = f"{symbol} {title}"

    def update(self, items: tuple[SlideItem, ...], title: str | None = None, symbol: str | None = None) -> None:
        """Show new items; an unchanged list is not redrawn at all (the wall screen never blinks)."""
        title, symbol = title or self.title, symbol or self.symbol
        if (items, title, symbol) == (self.items, self.title, self.symbol):
            return
        self.items, self.title, self.symbol = items, title, symbol
        self.border_title = Text(f"{self.symbol} {safe_terminal(title)} · {len(items)}")
        self.refresh()

    def render(self) -> Group:
        if not self.items:
            return Group(Text(self.empty, style=STANDUP_TEXT["muted"]))
        room = max(1, self.size.height)
        lines: list[Text] = []
        for n, item in enumerate(self.items):
            block = self._lines(item)
            left = len(self.items) - n
            if len(lines) + len(block) > room or (left > 1 and len(lines) + len(block) == room):
                lines.append(Text(f"… and {left} more", style=STANDUP_TEXT["muted"]))
                break
            lines.extend(block)
        return Group(*lines[:room])

    def _lines(self, item: SlideItem) -> list[Text]:
        symbol = SEVERITY[item.severity][0] if item.severity else self.symbol
        colour = SEVERITY_COLOUR.get(item.severity, STANDUP_TEXT["foreground"])
        head = Text.assemble((f"{symbol} ", colour), (safe_terminal(item.title), STANDUP_TEXT["foreground"]))
        meta = " · ".join(safe_terminal(part) for part in (item.note, item.project_code) if part)
        lines = [head]
        if meta:
            lines.append(Text.assemble("  ", (meta, colour if item.severity else STANDUP_TEXT["muted"])))
        for line in lines:
            line.no_wrap, line.overflow = True, "ellipsis"
        return lines

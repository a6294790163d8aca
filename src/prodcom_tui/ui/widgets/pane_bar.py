"""One line naming a screen's panes, the current one highlighted: where `tab` will take you."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Static


class PaneBar(Static):
    DEFAULT_CSS = """
    PaneBar { height: 1; padding: 0 1; background: $panel; }
    """

    def __init__(self, names: list[tuple[str, str]], *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.names = names  # (pane id, label)
        self.current = names[0][0]
        self.counts: dict[str, str] = {}

    def on_mount(self) -> None:
        self._draw()

    def select(self, pane: str) -> None:
        self.current = pane
        self._draw()

    def set_count(self, pane: str, text: str) -> None:
        self.counts[pane] = text
        self._draw()

    def _draw(self) -> None:
        line = Text(no_wrap=True, overflow="ellipsis")
        for pane, label in self.names:
            count = self.counts.get(pane, "")
            chunk = f" {label}{f' {count}' if count else ''} "
            line.append(chunk, style="bold reverse" if pane == self.current else "")
        line.append("  tab ⇥", style="dim")
        self.update(line)

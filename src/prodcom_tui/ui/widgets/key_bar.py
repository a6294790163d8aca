"""The key bar at the foot of every screen: one line drawn by one widget.

Textual's Footer recomposes a widget per key whenever focus moves (tab, mode switch, a modal
closing), and mounting ~20 widgets with their styles cost more than the key itself on a busy
screen. This bar keeps the same look (theme's footer colours) and behaviour (click a key to press
it, hover for its tooltip) but only re-renders its line, and only when the keys shown changed.
"""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text
from textual import events
from textual.strip import Strip
from textual.widget import Widget


KEPT_LINES = 16  # more than the panes and modes a session goes round


@dataclass(frozen=True)
class KeyItem:
    key: str  # what `simulate_key` presses
    display: str  # how the key is written (`^p`, `tab`, `⏎`)
    description: str
    enabled: bool
    tooltip: str


class KeyBar(Widget, can_focus=False):
    ALLOW_SELECT = False
    COMPONENT_CLASSES = {"key-bar--key", "key-bar--description"}
    DEFAULT_CSS = """
    KeyBar {
        dock: bottom;
        height: 1;
        color: $footer-foreground;
        background: $footer-background;
        .key-bar--key { color: $footer-key-foreground; background: $footer-key-background; text-style: bold; }
        .key-bar--description { color: $footer-description-foreground; background: $footer-description-background; }
    }
    """

    def __init__(self, *, id: str | None = None) -> None:  # noqa: A002
        super().__init__(id=id)
        self.shown: tuple[KeyItem, ...] = ()
        self.palette_key: KeyItem | None = None
        self._spans: list[tuple[int, int, KeyItem]] = []  # x range of each key on the line, for the mouse
        # Lines drawn, by what they were drawn for, with their keys' x ranges. Tab moves between panes with
        # different keys; each pane's line is kept, so going round the panes draws none again (~1 ms each).
        self._lines: dict[tuple, tuple[Strip, list[tuple[int, int, KeyItem]]]] = {}

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self._bindings_changed)
        self._bindings_changed(self.screen)

    def on_unmount(self) -> None:
        self.screen.bindings_updated_signal.unsubscribe(self)

    def _bindings_changed(self, screen) -> None:  # noqa: ANN001
        if not self.is_attached or screen is not self.screen:
            return
        items, palette = self._collect()
        if (items, palette) != (self.shown, self.palette_key):  # most focus moves keep the same keys
            self.shown, self.palette_key = items, palette
            self.refresh()

    def _collect(self) -> tuple[tuple[KeyItem, ...], KeyItem | None]:
        """What the Footer would show: one key per action (the first bound), the palette key apart."""
        active = self.screen.active_bindings
        seen: set[str] = set()
        items: list[KeyItem] = []
        for _node, binding, enabled, tooltip in active.values():
            if not binding.show or binding.action in seen:
                continue
            seen.add(binding.action)
            items.append(KeyItem(binding.key, self.app.get_key_display(binding), binding.description, enabled,
                                 tooltip or binding.description))
        palette = None
        if self.app.ENABLE_COMMAND_PALETTE and self.app.COMMAND_PALETTE_BINDING in active:
            _node, binding, enabled, tooltip = active[self.app.COMMAND_PALETTE_BINDING]
            palette = KeyItem(binding.key, self.app.get_key_display(binding), binding.description, enabled,
                              binding.tooltip or binding.description)
            items = [item for item in items if item.key != palette.key]
        return tuple(items), palette

    def render_line(self, y: int) -> Strip:
        styles = (self.get_component_rich_style("key-bar--key"), self.get_component_rich_style("key-bar--description"))
        # Keyed on the colours themselves: a theme switch restyles the bar after its name changes.
        drawn_for = (self.shown, self.palette_key, self.size.width, styles)
        drawn = self._lines.get(drawn_for)
        if drawn is None:
            text, spans = self._text(*styles)
            text.end = ""
            if len(self._lines) >= KEPT_LINES:
                del self._lines[next(iter(self._lines))]  # the oldest
            strip = Strip(text.render(self.app.console)).adjust_cell_length(self.size.width)
            drawn = self._lines[drawn_for] = strip, spans
        strip, self._spans = drawn
        return strip

    def _text(self, key_style, text_style) -> tuple[Text, list[tuple[int, int, KeyItem]]]:  # noqa: ANN001
        """The line, and the x range of each key on it."""
        width = self.size.width
        right = self._item(self.palette_key, key_style, text_style) if self.palette_key else Text()
        room = max(0, width - right.cell_len - (1 if self.palette_key else 0))
        line, spans = Text(no_wrap=True, overflow="crop"), []
        for item in self.shown:
            piece = self._item(item, key_style, text_style)
            if line.cell_len + piece.cell_len > room:
                break  # a key cut in half reads as another key: stop at the last whole one
            spans.append((line.cell_len, line.cell_len + piece.cell_len, item))
            line.append_text(piece)
        if self.palette_key:
            line.append(" " * (width - line.cell_len - right.cell_len - 1))
            line.append("▏", style="dim")
            spans.append((line.cell_len, line.cell_len + right.cell_len, self.palette_key))
            line.append_text(right)
        return line, spans

    @staticmethod
    def _item(item: KeyItem, key_style, text_style) -> Text:  # noqa: ANN001
        piece = Text.assemble((f" {item.display} ", key_style), (f"{item.description} ", text_style))
        if not item.enabled:
            piece.stylize("dim")
        return piece

    def _at(self, x: int) -> KeyItem | None:
        return next((item for start, end, item in self._spans if start <= x < end), None)

    def on_mouse_move(self, event: events.MouseMove) -> None:
        item = self._at(event.x)
        self.tooltip = item.tooltip if item else None

    def on_mouse_down(self, event: events.MouseDown) -> None:
        item = self._at(event.x)
        if item is None:
            return
        if item.enabled:
            self.app.simulate_key(item.key)
        else:
            self.app.bell()

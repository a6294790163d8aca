"""A big number read from across the room (Textual's Digits) with a one-line caption under it."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Digits, Static


class Figure(Vertical):
    """`update("3", "blocked")`; the caption carries the meaning, so the number never relies on colour."""

    DEFAULT_CSS = """
    Figure { width: auto; min-width: 10; height: 4; padding: 0 2 0 0; }
    Figure > Digits { width: auto; }
    Figure > .figure-caption { width: auto; color: $text-muted; text-wrap: nowrap; text-overflow: ellipsis; }
    """

    def __init__(self, value: str = "0", caption: str = "", *, id: str | None = None, classes: str = "") -> None:  # noqa: A002
        super().__init__(id=id, classes=classes)
        self._value, self._caption = value, caption

    def compose(self) -> ComposeResult:
        yield Digits(self._value)
        yield Static(Text(self._caption), classes="figure-caption")

    def update(self, value: str, caption: str | None = None) -> None:
        """Change the number (and caption) in place: nothing is rebuilt, so nothing flickers."""
        digits = self.query_one(Digits)
        if digits.value != value:
            digits.update(value)
        if caption is not None and caption != self._caption:
            self._caption = caption
            self.query_one(".figure-caption", Static).update(Text(caption))

    @property
    def value(self) -> str:
        return self.query_one(Digits).value

"""The stand-up's top bar: where we are in the deck, the total elapsed, and this turn's countdown."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import Static

from prodcom_tui.domain.standup import clock_face
from prodcom_tui.domain.text import safe_terminal

from ..themes import STANDUP_TEXT
from .figure import Figure


class StandupBar(Horizontal):
    DEFAULT_CSS = """
    StandupBar { height: 4; background: $surface; padding: 0 1; }
    StandupBar > Vertical { width: 1fr; height: 4; }
    StandupBar Static { height: 1; text-wrap: nowrap; text-overflow: ellipsis; }
    StandupBar > Figure { width: 20; }
    StandupBar Figure.over-time > Digits { color: $warning; }
    """

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(id="bar-title")
            yield Static(id="bar-position")
            yield Static(id="bar-elapsed")
        yield Figure("02:00", "left for this turn", id="bar-countdown")

    def show_place(self, title: str, position: int, total: int, what: str) -> None:
        # Slide titles and names are people's and projects' names: data, so never raw to the terminal.
        self.query_one("#bar-title", Static).update(Text(safe_terminal(title), style=f"bold {STANDUP_TEXT['accent']}"))
        place = Text(f"Slide {position} of {total} · ", style=STANDUP_TEXT["muted"])
        place.append(safe_terminal(what), style=STANDUP_TEXT["foreground"])
        place.no_wrap, place.overflow = True, "ellipsis"
        self.query_one("#bar-position", Static).update(place)

    def show_time(self, remaining: int, elapsed: int, note: str = "") -> None:
        """Over time is said with a symbol and words, not by colour alone."""
        countdown = self.query_one("#bar-countdown", Figure)
        over = remaining < 0
        countdown.set_class(over, "over-time")
        countdown.update(clock_face(remaining), "⚠ over time" if over else "left for this turn")
        line = Text(f"◷ {clock_face(elapsed)} elapsed", style=STANDUP_TEXT["foreground"])
        if note:
            line.append(f" · {note}", style=STANDUP_TEXT["muted"])
        self.query_one("#bar-elapsed", Static).update(line)

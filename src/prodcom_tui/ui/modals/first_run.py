"""On a first run with an empty database: load the demo data, or start empty."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Static


class FirstRunScreen(ModalScreen[str]):
    BINDINGS = [
        Binding("d", "choose('demo')", "Demo data", id="first.demo", tooltip="Fill the database with a realistic demo agency"),
        Binding("e,escape", "choose('empty')", "Start empty", id="first.empty", tooltip="Start with an empty database"),
    ]
    DEFAULT_CSS = """
    FirstRunScreen { align: center middle; }
    FirstRunScreen > Vertical { width: 64; height: auto; border: thick $accent; background: $surface; padding: 1 2; }
    FirstRunScreen Horizontal { height: auto; margin-top: 1; }
    FirstRunScreen Button { margin-right: 2; }
    """

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(Text("Welcome to prodcom", style="bold"))
            yield Static(
                "This database is empty. Load a demo agency (12 live projects, a team, vendors, "
                "budgets) to look around, or start with your own work."
            )
            with Horizontal():
                yield Button("Load demo data (d)", id="demo", variant="primary")
                yield Button("Start empty (e)", id="empty")

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id or "empty")

    def action_choose(self, choice: str) -> None:
        self.dismiss(choice)

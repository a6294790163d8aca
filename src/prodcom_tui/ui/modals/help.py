"""`?`: every key of the screen underneath, with what it does."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import DataTable, Static


class HelpScreen(ModalScreen[None]):
    BINDINGS = [Binding("escape,q,question_mark", "dismiss", "Close", id="help.close", tooltip="Close the help")]
    DEFAULT_CSS = """
    HelpScreen { align: center middle; }
    HelpScreen > Vertical { width: 90%; max-width: 100; height: 85%; border: thick $accent; background: $surface; padding: 0 1; }
    HelpScreen DataTable { height: 1fr; }
    """

    def __init__(self, rows: list[tuple[str, str, str]], title: str) -> None:
        super().__init__()
        self.rows = rows
        self.title_text = title

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(Text(f"Keys — {self.title_text}", style="bold"))
            yield DataTable(cursor_type="row", zebra_stripes=True)
            yield Static(Text("Remap any key by its id in keymap.toml (see README). esc closes.", style="dim"))

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        table.add_columns("Key", "Does", "Id")
        table.add_rows([(Text(k, style="bold"), Text(d), Text(i, style="dim")) for k, d, i in self.rows])


def bindings_of(screen) -> list[tuple[str, str, str]]:  # noqa: ANN001
    """The active bindings of `screen` (its focused widget, the screen, the app), first one per key."""
    rows, seen = [], set()
    for key, active in screen.active_bindings.items():
        binding = active.binding
        if key in seen or not binding.description:
            continue
        seen.add(key)
        label = screen.app.get_key_display(binding)
        rows.append((label, binding.tooltip or binding.description, binding.id or ""))
    return rows

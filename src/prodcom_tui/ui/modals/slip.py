"""Moving a task (evening `m`, morning `d`): when others wait on it, offer to shift them by the same working days."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from rich.text import Text

from prodcom_tui.domain.text import safe_terminal
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Static

from prodcom_tui.domain.dates import format_date
from prodcom_tui.domain.planning import SlipDraft
from prodcom_tui.domain.report import NextTask

from .form import FieldSpec, FormScreen


def move_form(task: NextTask) -> FormScreen:
    due = task.due_on.isoformat() if task.due_on else ""
    fields = [FieldSpec("due", "New due date", due, "e.g. +2wd, fri, 2026-12-04")]
    return FormScreen(f"Move “{task.title}”", fields, lambda s, v: s.planning.slip_preview(task.id, v["due"]),
                      hint="+Nwd moves by working days. ctrl+s continues, esc cancels.")


def confirm_shift(app: Any, draft: SlipDraft, on_done: Callable[[int], None]) -> None:
    """Ask whether the dependants follow (y/n/esc), then move in one recorded write; `on_done` gets the count."""
    def chosen(shift: bool | None) -> None:
        if shift is not None:  # esc: nothing moves
            app.run_write(lambda s: s.planning.move_task(draft, shift), on_done=on_done)

    app.push_screen(ShiftScreen(draft), chosen)


class ShiftScreen(ModalScreen[bool | None]):
    """y shifts the dependants too, n moves the task alone, esc cancels."""

    BINDINGS = [
        Binding("y", "dismiss(True)", "Shift them too", id="shift.yes", tooltip="Move the dependants by the same working days"),
        Binding("n", "dismiss(False)", "Only this task", id="shift.no", tooltip="Move this task alone"),
        Binding("escape", "dismiss(None)", "Cancel", id="shift.cancel", tooltip="Move nothing"),
    ]
    DEFAULT_CSS = """
    ShiftScreen { align: center middle; }
    ShiftScreen > Vertical { width: 90%; max-width: 100; height: auto; border: thick $warning; background: $surface; padding: 0 1; }
    """

    def __init__(self, draft: SlipDraft) -> None:
        super().__init__()
        self.draft = draft

    def compose(self) -> ComposeResult:
        d = self.draft
        n = len(d.dependants)
        word = "later" if d.by > 0 else "earlier"
        with Vertical():
            yield Static(Text(f"“{safe_terminal(d.title)}” moves {abs(d.by)} working day{'s' if abs(d.by) != 1 else ''} {word}. "
                              f"{n} task{'s' if n != 1 else ''} wait{'' if n != 1 else 's'} on it:", style="bold"))
            lines = Text()
            for _, title, old, new in d.dependants[:12]:
                lines.append(f"  {format_date(old)} → {format_date(new)}  ")
                lines.append(safe_terminal(title))
                lines.append("\n")
            if n > 12:
                lines.append(f"  … and {n - 12} more\n")
            yield Static(lines, id="shift-list")
            yield Static(Text("y shift them too · n only this task · esc cancel", style="dim"))

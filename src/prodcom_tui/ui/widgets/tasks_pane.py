"""The team's task list, grouped by person: done, late, due today, blocked, next; every key acts on marked rows."""

from __future__ import annotations

from datetime import date

from rich.text import Text
from textual.binding import Binding

from prodcom_tui.domain.morning import TeamTaskRow

from ..format import CODE_WIDTH, day, plain, priority
from .table_pane import TablePane
from .windowed_table import Column

GROUPS = {"done": ("✔ done", "green"), "late": ("! late", "bold red"), "today": ("• today", "bold yellow"),
          "blocked": ("⊘ blocked", "magenta"), "next": ("  next", "")}


def _group(r: TeamTaskRow) -> Text:
    label, style = GROUPS[r.group]
    return Text(label, style=style)


def _title(r: TeamTaskRow) -> Text:
    # Assembled, not added: `a + b` keeps a's own style over the whole result, and a high priority's
    # bold red mark turned the whole title bold red.
    return Text.assemble(priority(r.priority), " ", plain(r.title, style="strike dim" if r.status == "done" else ""))


def _due(r: TeamTaskRow, today: date) -> Text:
    """A finished task is never shown as late."""
    return day(r.due_on, None if r.status == "done" else today)


def columns(today: date) -> list[Column]:
    return [
        Column("Person", lambda r: plain(r.person), 16),
        Column("State", _group, 10),
        Column("Task", _title),
        Column("Project", lambda r: plain(r.project_code), CODE_WIDTH),
        Column("Due", lambda r: _due(r, today), 12),
        Column("Est.", lambda r: Text(f"{r.estimate_hours} h" if r.estimate_hours else "—", justify="right"), 5, "right"),
        Column("#", lambda r: Text(str(r.id), style="dim", justify="right"), 5, "right"),
    ]


# (narrowest pane width, columns shown): the widest level that fits wins; None shows them all.
LEVELS = ((110, None), (80, ("Person", "State", "Task", "Due", "Est.")), (0, ("Person", "State", "Task", "Due")))


class TasksPane(TablePane):
    BINDINGS = [
        Binding("space", "screen.toggle_done", "Done", id="tasks.done", tooltip="Mark done, or open again (marked rows too)"),
        Binding("n", "screen.new_task", "New", id="tasks.new", tooltip="New task for this person and project"),
        Binding("e", "screen.edit_task", "Edit", id="tasks.edit",
                tooltip="Edit title, project, assignee, due, priority, estimate, depends-on"),
        Binding("a", "screen.reassign", "Reassign", id="tasks.reassign", tooltip="Give the task(s) to someone else"),
        Binding("d", "screen.set_due", "Due", id="tasks.due",
                tooltip="Set the due date (tomorrow, fri, +3, 02/12…); a later date offers to shift the tasks waiting on it"),
        Binding("f", "screen.feedback", "Feedback", id="tasks.feedback", tooltip="Write a feedback note to the person"),
    ]

    def __init__(self, today: date, *, id: str | None = None) -> None:
        super().__init__("Tasks", columns(today), levels=LEVELS, empty="No open task on a live project.", id=id)

"""The morning's task forms: triage a request, edit a task, set a due date, reassign, write feedback."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from prodcom_tui.domain.morning import RequestDetail, TaskDetail
from prodcom_tui.domain.text import safe_terminal

from ..format import plain
from .form import FieldSpec, FormScreen

DUE_HINT = "tomorrow, fri, +3, 2026-12-02, 02/12"


def triage_form(req: RequestDetail) -> FormScreen:
    r = req.row
    wanted = r.wanted_on.isoformat() if r.wanted_on else ""
    fields = [
        FieldSpec("title", "Task", r.subject, placeholder="What has to be done"),
        FieldSpec("project", "Project", f"#{r.project_code}" if r.project_code else "", placeholder="#CODE of the project"),
        FieldSpec("assignee", "Assignee", "", placeholder="@handle (optional)"),
        FieldSpec("due", "Due", wanted, placeholder=f"{DUE_HINT} (optional)"),
    ]
    return FormScreen(f"Triage into a task — {r.subject[:50]}", fields,
                      lambda s, v: s.requests.triage(r.id, v["title"], v["project"], v["assignee"], v["due"]))


def edit_form(t: TaskDetail) -> FormScreen:
    fields = [
        FieldSpec("title", "Title", t.title),
        FieldSpec("project", "Project", f"#{t.project_code}"),
        FieldSpec("assignee", "Assignee", f"@{t.assignee_handle}" if t.assignee_handle else "", placeholder="@handle"),
        FieldSpec("due", "Due", t.due_on.isoformat() if t.due_on else "", placeholder=DUE_HINT),
        FieldSpec("priority", "Priority", str(t.priority), placeholder="1 high, 2 normal, 3 low"),
        FieldSpec("estimate", "Estimate (hours)", str(t.estimate_hours)),
        FieldSpec("depends_on", "Depends on (task numbers)", ", ".join(map(str, t.depends_on)), placeholder="12, 15"),
    ]
    return FormScreen(f"Edit task #{t.id}", fields, lambda s, v: s.tasks.edit(t.id, **v))


def one_field(title: str, name: str, label: str, placeholder: str, save: Callable) -> FormScreen:  # noqa: ANN001
    return FormScreen(title, [FieldSpec(name, label, placeholder=placeholder)], lambda s, v: save(s, v[name]))


def due_form(ids: list[int]) -> FormScreen:
    """Saves the date, except when one task slips with others waiting: then returns the SlipDraft to confirm."""
    hint = ("A later date offers to shift the tasks that wait on it · esc cancels" if len(ids) == 1
            else "The marked tasks all take this date; their dependants stay · esc cancels")
    fields = [FieldSpec("due", "Due", placeholder=f"{DUE_HINT}; empty clears it")]
    return FormScreen(f"Due date — {_many(ids)}", fields, lambda s, v: _due_or_offer(s, ids, v["due"]), hint=hint)


def _due_or_offer(services: Any, ids: list[int], text: str) -> Any:
    # Several marked tasks slip by different amounts, so a shared shift of their dependants would be a guess.
    offer = services.planning.slip_offer(ids[0], text) if len(ids) == 1 else None
    return offer if offer is not None else services.tasks.set_due(ids, text)


def reassign_form(ids: list[int]) -> FormScreen:
    return one_field(f"Reassign — {_many(ids)}", "assignee", "Assignee", "@handle; empty leaves it unassigned",
                     lambda s, text: s.tasks.reassign(ids, text))


def feedback_form(person_id: int, person: str, task_id: int | None) -> FormScreen:
    return one_field(f"Feedback to {person}", "body", "Note", "What went well, what to change",
                     lambda s, text: s.tasks.add_note(person_id, text, task_id))


def _many(ids: list[int]) -> str:
    return f"task #{ids[0]}" if len(ids) == 1 else f"{len(ids)} marked tasks"


class RequestView(ModalScreen[None]):
    """The whole request as it arrived; mail text is shown as typed, never as markup."""

    BINDINGS = [Binding("escape,q,enter", "dismiss", "Close", id="request.close", tooltip="Close the request")]
    DEFAULT_CSS = """
    RequestView { align: center middle; }
    RequestView > VerticalScroll { width: 90%; max-width: 100; height: 80%; border: thick $accent; background: $surface; padding: 0 1; }
    """

    def __init__(self, req: RequestDetail, today: date) -> None:
        super().__init__()
        self.req, self.today = req, today

    def compose(self) -> ComposeResult:
        r = self.req.row
        head = [("Subject", r.subject), ("From", r.requester or "—"), ("Via", r.source),
                ("Received", f"{r.received_at:%a %d %b %Y %H:%M}"), ("Urgency", r.urgency),
                ("Wanted by", r.wanted_on.isoformat() if r.wanted_on else "—"), ("Project", r.project_code or "—"),
                ("For", self.req.person or "—"), ("Status", self.req.status)]
        with VerticalScroll():
            for label, value in head:
                yield Static(Text(f"{label:<10} ", style="bold") + plain(value))
            yield Static(Text(" "))
            yield Static(Text(safe_terminal(self.req.body) or "(no text)"))  # wraps, unlike plain()

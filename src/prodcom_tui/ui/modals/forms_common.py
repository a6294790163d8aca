"""Forms that several screens open (new task, new request)."""

from __future__ import annotations

from .form import FieldSpec, FormScreen


def new_task_form(project: str = "", assignee: str = "") -> FormScreen:
    fields = [
        FieldSpec("title", "Title", placeholder="What has to be done"),
        FieldSpec("project", "Project", project, placeholder="#CODE of the project"),
        FieldSpec("assignee", "Assignee", assignee, placeholder="@handle (optional)"),
        FieldSpec("due", "Due", placeholder="tomorrow, fri, +3, 2026-12-02, 02/12 (optional)"),
    ]
    return FormScreen(
        "New task",
        fields,
        lambda s, v: s.tasks.create(v["title"], v["project"], v["assignee"], v["due"]),
    )


def new_request_form() -> FormScreen:
    fields = [
        FieldSpec("subject", "Subject", placeholder="What is being asked"),
        FieldSpec("requester", "From", placeholder="Who asked (optional)"),
        FieldSpec("source", "Source", "email", placeholder="email, phone, chat or meeting"),
        FieldSpec("urgency", "Urgency", "normal", placeholder="normal or urgent"),
    ]
    return FormScreen(
        "New request",
        fields,
        lambda s, v: s.requests.create(v["subject"], v["requester"], v["source"], v["urgency"]),
    )

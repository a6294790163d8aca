"""The app-wide command palette: go to a project, new task, new request."""

from __future__ import annotations

import asyncio
from functools import partial

from textual.command import DiscoveryHit, Hit, Hits, Provider

from .modals.forms_common import new_request_form, new_task_form
from .modals.project import ProjectScreen


class GlobalCommands(Provider):
    """Commands available on every screen."""

    ACTIONS = (
        ("New task", "Create a task on a project", "task"),
        ("New request", "Capture an incoming request into the inbox", "request"),
    )

    async def discover(self) -> Hits:
        for name, help_text, kind in self.ACTIONS:
            yield DiscoveryHit(name, partial(self._open_form, kind), help=help_text)
        yield DiscoveryHit("Go to project…", partial(self.app.action_command_palette), help="Type a project's code or name")

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for name, help_text, kind in self.ACTIONS:
            score = matcher.match(name)
            if score > 0:
                yield Hit(score, matcher.highlight(name), partial(self._open_form, kind), help=help_text)
        services = getattr(self.app, "services", None)
        if services is None or not query.strip():
            return
        # The look-up is SQL: run it off the UI loop.
        projects = await asyncio.to_thread(services.overview.find_projects, query.removeprefix("go to ").strip())
        for choice in projects:
            label = f"Go to project {choice.key} — {choice.label}"
            yield Hit(max(matcher.match(label), 0.5), label, partial(self._go, choice.id), help=choice.label)

    def _open_form(self, kind: str) -> None:
        form = new_task_form() if kind == "task" else new_request_form()
        self.app.push_screen(form)

    def _go(self, project_id: int) -> None:
        self.app.push_screen(ProjectScreen(project_id))

"""A project at a glance: what the palette's "go to project…" opens."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from prodcom_tui.domain.money import format_money
from prodcom_tui.domain.views import ProjectSummary

from ..format import day, plain


class ProjectScreen(ModalScreen[None]):
    BINDINGS = [Binding("escape,q", "dismiss", "Close", id="project.close", tooltip="Close the project")]
    DEFAULT_CSS = """
    ProjectScreen { align: center middle; }
    ProjectScreen > VerticalScroll { width: 90%; max-width: 110; height: 80%; border: thick $accent; background: $surface; padding: 0 1; }
    """

    def __init__(self, project_id: int) -> None:
        super().__init__()
        self.project_id = project_id

    def compose(self) -> ComposeResult:
        with VerticalScroll():
            yield Static("Loading…", id="project-body")

    def on_mount(self) -> None:
        self._load()

    @work(thread=True, exclusive=True)
    def _load(self) -> None:
        summary = self.app.services.overview.project_summary(self.project_id)
        self.app.call_from_thread(self._show, summary)

    def _show(self, summary: ProjectSummary | None) -> None:
        body = self.query_one("#project-body", Static)
        body.update(render_summary(summary, self.app.today) if summary else Text("This project no longer exists."))


def render_summary(summary: ProjectSummary, today) -> Table:  # noqa: ANN001
    p = summary.project
    grid = Table.grid(padding=(0, 2))
    grid.add_column(style="bold")
    grid.add_column()
    grid.add_row("Project", plain(f"{p.code} — {p.name}"))
    grid.add_row("Client", plain(p.client))
    grid.add_row("Status", Text(f"{p.status} · delivery ") + day(p.delivery_on, today))
    grid.add_row("Tasks", Text(f"{p.tasks_done}/{p.tasks_total} done ({p.done_pct} %) · {summary.overdue_tasks} overdue"))
    grid.add_row("Budget", Text(
        f"estimate {format_money(summary.estimate)} · committed {format_money(summary.committed)} · actual {format_money(summary.actual)}"
    ))
    grid.add_row("Open risks", Text(str(summary.open_risks)))
    for name, due, status in summary.deliverables:
        grid.add_row("Deliverable", plain(f"{name} ({status})") + Text(" · ") + day(due, today))
    return grid

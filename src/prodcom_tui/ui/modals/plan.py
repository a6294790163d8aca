"""`p`: a new project planned backwards from its delivery date, shown as a timeline before it is created."""

from __future__ import annotations

from datetime import date

from rich.table import Table
from rich.text import Text

from prodcom_tui.domain.text import safe_terminal
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from prodcom_tui.domain.dates import format_date
from prodcom_tui.domain.planning import PlanDraft, Template

from .form import FieldSpec, FormScreen

BAR_WIDTH = 48


def plan_form(templates: list[Template]) -> FormScreen:
    listed = " · ".join(f"{i} {t.name} ({len(t.steps)} steps, {t.total_days} working days)" for i, t in enumerate(templates, 1))
    fields = [
        FieldSpec("template", "Template", "1", "number or name"),
        FieldSpec("code", "Code", "", "e.g. VERA-ETE (letters, digits, dashes)"),
        FieldSpec("name", "Name", "", "Project name"),
        FieldSpec("client", "Client", "", "optional"),
        FieldSpec("delivery", "Delivery date", "", "e.g. 2027-01-29, 29/01, +30"),
    ]
    return FormScreen("Plan a new project backwards from its delivery", fields,
                      lambda s, v: s.planning.preview(v), hint=f"Templates: {listed}. ctrl+s shows the plan.")


def timeline(draft: PlanDraft, today: date) -> Table:
    """One row per step: its dates and a bar placed on a calendar from the first step to delivery."""
    plan = draft.plan
    first = min(plan.start, today)
    days = max(1, (plan.delivery - first).days + 1)
    scale = BAR_WIDTH / days
    table = Table(box=None, padding=(0, 1), header_style="bold")
    for name, justify in (("Step", "left"), ("Days", "right"), ("Start", "left"), ("End", "left"), ("Timeline", "left")):
        table.add_column(name, justify=justify, no_wrap=True)
    for step in plan.steps:
        left = int((step.start - first).days * scale)
        width = max(1, int(((step.end - step.start).days + 1) * scale))
        past = step.start < today
        bar = Text(" " * left) + Text(("◆" if step.lead_days == 0 else "█" * width), style="red" if past else "#5b8fd0")
        table.add_row(Text(safe_terminal(step.title)), str(step.lead_days), format_date(step.start), format_date(step.end), bar)
    marker = int((today - first).days * scale)
    table.add_row("", "", "", "", Text(" " * marker + "▲ today", style="bold yellow"))
    return table


class PlanPreviewScreen(ModalScreen[bool]):
    """Dismisses True when the producer confirms the plan with enter or ctrl+s."""

    BINDINGS = [
        Binding("enter,ctrl+s", "confirm", "Create", id="plan.create", tooltip="Create the project and its tasks"),
        Binding("escape", "dismiss(False)", "Back", id="plan.back", tooltip="Close without creating anything"),
    ]
    DEFAULT_CSS = """
    PlanPreviewScreen { align: center middle; }
    PlanPreviewScreen > VerticalScroll { width: 95%; max-width: 120; height: auto; max-height: 90%;
        border: thick $accent; background: $surface; padding: 0 1; }
    PlanPreviewScreen .plan-notes { color: $warning; margin-top: 1; }
    """

    def __init__(self, draft: PlanDraft, today: date) -> None:
        super().__init__()
        self.draft, self.today = draft, today

    def compose(self) -> ComposeResult:
        d = self.draft
        with VerticalScroll():
            heading = safe_terminal(f"{d.code} — {d.name} · {d.template}")  # names typed by anyone
            yield Static(Text(f"{heading} · delivery {format_date(d.plan.delivery)} {d.plan.delivery.year}", style="bold"))
            yield Static(timeline(d, self.today), id="plan-timeline")
            notes = "\n".join(f"! {safe_terminal(n)}" for n in d.plan.notes) or "Every step starts from today on."
            yield Static(Text(notes), classes="plan-notes", id="plan-notes")
            yield Static(Text(f"enter creates {len(d.plan.steps)} tasks, each waiting on the one before · esc goes back",
                              style="dim"))

    def action_confirm(self) -> None:
        self.dismiss(True)


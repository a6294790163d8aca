"""`enter` on a risk: everything about it on one card; `e` edits it."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from prodcom_tui.domain.risks import IMPACT_WORDS, LIKELIHOOD_WORDS, RiskRow, level
from prodcom_tui.domain.text import safe_terminal

from ..format import plain


def risk_card(r: RiskRow) -> Table:
    grid = Table.grid(padding=(0, 2))
    grid.add_column(style="bold", no_wrap=True)
    grid.add_column()
    grid.add_row("Risk", Text(safe_terminal(r.title)))
    grid.add_row("Project", plain(r.project_code))
    grid.add_row("Score", Text(f"{r.score} ({level(r.score)}) = likelihood {r.likelihood} {LIKELIHOOD_WORDS[r.likelihood]}"
                               f" × impact {r.impact} {IMPACT_WORDS[r.impact]}"))
    grid.add_row("Mitigation", Text(safe_terminal(r.mitigation or "—")))
    grid.add_row("Contingency", Text(safe_terminal(r.contingency or "—")))
    grid.add_row("Owner", Text(safe_terminal(r.owner)))
    grid.add_row("Status", Text(r.status))
    grid.add_row("Review", Text(r.review_on.strftime("%a %d %b %Y") if r.review_on else "—"))
    grid.add_row("Logged", Text(r.created_on.strftime("%a %d %b %Y") if r.created_on else "—"))
    return grid


class RiskDetailScreen(ModalScreen[str | None]):
    """Dismisses with 'edit' when the producer presses e, so the screen opens the form."""

    BINDINGS = [
        Binding("escape,q", "dismiss", "Close", id="risk_detail.close", tooltip="Close the risk"),
        Binding("e", "edit", "Edit", id="risk_detail.edit", tooltip="Edit this risk"),
    ]
    DEFAULT_CSS = """
    RiskDetailScreen { align: center middle; }
    RiskDetailScreen > VerticalScroll { width: 90%; max-width: 100; height: auto; max-height: 80%;
        border: thick $accent; background: $surface; padding: 0 1; }
    """

    def __init__(self, risk: RiskRow) -> None:
        super().__init__()
        self.risk = risk

    def compose(self) -> ComposeResult:
        with VerticalScroll():
            yield Static(risk_card(self.risk), id="risk-card")
            yield Static(Text("e edit · esc close", style="dim"))

    def action_edit(self) -> None:
        self.dismiss("edit")

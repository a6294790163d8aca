"""The devis of one need side by side: cheapest, fastest, best-rated marked, each against the budget line."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Static

from prodcom_tui.domain.money import format_money
from prodcom_tui.domain.quotes import Compared, compare

from ..format import plain

MARK_STYLE = {"cheapest": "bold green", "fastest": "bold cyan", "best-rated": "bold magenta"}


def comparison_table(rows: list[Compared], selected: int | None = None, column_width: int = 24) -> Table:
    """One column per devis; the selected one reversed. Also used by the wide screen's side panel."""
    table = Table(show_header=True, header_style="bold", expand=False, pad_edge=False, box=None, padding=(0, 1))
    table.add_column("", no_wrap=True, min_width=9)
    for i, c in enumerate(rows):
        table.add_column(plain(c.quote.vendor, "reverse bold" if i == selected else "bold"), justify="right", max_width=column_width, no_wrap=True,
                         overflow="ellipsis")
    stars = [Text("★" * c.quote.vendor_rating, style="yellow") for c in rows]
    amounts = [Text(format_money(c.quote.amount)) if c.quote.amount else Text("—", style="dim") for c in rows]
    delta = [_delta(c) for c in rows]
    lead = [Text(f"{c.quote.lead_days} d") if c.quote.lead_days is not None else Text("—", style="dim") for c in rows]
    valid = [Text(f"{c.quote.valid_until:%d/%m}") if c.quote.valid_until else Text("—", style="dim") for c in rows]
    status = [Text(c.quote.status) for c in rows]
    marks = [Text("\n".join(c.marks), style=MARK_STYLE[c.marks[0]]) if c.marks else Text("") for c in rows]
    for label, cells in (("Rating", stars), ("Amount", amounts), ("vs budget", delta), ("Lead time", lead),
                         ("Valid to", valid), ("Status", status), ("", marks)):
        table.add_row(Text(label, style="dim"), *cells)
    return table


def _delta(c: Compared) -> Text:
    if c.vs_budget is None:
        return Text("—", style="dim")
    over = c.vs_budget.minor > 0
    return Text(("▲ +" if over else "") + format_money(c.vs_budget), style="bold red" if over else "green")


class QuoteCompareScreen(ModalScreen[int | None]):
    """Dismisses with the id of the devis to accept, or None."""

    BINDINGS = [
        Binding("left,h", "move(-1)", "Previous", id="compare.left", tooltip="Select the devis on the left"),
        Binding("right,l", "move(1)", "Next", id="compare.right", tooltip="Select the devis on the right"),
        Binding("A", "accept", "Accept", id="compare.accept", tooltip="Accept the selected devis: purchase order, others declined"),
        Binding("escape,q", "dismiss(None)", "Close", id="compare.close", tooltip="Close the comparison"),
    ]
    DEFAULT_CSS = """
    QuoteCompareScreen { align: center middle; }
    QuoteCompareScreen > Vertical { width: 95%; max-width: 140; height: auto; max-height: 90%; border: thick $accent; background: $surface; padding: 0 1; }
    QuoteCompareScreen #compare-title { text-style: bold; margin-bottom: 1; }
    QuoteCompareScreen #compare-keys { color: $text-muted; margin-top: 1; }
    """

    def __init__(self, need_id: int, quote_id: int | None = None) -> None:
        super().__init__()
        self.need_id, self.start_id = need_id, quote_id
        self.rows: list[Compared] = []
        self.selected = 0

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static("Loading the devis…", id="compare-title")
            yield Static("", id="compare-body")
            yield Static(Text("←/→ select · A accept · esc close"), id="compare-keys")

    def on_mount(self) -> None:
        self._load()

    @work(thread=True, exclusive=True)
    def _load(self) -> None:
        rows = compare(self.app.services.quotes.of_need(self.need_id))
        self.app.call_from_thread(self._loaded, rows)

    def _loaded(self, rows: list[Compared]) -> None:
        self.rows = rows
        ids = [c.quote.id for c in rows]
        self.selected = ids.index(self.start_id) if self.start_id in ids else 0
        if rows:
            q = rows[0].quote
            title = f"{q.project_code} · {q.need} — budget {format_money(q.estimate)} — {len(rows)} devis"
            self.query_one("#compare-title", Static).update(plain(title, "bold"))
        self._draw()

    def _draw(self) -> None:
        body = self.query_one("#compare-body", Static)
        body.update(comparison_table(self.rows, self.selected) if self.rows else Text("No devis for this need."))

    def action_move(self, step: int) -> None:
        if self.rows:
            self.selected = (self.selected + step) % len(self.rows)
            self._draw()

    def action_accept(self) -> None:
        if self.rows:
            self.dismiss(self.rows[self.selected].quote.id)

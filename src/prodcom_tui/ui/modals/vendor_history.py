"""A vendor's record: devis, purchase orders, deliveries (share on time) and spend to date."""

from __future__ import annotations

from rich.console import Group
from rich.table import Table
from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from prodcom_tui.domain.afternoon import VendorHistory
from prodcom_tui.domain.money import format_money

from ..format import plain


def history_view(h: VendorHistory) -> Group:
    v = h.vendor
    head = Table.grid(padding=(0, 2))
    head.add_column(style="bold")
    head.add_column()
    head.add_row("Vendor", plain(f"{v.name} ({v.category})", "bold"))
    head.add_row("Contact", plain(" · ".join(x for x in (v.contact, v.email, v.phone) if x) or "—"))
    head.add_row("Rating", Text("★" * v.rating + "☆" * (5 - v.rating), style="yellow"))
    head.add_row("Spend to date", Text(format_money(h.spend)))
    on_time = "no delivery yet" if h.on_time_pct is None else f"{h.on_time_pct} % on time"
    head.add_row("Deliveries", Text(f"{len(h.deliveries)} · {on_time}"))
    if v.notes:
        head.add_row("Notes", plain(v.notes))
    return Group(head, _section("Devis", [(f"{d:%d/%m/%y}" if d else "—", need, st, format_money(a) if a else "—")
                                           for d, need, st, a in h.quotes]),
                 _section("Purchase orders", [(f"{d:%d/%m/%y}", n, need, format_money(a)) for d, n, need, a in h.orders]),
                 _section("Deliveries", [(f"{e:%d/%m/%y}", f"{a:%d/%m/%y}" if a else "not yet", desc,
                                          "on time" if ok else "late") for e, a, desc, ok in h.deliveries]))


def _section(title: str, rows: list[tuple[str, ...]]) -> Table:
    table = Table(title=title, title_justify="left", title_style="bold", box=None, show_header=False, padding=(0, 2))
    for cells in rows or [("none",)]:
        table.add_row(*(plain(c) for c in cells))
    return table


class VendorHistoryScreen(ModalScreen[None]):
    BINDINGS = [Binding("escape,q", "dismiss", "Close", id="vendor.close", tooltip="Close the vendor's history")]
    DEFAULT_CSS = """
    VendorHistoryScreen { align: center middle; }
    VendorHistoryScreen > VerticalScroll { width: 90%; max-width: 110; height: 85%; border: thick $accent; background: $surface; padding: 0 1; }
    """

    def __init__(self, vendor_id: int) -> None:
        super().__init__()
        self.vendor_id = vendor_id

    def compose(self) -> ComposeResult:
        with VerticalScroll():
            yield Static("Loading…", id="vendor-body")

    def on_mount(self) -> None:
        self._load()

    @work(thread=True, exclusive=True)
    def _load(self) -> None:
        history = self.app.services.vendors.history(self.vendor_id)
        self.app.call_from_thread(self._show, history)

    def _show(self, history: VendorHistory | None) -> None:
        body = self.query_one("#vendor-body", Static)
        body.update(history_view(history) if history else Text("This vendor no longer exists."))

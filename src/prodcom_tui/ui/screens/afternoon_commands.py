"""The afternoon's own command-palette entries: jump to a pane, record an expense, import a bank export."""

from __future__ import annotations

from functools import partial

from textual.command import DiscoveryHit, Hit, Hits, Provider

ENTRIES = (
    ("Afternoon: deliveries", "Late first; r marks one received", "pane:deliveries"),
    ("Afternoon: devis to compare", "Each need's devis, open first; c compares, A accepts", "pane:quotes"),
    ("Afternoon: drafts to review", "Brand checklist, verdict, BAT", "pane:reviews"),
    ("Afternoon: budget", "Estimate, committed, actual, forecast per line", "pane:budget"),
    ("Afternoon: expenses", "Every expense, newest first", "pane:expenses"),
    ("Afternoon: vendors", "The directory, each vendor's history", "pane:vendors"),
    ("Record an expense", "Amount in French or English notation, date, line, vendor", "expense"),
    ("Import expenses from CSV", "A bank or payment-service export: preview, then all rows or none", "import_csv"),
    ("New vendor", "Add a printer, photographer, video house…", "new_vendor"),
)


class AfternoonCommands(Provider):
    async def discover(self) -> Hits:
        for name, help_text, target in ENTRIES:
            yield DiscoveryHit(name, partial(self._run, target), help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for name, help_text, target in ENTRIES:
            score = matcher.match(name)
            if score > 0:
                yield Hit(score, matcher.highlight(name), partial(self._run, target), help=help_text)

    def _run(self, target: str) -> None:
        screen = self.screen
        kind, _, pane = target.partition(":")
        if kind == "pane":
            screen.show_pane(pane)
        else:
            getattr(screen, f"action_{target}")()

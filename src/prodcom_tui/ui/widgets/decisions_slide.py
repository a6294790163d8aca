"""The stand-up's last slide: the decisions to take today, counted big and listed by kind."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Grid, Horizontal, Vertical
from textual.widgets import Static

from prodcom_tui.domain.standup import DecisionsSlide

from .figure import Figure
from .slide_list import SlideList
from .slide_title import slide_title

GROUPS = 4  # quotes, drafts, urgent requests, risks: the order services.standup_decisions gives them


class DecisionsSlideView(Vertical):
    DEFAULT_CSS = """
    DecisionsSlideView { height: 1fr; }
    DecisionsSlideView .figures { height: 4; }
    DecisionsSlideView .figures > Figure { width: 1fr; }
    DecisionsSlideView .figures .figure-caption { width: 100%; }
    DecisionsSlideView Grid { grid-size: 2 2; height: 1fr; }
    """

    def compose(self) -> ComposeResult:
        yield Static(id="decisions-title", classes="slide-title")
        with Horizontal(classes="figures"):
            for n in range(GROUPS):
                yield Figure("0", "", id=f"fig-decision-{n}")
        with Grid():
            for n in range(GROUPS):
                yield SlideList("?", "", "✔ nothing to decide", id=f"decision-{n}")

    def update(self, slide: DecisionsSlide) -> None:
        self.query_one("#decisions-title", Static).update(slide_title("Decisions for today", f"{slide.count} to take"))
        for n, group in enumerate(slide.groups[:GROUPS]):
            self.query_one(f"#fig-decision-{n}", Figure).update(str(len(group.items)), group.label)
            self.query_one(f"#decision-{n}", SlideList).update(group.items, group.label.capitalize(), group.symbol)

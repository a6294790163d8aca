"""A live project at risk, on one slide: why, how much of the budget is used, how far along, how long left."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import Static

from prodcom_tui.domain.money import format_money
from prodcom_tui.domain.standup import ProjectSlide

from ..themes import STANDUP_TEXT
from .figure import Figure
from .slide_list import SlideList
from .slide_title import slide_title


class ProjectSlideView(Vertical):
    DEFAULT_CSS = """
    ProjectSlideView { height: 1fr; }
    ProjectSlideView .figures { height: 4; }
    ProjectSlideView .line { height: 1; padding: 0 1; text-wrap: nowrap; text-overflow: ellipsis; }
    """

    def compose(self) -> ComposeResult:
        yield Static(id="project-title", classes="slide-title")
        with Horizontal(classes="figures"):
            yield Figure("0", "% of budget used", id="fig-used")
            yield Figure("0", "% of tasks done", id="fig-progress")
            yield Figure("0", "working days left", id="fig-left")
        yield Static(id="project-budget", classes="line")
        yield SlideList("⚠", "At risk because", "", id="project-reasons")

    def update(self, slide: ProjectSlide) -> None:
        self.query_one("#project-title", Static).update(slide_title(f"{slide.health} · {slide.code}", f"{slide.name} · {slide.client}"))
        used = slide.used_pct
        self.query_one("#fig-used", Figure).update("-" if used is None else str(used))
        self.query_one("#fig-progress", Figure).update(str(slide.done_pct))
        left = slide.working_days_left
        self.query_one("#fig-left", Figure).update("-" if left is None else str(left), _left_caption(slide))
        self.query_one("#project-budget", Static).update(_budget_line(slide))
        self.query_one("#project-reasons", SlideList).update(slide.reasons)


def _left_caption(slide: ProjectSlide) -> str:
    if slide.delivery_on is None:
        return "no delivery date"
    if (slide.working_days_left or 0) < 0:
        return f"days late · due {slide.delivery_on:%d %b}"
    return f"working days to {slide.delivery_on:%a %d %b}"


def _budget_line(slide: ProjectSlide) -> Text:
    muted, fg = STANDUP_TEXT["muted"], STANDUP_TEXT["foreground"]
    line = Text.assemble(
        ("Budget  ", STANDUP_TEXT["accent"]),
        ("estimate ", muted), (format_money(slide.estimate), fg),
        ("  committed ", muted), (format_money(slide.committed), fg),
        ("  actual ", muted), (format_money(slide.actual), fg),
    )
    line.no_wrap, line.overflow = True, "ellipsis"
    return line

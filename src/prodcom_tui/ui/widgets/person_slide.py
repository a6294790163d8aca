"""A person's stand-up slide: done since the last stand-up, today, blocked, and their roadblocks."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import Static

from prodcom_tui.domain.standup import PersonSlide
from prodcom_tui.domain.text import safe_terminal

from ..themes import STANDUP_TEXT
from .figure import Figure
from .slide_list import SlideList
from .slide_title import slide_title


class PersonSlideView(Vertical):
    DEFAULT_CSS = """
    PersonSlideView { height: 1fr; }
    PersonSlideView .figures { height: 4; }
    PersonSlideView .columns { height: 3fr; }
    PersonSlideView .columns > SlideList { width: 1fr; }
    PersonSlideView .line { height: 1; padding: 0 1; text-wrap: nowrap; text-overflow: ellipsis; }
    PersonSlideView #person-roadblocks { height: 3; }
    PersonSlideView.has-roadblocks #person-roadblocks { height: 2fr; }
    """

    def compose(self) -> ComposeResult:
        yield Static(id="person-title", classes="slide-title")
        with Horizontal(classes="figures"):
            yield Figure("0", "done", id="fig-done")
            yield Figure("0", "today", id="fig-today")
            yield Figure("0", "blocked", id="fig-blocked")
            yield Figure("0", "roadblocks", id="fig-roadblocks")
        yield Static(id="person-next", classes="line")
        with Horizontal(classes="columns"):
            yield SlideList("✔", "Done", "✔ nothing finished since the last stand-up", id="person-done")
            yield SlideList("▶", "Today", "▶ nothing due today", id="person-today")
            yield SlideList("✖", "Blocked", "✔ not blocked", id="person-blocked")
        yield SlideList("■", "Roadblocks", "✔ no other roadblock", id="person-roadblocks")
        yield Static(id="person-feedback", classes="line")

    def update(self, slide: PersonSlide) -> None:
        self.query_one("#person-title", Static).update(slide_title(slide.name, slide.role))
        self.set_class(bool(slide.roadblocks), "has-roadblocks")
        for name, items in (("done", slide.done), ("today", slide.today), ("blocked", slide.blocked), ("roadblocks", slide.roadblocks)):
            self.query_one(f"#fig-{name}", Figure).update(str(len(items)))
        self.query_one("#person-done", SlideList).update(slide.done, f"Done since {slide.since:%a %d %b}")
        self.query_one("#person-today", SlideList).update(slide.today)
        self.query_one("#person-blocked", SlideList).update(slide.blocked)
        self.query_one("#person-roadblocks", SlideList).update(slide.roadblocks, "Their roadblocks")
        self.query_one("#person-next", Static).update(_next_line(slide))
        self.query_one("#person-feedback", Static).update(_feedback_line(slide))


def _next_line(slide: PersonSlide) -> Text:
    item = slide.next_up
    if item is None:
        return Text("→ next: nothing planned yet", style=STANDUP_TEXT["muted"])
    meta = " · ".join(safe_terminal(part) for part in (item.note, item.project_code) if part)
    line = Text.assemble(("→ next: ", STANDUP_TEXT["accent"]), safe_terminal(item.title), (f"  {meta}", STANDUP_TEXT["muted"]))
    line.no_wrap, line.overflow = True, "ellipsis"
    return line


def _feedback_line(slide: PersonSlide) -> Text:
    if not slide.feedback_today:
        return Text("✎ no feedback noted today", style=STANDUP_TEXT["muted"])
    count = len(slide.feedback_today)
    line = Text.assemble(
        (f"✎ {count} feedback note{'s' if count != 1 else ''} today: ", STANDUP_TEXT["accent"]), safe_terminal(slide.feedback_today[-1])
    )
    line.no_wrap, line.overflow = True, "ellipsis"
    return line

"""The timelines pane: a title, a `/` filter box and the scrolling strip."""

from __future__ import annotations

from datetime import date

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.widget import Widget
from textual.widgets import Static

from prodcom_tui.domain.timeline import Lane

from .filterable import Filterable
from .pane_frame import FRAMED, AlikeInside
from .timeline import Timeline

ZOOM_LABEL = {14: "2 weeks", 42: "6 weeks", 91: "a quarter"}


class TimelinePane(AlikeInside, Filterable, Vertical):
    FILTER_PLACEHOLDER = "filter projects…  (enter keeps it, esc clears)"
    BINDINGS = [
        Binding("slash", "filter", "Filter", id="pane.filter", tooltip="Filter the projects (as you type; esc clears)"),
    ]
    DEFAULT_CSS = """
    TimelinePane { height: auto; border: round $panel; }
    TimelinePane > .pane-title { height: 1; padding: 0 1; text-style: bold; }
    TimelinePane > .filter-box { display: none; height: 3; }
    TimelinePane.-filtering > .filter-box { display: block; }
    TimelinePane > VerticalScroll { height: auto; max-height: 18; scrollbar-size-vertical: 1; }
    """

    def __init__(self, today: date, *, id: str | None = None) -> None:
        super().__init__(id=id, classes=FRAMED)
        self.timeline = Timeline(today, id="timeline")

    def compose(self) -> ComposeResult:
        yield Static("Timelines", classes="pane-title")
        with VerticalScroll(can_focus=False):
            yield self.timeline

    def on_mount(self) -> None:
        self.watch(self.timeline, "window", self._retitle)

    def set_lanes(self, lanes: list[Lane]) -> None:
        self.timeline.set_lanes(lanes)
        self._retitle()

    def _retitle(self, *_: object) -> None:
        w = self.timeline.window
        late = sum(lane.state(self.timeline.today) == "late" for lane in self.timeline.lanes)
        title = f"Timelines — {len(self.timeline.lanes)} live projects, {late} late · {ZOOM_LABEL.get(w.days, w.days)} from {w.start:%a %d %b}"
        self.query_one(".pane-title", Static).update(Text(title))

    @property
    def filter_target(self):  # noqa: ANN201
        return self.timeline

    @property
    def filter_anchor(self) -> Widget:
        return self.query_one(VerticalScroll)

"""The timeline strip: one row per live project, milestones, a today marker; h/l shift, +/- zoom."""

from __future__ import annotations

from datetime import date

from rich.text import Text
from textual.binding import Binding
from textual.message import Message
from textual.reactive import reactive
from textual.widget import Widget

from prodcom_tui.domain.timeline import SYMBOLS, Lane, Window, lane_cells, scale

from ..format import plain

STYLES = {"today": "bold magenta", "span": "dim", "milestone": "bold", "done": "green", "late": "bold red",
          "at_risk": "bold yellow", "delivery": "bold cyan", "more": "dim", "blank": ""}
STATE_MARK = {"late": ("!", "bold red"), "at_risk": ("▲", "bold yellow"), "ok": ("·", "green")}
LEGEND = "◆ milestone  ◇ done  ▲ at risk  ! late  ■ delivery  │ today"


class Timeline(Widget, can_focus=True):
    """Shows `lanes` over `window`; the cursor picks a project, `enter` opens it."""

    BINDINGS = [
        Binding("h,left", "shift(-1)", "Week −", id="timeline.earlier", tooltip="Shift the strip one week earlier"),
        Binding("l,right", "shift(1)", "Week +", id="timeline.later", tooltip="Shift the strip one week later"),
        Binding("plus,equals_sign", "zoom(1)", "Zoom out", id="timeline.zoom_out",
                tooltip="Show more: 2 weeks → 6 weeks → a quarter"),
        Binding("minus", "zoom(-1)", "Zoom in", id="timeline.zoom_in", tooltip="Show less: a quarter → 6 weeks → 2 weeks"),
        Binding("full_stop", "today", "Today", show=False, id="timeline.today", tooltip="Start the strip at today again"),
        Binding("j,down", "move(1)", "Down", show=False, id="timeline.down", tooltip="Next project"),
        Binding("k,up", "move(-1)", "Up", show=False, id="timeline.up", tooltip="Previous project"),
        Binding("enter", "open", "Project", id="timeline.open", tooltip="Open the project under the cursor"),
    ]
    DEFAULT_CSS = """
    Timeline { height: auto; min-height: 3; }
    Timeline:focus { background-tint: $foreground 3%; }
    """

    cursor = reactive(0)
    window: reactive[Window] = reactive(Window(date.today()), always_update=True)

    class Opened(Message):
        def __init__(self, project_id: int) -> None:
            super().__init__()
            self.project_id = project_id

    def __init__(self, today: date, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.today = today
        self.lanes: list[Lane] = []
        self.filter_text = ""
        self.set_reactive(Timeline.window, Window(today))

    def set_lanes(self, lanes: list[Lane]) -> None:
        self.lanes = lanes
        self.cursor = min(self.cursor, max(len(self.visible) - 1, 0))
        self.refresh(layout=True)

    def set_filter(self, text: str) -> None:
        self.filter_text = text.strip().casefold()
        self.cursor = 0
        self.refresh(layout=True)

    @property
    def visible(self) -> list[Lane]:
        needle = self.filter_text
        return [x for x in self.lanes if not needle or needle in f"{x.code} {x.name}".casefold()]

    def get_content_height(self, container, viewport, width: int) -> int:  # noqa: ANN001
        return len(self.visible) + 2 if self.visible else 3

    def action_shift(self, weeks: int) -> None:
        self.window = self.window.shifted(weeks)

    def action_zoom(self, step: int) -> None:
        self.window = self.window.zoomed(step)

    def action_today(self) -> None:
        self.window = Window(self.today, self.window.days)

    def action_move(self, step: int) -> None:
        self.cursor = max(0, min(self.cursor + step, len(self.visible) - 1))

    def watch_cursor(self) -> None:
        self.refresh()
        if self.parent is not None and self.visible:
            self.parent.scroll_to_region(self.region.translate((0, self.cursor + 1)).resize((1, 1)), animate=False)

    def action_open(self) -> None:
        lanes = self.visible
        if lanes:
            self.post_message(self.Opened(lanes[self.cursor].project_id))

    def render(self) -> Text:
        lanes, width = self.visible, self.size.width
        label = min(18, max(8, width // 5))
        strip = max(width - label - 3, 7)
        lines = [self._scale_line(label, strip)]
        if not lanes:
            lines.append(Text("No live project." if not self.filter_text else "No project matches the filter.", style="dim"))
        for index, lane in enumerate(lanes):
            lines.append(self._lane_line(lane, label, strip, index == self.cursor))
        lines.append(Text(LEGEND, style="dim", no_wrap=True, overflow="ellipsis"))
        return Text("\n").join(lines)

    def _scale_line(self, label: int, strip: int) -> Text:
        w = self.window
        head = Text(f"{w.start:%d %b}–{w.end:%d %b}"[: label + 2].ljust(label + 3), style="bold")
        marks = [" "] * strip
        for col, text in scale(w, strip):
            for i, ch in enumerate(text):
                if col + i < strip:
                    marks[col + i] = ch
        today = w.column(self.today, strip)
        row = Text("".join(marks), style="dim")
        if today is not None:
            row.stylize(self._style("today"), today, today + 1)
            if marks[today] == " ":
                row = row[:today] + Text("▼", style=self._style("today")) + row[today + 1:]
        return head + row

    def _lane_line(self, lane: Lane, label: int, strip: int, current: bool) -> Text:
        mark, mark_style = STATE_MARK[lane.state(self.today)]
        head = Text(mark + " ", style=mark_style) + plain(lane.code[:label].ljust(label), style="bold" if current else "")
        head.append(" ")
        cells = lane_cells(lane, self.window, strip, self.today)
        body = Text(no_wrap=True)
        for kind in cells:
            body.append(SYMBOLS[kind], style=self._style(kind))
        line = head + body
        if current and self.has_focus:
            line.stylize("reverse", 0, label + 2)
        return line

    @staticmethod
    def _style(kind: str) -> str:
        return STYLES[kind]

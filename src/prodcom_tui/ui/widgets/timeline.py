"""The timeline strip: one row per live project, milestones, a today marker; h/l shift, +/- zoom.

Drawn line by line (Textual's line API) from a cache: `large` has 220 live projects, and
re-rendering every lane on each focus change or cursor move cost ~35 ms a frame, while only
the dozen lanes in view are ever asked for.
"""

from __future__ import annotations

from datetime import date

from rich.text import Text
from textual import events
from textual.binding import Binding
from textual.geometry import Region
from textual.message import Message
from textual.reactive import reactive
from textual.strip import Strip
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
        self.shown_lanes: list[Lane] = []  # the lanes the filter lets through, in order
        self.filter_text = ""
        self._lines: dict[tuple[int, bool, bool], Strip] = {}  # (line, cursor on it, focused) -> drawn line
        self._drawn_for: tuple = ()  # what the cached lines were drawn for; anything else clears them
        self.set_reactive(Timeline.window, Window(today))

    def set_lanes(self, lanes: list[Lane]) -> None:
        self.lanes = lanes
        self._select()
        self.cursor = min(self.cursor, max(len(self.shown_lanes) - 1, 0))

    def set_filter(self, text: str) -> None:
        self.filter_text = text.strip().casefold()
        self._select()
        self.cursor = 0

    def _select(self) -> None:
        needle = self.filter_text
        self.shown_lanes = [x for x in self.lanes if not needle or needle in f"{x.code} {x.name}".casefold()]
        self._lines.clear()
        self.refresh(layout=True)

    def watch_window(self) -> None:
        self._lines.clear()
        self.refresh()

    def get_content_height(self, container, viewport, width: int) -> int:  # noqa: ANN001
        return len(self.shown_lanes) + 2 if self.shown_lanes else 3

    def action_shift(self, weeks: int) -> None:
        self.window = self.window.shifted(weeks)

    def action_zoom(self, step: int) -> None:
        self.window = self.window.zoomed(step)

    def action_today(self) -> None:
        self.window = Window(self.today, self.window.days)

    def action_move(self, step: int) -> None:
        self.cursor = max(0, min(self.cursor + step, len(self.shown_lanes) - 1))

    def watch_cursor(self) -> None:
        self.refresh()
        if self.parent is not None and self.shown_lanes:
            # The cursor's line, in the scrolling parent's coordinates (line 0 is the scale).
            line = Region(0, self.virtual_region.y + self.cursor + 1, 1, 1)
            self.parent.scroll_to_region(line, animate=False)

    def action_open(self) -> None:
        lanes = self.shown_lanes
        if lanes:
            self.post_message(self.Opened(lanes[self.cursor].project_id))

    # Focus shows as the lit frame and the reversed label of the cursor's lane, and only that line is
    # repainted. Textual's own handlers repaint the whole widget, and a tint (as the tables have) is laid
    # over every line: each tab into or out of the strip drew all its lanes again (~1 ms on `large`).
    def _on_focus(self, event: events.Focus) -> None:
        event.prevent_default()
        self._focus_moved(True, events.DescendantFocus(self))

    def _on_blur(self, event: events.Blur) -> None:
        event.prevent_default()
        self._focus_moved(False, events.DescendantBlur(self))

    def _focus_moved(self, has_focus: bool, notice: events.Event) -> None:
        """What Textual's handlers do, the whole-widget repaint aside: the parent is told, as they tell it."""
        self.has_focus = has_focus
        self.refresh(Region(0, self.cursor + 1, self.size.width, 1))
        if self.parent is not None:
            self.parent.post_message(notice)

    def watch_has_focus(self, has_focus: bool) -> None:
        """Nothing to restyle: Textual's watcher matches the whole stylesheet against the widget again
        (for `:focus` rules, which nothing here has)."""

    def render_line(self, y: int) -> Strip:
        width = self.size.width
        if self._drawn_for != (width, self.app.theme):
            self._lines.clear()
            self._drawn_for = (width, self.app.theme)
        current = y == self.cursor + 1
        key = (y, current, current and self.has_focus)
        line = self._lines.get(key)
        if line is None:
            text = self._line_text(y, width)
            text.end = ""
            line = self._lines[key] = Strip(text.render(self.app.console)).adjust_cell_length(width)
        return line

    def _line_text(self, y: int, width: int) -> Text:
        """Line 0 is the scale, then one line a lane (or a word saying there is none), then the legend."""
        lanes = self.shown_lanes
        label = min(18, max(8, width // 5))
        strip = max(width - label - 3, 7)
        if y == 0:
            return self._scale_line(label, strip)
        if not lanes and y == 1:
            return Text("No live project." if not self.filter_text else "No project matches the filter.", style="dim")
        if y == max(len(lanes), 1) + 1:
            return Text(LEGEND, style="dim", no_wrap=True, overflow="ellipsis")
        if y > len(lanes):
            return Text()
        return self._lane_line(lanes[y - 1], label, strip, y - 1 == self.cursor)

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
        # The lane's state colours its whole line, code and spans too (Rich's `a + b` keeps a's style as the
        # base of the result): late, at risk and on track read across the room on the stand-up screen.
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

"""Mode 1, the morning review: requests inbox, roadblocks, timelines, and the team's tasks."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Container
from textual.widget import Widget
from textual.widgets import Header, Static

from ..widgets.key_bar import KeyBar
from .base import DataScreen
from .morning_actions import MorningActions

if TYPE_CHECKING:  # the panes' modules load after the first frame (morning_panes.py)
    from prodcom_tui.domain.morning import PersonBoard
    from prodcom_tui.domain.roadblocks import Roadblock
    from prodcom_tui.domain.timeline import Lane

    from ..widgets.timeline import Timeline
    from ..widgets.windowed_table import WindowedTable

PANES = ("requests", "roadblocks", "timeline-pane", "team")
PANE_NAMES = {"requests": "Requests", "roadblocks": "Roadblocks", "timeline-pane": "Timelines", "team": "Team"}
# Below this size the four panes do not fit side by side: show one at a time, tab switches.
NARROW_WIDTH, NARROW_HEIGHT = 120, 32


def _commands() -> Any:
    """The palette's morning commands, imported when the palette opens (textual.command is not cheap)."""
    from .morning_commands import MorningCommands

    return MorningCommands


@dataclass(frozen=True)
class MorningData:
    roadblocks: list[Roadblock]
    board: list[PersonBoard]
    lanes: list[Lane]
    requests: tuple[int, int]


class MorningScreen(MorningActions, DataScreen):
    CSS_PATH = "morning.tcss"
    COMMANDS = DataScreen.COMMANDS | {_commands}
    BINDINGS = [
        Binding("tab", "pane(1)", "Next pane", id="morning.next_pane", tooltip="Move to the next pane"),
        Binding("shift+tab", "pane(-1)", "Previous pane", show=False, id="morning.previous_pane",
                tooltip="Move to the previous pane"),
    ]

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(id="pane-tabs")
        yield Container(id="morning-grid")
        yield KeyBar()

    def on_mount(self) -> None:
        self.active = "requests"
        self._sources_set = False
        self.hold_data()
        # The panes are mounted after the first frame: the shell shows at once, the panes a frame later.
        # At start that frame is the app's first on the terminal (Textual writes nothing before it is
        # ready), so the app calls after_first_frame; a morning mounted later needs only one refresh.
        self._panes_asked = False
        if getattr(self.app, "shell_on_screen", True):
            self.after_first_frame()

    def after_first_frame(self) -> None:
        if not self._panes_asked:
            self._panes_asked = True
            self.call_after_refresh(self._mount_panes)

    async def _mount_panes(self) -> None:
        from .morning_panes import build

        await self.query_one("#morning-grid").mount_all(build(self.app.today))
        self._layout(self.size.width, self.size.height)
        self.focus_pane("requests")
        self.release_data()

    def on_resize(self, event) -> None:  # noqa: ANN001
        if self.data_released:
            self._layout(event.size.width, event.size.height)

    def _layout(self, width: int, height: int) -> None:
        """On resize only: one pane at a time or side by side, and the strip's share of the height."""
        narrow = width < NARROW_WIDTH or height < NARROW_HEIGHT
        self.set_class(narrow, "-narrow")
        # Side by side, the strip gets two fifths of the height; alone, the stylesheet gives it the pane.
        strip = self.query_one("#timeline-pane VerticalScroll")
        strip.styles.max_height = None if narrow else max(6, (height - 2) * 2 // 5 - 3)
        self._mark_active()

    def _mark_active(self) -> None:
        """Only the pane classes that change are touched: a restyle costs more than the key itself."""
        if not self.has_class("-narrow"):
            return  # side by side, -active and the tab strip are not shown: nothing to restyle
        for name in PANES:
            pane = self.query_one(f"#{name}")
            if pane.has_class("-active") != (name == self.active):
                pane.set_class(name == self.active, "-active")
        self._show_tabs()

    def _show_tabs(self) -> None:
        tabs = Text()
        for name in PANES:
            label = f" {PANE_NAMES[name]} "
            tabs.append(label, style="reverse bold" if name == self.active else "dim")
            tabs.append(" ")
        tabs.append("  tab: next pane", style="dim italic")
        self.query_one("#pane-tabs", Static).update(tabs)

    # --- panes and focus --------------------------------------------------------------------

    def pane_target(self, name: str) -> Widget:
        if name == "timeline-pane":
            return self.query_one("#timeline")
        if name == "team":
            return self.query_one("#tasks").table
        return self.query_one(f"#{name}").table

    def focus_pane(self, name: str) -> None:
        if name != self.active:
            self.active = name
            self._mark_active()
        # Not Widget.focus(): it repaints the whole widget first and sets the focus a message later;
        # the table's tint and the timeline's cursor line repaint what focus changes, in this frame.
        # Not scrolled into view either: the panes never scroll (a grid, or one shown at a time), and
        # Textual scrolled a timeline taller than its box back to its first lane, away from its cursor.
        self.set_focus(self.pane_target(name), scroll_visible=False)

    def current_pane(self) -> str:
        node = self.focused
        while node is not None and node is not self:
            if node.id in PANES:
                return node.id
            node = node.parent
        return self.active

    def action_pane(self, step: int) -> None:
        index = PANES.index(self.current_pane())
        self.focus_pane(PANES[(index + step) % len(PANES)])

    def on_descendant_focus(self, event) -> None:  # noqa: ANN001
        name = self.current_pane()
        if name != self.active:
            self.active = name
            self._mark_active()

    # --- data -------------------------------------------------------------------------------

    def fetch(self, services: Any) -> MorningData:
        # Plain-SQL reads only: they answer before the store (SQLAlchemy) is open (services/opening.py).
        return MorningData(services.roadblocks.list(), services.team.board(), services.timeline.lanes(),
                           services.inbox.counts())

    def show(self, data: MorningData) -> None:
        requests, tasks = self.query_one("#requests"), self.query_one("#tasks")
        if not self._sources_set:
            requests.table.set_source(self.app.services.inbox.open_source())
            tasks.table.set_source(self.app.services.team.tasks_source())
            self._sources_set = True
        else:
            requests.table.reload()
            tasks.table.reload()
        total, urgent = data.requests
        requests.set_title(f"Requests — {total} open, {urgent} urgent")
        self._show_roadblocks(data.roadblocks)
        self.query_one("#timeline-pane").set_lanes(data.lanes)
        self.query_one("#team-board").set_board(data.board)
        tasks.set_title("Tasks — grouped by person: done, late, today, blocked, next")
        self.app.data_shown()  # the store (SQLAlchemy) opens after this is painted: see ProdcomApp._open

    def _show_roadblocks(self, items: list[Roadblock]) -> None:
        from .morning_panes import roadblock_source

        pane = self.query_one("#roadblocks")
        pane.table.set_source(roadblock_source(items))
        critical = sum(r.severity == 3 for r in items)
        pane.set_title(f"Roadblocks — {len(items)}, {critical} critical")

    # --- going to an item -------------------------------------------------------------------

    def focus_item(self, target: str, item_id: int) -> None:
        """Put the cursor on a task (what a roadblock's enter or another screen asks for)."""
        if target != "task":
            return
        self.focus_pane("team")
        self._find_task(item_id, self.query_one("#tasks").table.filter_text)

    @work(thread=True, exclusive=True, group="morning-find")
    def _find_task(self, task_id: int, text: str) -> None:
        index = self.app.services.team.task_position(task_id, text)
        self.app.call_from_thread(self._cursor_to, index, task_id)

    def _cursor_to(self, index: int | None, task_id: int) -> None:
        table = self.query_one("#tasks").table
        if index is None:
            self.notify(f"Task #{task_id} is not in the team list (finished long ago, or filtered out)")
            return
        table.cursor = index
        table.focus()

    def on_windowed_table_selected(self, event: WindowedTable.Selected) -> None:
        event.stop()
        if event.table is self.query_one("#roadblocks").table:
            r: Roadblock = event.row
            self.run_worker(self.app.goto(r.target_mode, r.target, r.target_id), exclusive=True, group="goto")
        elif event.table is self.query_one("#requests").table:
            self.open_request(event.row.id)
        else:
            self.action_edit_task()

    def on_windowed_table_highlighted(self, event: WindowedTable.Highlighted) -> None:
        if event.table is self.query_one("#tasks").table:
            self.query_one("#team-board").show_person(event.row.person_id)

    def on_timeline_opened(self, event: Timeline.Opened) -> None:
        from ..modals.project import ProjectScreen

        self.app.push_screen(ProjectScreen(event.project_id))

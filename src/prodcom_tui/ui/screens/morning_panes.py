"""The morning's panes, imported after the shell's first frame: their modules (the windowed table,
the strip, the domain rules they draw) are a good share of start-up, and nothing shows them sooner."""

from __future__ import annotations

from datetime import date

from textual.containers import Horizontal, VerticalScroll
from textual.widget import Widget
from textual.widgets import Static

from ..widgets.pane_frame import FramedVertical
from ..widgets.requests_pane import RequestsPane
from ..widgets.roadblocks_pane import RoadblocksPane
from ..widgets.roadblocks_pane import source as roadblock_source
from ..widgets.tasks_pane import TasksPane
from ..widgets.team_board import TeamBoard
from ..widgets.timeline_pane import TimelinePane

__all__ = ["build", "roadblock_source"]


def build(today: date) -> list[Widget]:
    """Requests, roadblocks, the timelines strip and the team (board beside its task list), in grid order."""
    board = VerticalScroll(TeamBoard(id="team-board"), id="team-board-scroll", can_focus=False)
    team = FramedVertical(Static("Team", classes="pane-title"), Horizontal(board, TasksPane(today, id="tasks")), id="team")
    return [RequestsPane(today, id="requests"), RoadblocksPane(today, id="roadblocks"),
            TimelinePane(today, id="timeline-pane"), team]

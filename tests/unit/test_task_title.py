"""A task's title in the team pane: the priority mark carries the colour, the title its own."""

from __future__ import annotations

from datetime import date

from rich.console import Console
from rich.style import Style

from prodcom_tui.domain.morning import TeamTaskRow
from prodcom_tui.ui.widgets.tasks_pane import columns


def styles_of(priority: int, status: str = "todo") -> dict[str, Style]:
    row = TeamTaskRow(1, "Camille Laurent", 1, "camille", "today", "Key visual", "VERA-PRINTEMPS",
                      date(2026, 11, 26), status, priority, 8)
    task = next(c for c in columns(date(2026, 11, 26)) if c.label == "Task")
    text = task.render(row)
    console = Console(color_system="truecolor")
    return {seg.text.strip(): seg.style or Style() for seg in text.render(console) if seg.text.strip()}


def test_a_high_priority_title_is_not_painted_with_its_mark() -> None:
    parts = styles_of(1)
    assert parts["↑"].color is not None and parts["↑"].color.name == "red" and parts["↑"].bold
    title = parts["Key visual"]
    assert title.color is None and not title.bold  # it was bold red from end to end


def test_a_done_title_is_struck_and_dim_whatever_its_priority() -> None:
    for priority in (1, 2, 3):
        title = styles_of(priority, "done")["Key visual"]
        assert title.strike and title.dim and title.color is None

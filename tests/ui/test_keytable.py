"""The small tables (KeyTable, a DataTable): what they show once their rows are in."""

from __future__ import annotations

from rich.text import Text
from textual.app import App, ComposeResult

from prodcom_tui.ui.widgets.keytable import KeyTable

ROWS = [(Text("• Thu 26 Nov"), Text("VERA-PRINTEMPS"), Text("Client review — Key visual"))]


class OneTable(App):
    def compose(self) -> ComposeResult:
        yield KeyTable(id="table")

    def on_mount(self) -> None:
        self.query_one(KeyTable).add_columns("Due", "Project", "Task")


async def test_a_line_drawn_before_the_columns_are_measured_is_not_shown_after() -> None:
    """A busy machine may draw a frame between the rows landing and DataTable measuring their columns
    (when its queue next runs dry). That frame's lines, at the labels' widths, were shown on afterwards:
    the evening's "Next" table read "• T  VERA-P  Cli" in one snapshot run in three under load."""
    app = OneTable()
    async with app.run_test(size=(80, 10)) as pilot:
        table = app.query_one(KeyTable)
        table.fill(ROWS)
        assert "VERA-PRINTEMPS" not in table.render_line(1).text  # drawn now: the columns are the labels' width
        await pilot.pause()  # the table's queue runs dry: it measures the columns
        assert [c.get_render_width(table) for c in table.ordered_columns] == [14, 16, 28]
        shown = [strip.text for strip in table.render_lines(table.size.region)]  # what reaches the screen
        assert "• Thu 26 Nov  VERA-PRINTEMPS  Client review — Key visual" in shown[1], shown

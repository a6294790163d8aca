"""The windowed table hands its lines to the compositor itself (ui/widgets/direct_lines.py): what it hands
over must be what Textual's style cache would have made of the same lines, segment for segment."""

from __future__ import annotations

import pytest
from rich.text import Text
from textual.app import ComposeResult
from textual.geometry import Region
from textual.widget import Widget

from prodcom_tui.domain.paging import ListSource
from prodcom_tui.ui.widgets.direct_lines import DirectLines
from prodcom_tui.ui.widgets.table_pane import TablePane
from prodcom_tui.ui.widgets.windowed_table import Column, WindowedTable

from test_windowed_table import COLUMNS, SIZE, Host, items
from pilot_wait import settle

# A cell in a terminal colour and a dim one: the app's line filter turns both to true colour.
ANSI = Column("State", lambda r: Text("red" if r.id % 3 == 0 else "blue", style="red" if r.id % 3 == 0 else "dim cyan"), 6)


class AnsiHost(Host):
    def compose(self) -> ComposeResult:
        yield TablePane("Items", [*COLUMNS, ANSI], empty="No item.", id="items")


def textuals_lines(table: WindowedTable, crop: Region) -> list:
    table._styles_cache.clear()  # its cache keeps lines by place and is not told of every change
    return [list(strip) for strip in Widget.render_lines(table, crop)]


def assert_same_as_textual(table: WindowedTable) -> None:
    width, height = table.size
    assert table._adds_nothing()
    for crop in (Region(0, 0, width, height), Region(0, 3, width, 5), Region(4, 1, width - 10, height - 2)):
        ours = table.render_lines(crop)  # through the table's own class, as the compositor asks
        assert [line.cell_length for line in ours] == [crop.width] * crop.height
        assert [list(line) for line in ours] == textuals_lines(table, crop), crop


async def test_every_state_of_a_table_draws_as_textual_draws_it() -> None:
    """Focused and not, the cursor, marked rows, a page down, a filtered list shorter than the view, cells in
    terminal colours (which the app's line filter changes), a light theme."""
    app = AnsiHost(ListSource(items(300), key=lambda r: r.name))
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        table = app.query_one(WindowedTable)
        assert_same_as_textual(table)  # focused, the cursor on the first row
        await pilot.press("x", "j", "x", "pagedown")
        await settle(app, pilot)
        assert_same_as_textual(table)
        await pilot.press("slash", *"00042")  # the filter box takes the focus: the cursor row without it
        await settle(app, pilot)
        assert table.row_count == 1
        assert_same_as_textual(table)
        app.theme = "textual-light"
        await settle(app, pilot)
        assert_same_as_textual(table)
        assert type(table).render_lines is DirectLines.render_lines


@pytest.mark.parametrize("rule", ["padding: 0 1", "border: solid red", "outline: solid red", "tint: red 10%",
                                  "opacity: 0.5", "text-opacity: 0.5", "hatch: cross red"])
async def test_a_box_that_adds_anything_goes_textuals_way(rule: str) -> None:
    app = AnsiHost(ListSource(items(30), key=lambda r: r.name))
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        table = app.query_one(WindowedTable)
        assert table._adds_nothing()
        name, value = (part.strip() for part in rule.split(":"))
        table.set_styles(f"{name}: {value};")
        await settle(app, pilot)
        assert not table._adds_nothing(), rule


async def test_a_table_under_a_faded_pane_is_drawn() -> None:
    """Textual's opacity pass reads every segment's style: the table's padding and plain cells had none, and
    a table in a container with `opacity` below 1 stopped the app with AttributeError at its first frame."""
    app = AnsiHost(ListSource(items(30), key=lambda r: r.name))
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        app.query_one(TablePane).set_styles("opacity: 0.6;")
        await settle(app, pilot)
        table = app.query_one(WindowedTable)
        assert table.opacity < 1 and not table._adds_nothing()
        lines = [strip.text for strip in table.render_lines(Region(0, 0, *table.size))]
        assert any("item 00001" in line for line in lines), lines
        assert all(segment.style is not None for strip in table.render_lines(Region(0, 0, *table.size)) for segment in strip)

"""The windowed table as a person drives it: j/k, pages, home/end, / filter, enter, x marks, reloads."""

from __future__ import annotations

import sqlite3
import threading
from dataclasses import dataclass

from textual.app import App, ComposeResult

from prodcom_tui.domain.paging import ListSource
from prodcom_tui.ui.format import plain
from prodcom_tui.ui.widgets.row_count import COUNT_STEP
from prodcom_tui.ui.widgets.table_pane import TablePane
from prodcom_tui.ui.widgets.windowed_table import BLOCK, Column, WindowedTable
from pilot_wait import settle

SIZE = (80, 24)


@dataclass(frozen=True)
class Item:
    id: int
    name: str


COLUMNS = [Column("#", lambda r: plain(str(r.id)), 6, "right"), Column("Name", lambda r: plain(r.name))]


def items(n: int) -> list[Item]:
    return [Item(i, f"item {i:05d} {'red' if i % 3 == 0 else 'blue'}") for i in range(1, n + 1)]


class Host(App):
    def __init__(self, source) -> None:  # noqa: ANN001
        super().__init__()
        self.source, self.selected, self.highlighted = source, [], []

    def compose(self) -> ComposeResult:
        yield TablePane("Items", COLUMNS, empty="No item.", id="items")

    def on_mount(self) -> None:
        pane = self.query_one(TablePane)
        pane.table.set_source(self.source)
        pane.table.focus()

    def on_windowed_table_selected(self, event: WindowedTable.Selected) -> None:
        self.selected.append(event.row.id)

    def on_windowed_table_highlighted(self, event: WindowedTable.Highlighted) -> None:
        self.highlighted.append(event.row.id)


def lines(table: WindowedTable) -> list[str]:
    """What the table shows, line by line (header first)."""
    return [table.render_line(y).text.rstrip() for y in range(table.size.height)]


async def test_moves_pages_and_jumps_fetching_only_windows() -> None:
    source = ListSource(items(10_000), key=lambda r: r.name)
    app = Host(source)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        table = app.query_one(WindowedTable)
        assert table.row_count == COUNT_STEP  # counted as far as a person looks: "at least"
        assert lines(table)[1].split()[:2] == ["item", "00001"] or "00001" in lines(table)[1]
        await pilot.press("j", "j", "down", "k")
        assert table.current_row.id == 3
        await pilot.press("pagedown")
        await settle(app, pilot)
        page = table.size.height - 2
        assert table.current_row.id == 3 + page
        assert any(f"{3 + page:05d}" in line for line in lines(table))
        await pilot.press("end")  # the last row is counted now, and the cursor lands on it
        await settle(app, pilot)
        assert table.row_count == 10_000
        assert table.current_row.id == 10_000
        assert "10000" in lines(table)[-1]
        assert len(table._blocks) <= 8, "only a few windows are ever held"
        await pilot.press("home")
        await settle(app, pilot)
        assert table.current_row.id == 1 and table.scroll_y == 0
        assert app.highlighted[-1] == 1


class CountingSource(ListSource):
    """Remembers how far each count was asked to go (None: to the end)."""

    def __init__(self, rows) -> None:  # noqa: ANN001
        super().__init__(rows, key=lambda r: r.name)
        self.caps: list[int | None] = []

    def count(self, text: str, cap: int | None = None) -> int:
        self.caps.append(cap)
        return super().count(text, cap)


async def test_a_long_list_is_counted_only_as_far_as_the_cursor_goes() -> None:
    source = CountingSource(items(9_000))
    app = Host(source)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        table = app.query_one(WindowedTable)
        assert source.caps == [COUNT_STEP] and table.row_count == COUNT_STEP
        await pilot.press("slash", *"red")  # typing a filter: each keystroke counts a bounded stretch only
        await settle(app, pilot)
        assert table.filter_text == "red" and table.row_count == COUNT_STEP  # 3,000 match
        assert None not in source.caps
        await pilot.press("escape")
        await settle(app, pilot)
        table.focus()
        counted = table.row_count
        table.cursor = counted - 1  # near the end of what is counted: the count goes on, and so can the cursor
        await settle(app, pilot)
        assert table.row_count > counted
        await pilot.press("j")
        assert table.cursor == counted
        assert None not in source.caps  # never a full count unless `end` asks for the last row


async def test_filter_as_you_type_then_enter_opens_the_row() -> None:
    app = Host(ListSource(items(1_000), key=lambda r: r.name))
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        table = app.query_one(WindowedTable)
        await pilot.press("slash", *"0030")
        await settle(app, pilot)
        assert table.row_count == 11 and table.filter_text == "0030"  # 00030, then 00300..00309
        assert all("0030" in line for line in lines(table)[1:12])
        await pilot.press("enter")  # leaves the box, keeps the filter
        assert table.has_focus
        await pilot.press("j", "enter")
        assert app.selected == [300]
        await pilot.press("slash", "escape")  # esc clears the filter
        await settle(app, pilot)
        assert table.row_count == 1_000 and table.filter_text == ""


async def test_empty_result_says_so() -> None:
    app = Host(ListSource(items(50), key=lambda r: r.name))
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("slash", *"zzz")
        await settle(app, pilot)
        table = app.query_one(WindowedTable)
        assert table.row_count == 0 and table.current_row is None
        assert lines(table)[1] == "No item."


async def test_x_marks_rows_and_actions_apply_to_marked_rows() -> None:
    app = Host(ListSource(items(100), key=lambda r: r.name))
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        table = app.query_one(WindowedTable)
        assert table.marked_or_current == [1]
        await pilot.press("x", "j", "x")
        assert table.marked_or_current == [1, 3]
        assert lines(table)[1].startswith("●") and lines(table)[3].startswith("●")
        assert not lines(table)[2].startswith("●")
        await pilot.press("k", "x")  # x again unmarks
        assert table.marked_or_current == [1]
        table.clear_marks()
        assert table.marked_or_current == [table.current_row.id]


async def test_cursor_stays_on_the_same_row_across_a_reload() -> None:
    rows = items(500)
    app = Host(ListSource(rows, key=lambda r: r.name))
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        table = app.query_one(WindowedTable)
        await pilot.press(*"j" * 40)
        assert table.current_row.id == 41
        rows[:0] = [Item(9001, "new one"), Item(9002, "another new one")]  # two rows arrive above
        table.reload()
        await settle(app, pilot)
        assert table.current_row.id == 41 and table.cursor == 42
        del rows[:10]  # rows above go away
        table.reload()
        await settle(app, pilot)
        assert table.current_row.id == 41 and table.cursor == 32


class GatedSource(ListSource):
    """Queries for `slow` wait until the test lets them finish: an old query answering late."""

    def __init__(self, rows: list[Item], slow: str) -> None:
        super().__init__(rows, key=lambda r: r.name)
        self.slow, self.gate, self.started = slow, threading.Event(), threading.Event()

    def window(self, text: str, offset: int, limit: int) -> list[Item]:
        if text == self.slow:
            self.started.set()
            self.gate.wait(5)
        return super().window(text, offset, limit)


async def test_rows_from_a_stale_query_are_never_shown() -> None:
    source = GatedSource(items(600), slow="red")
    app = Host(source)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        table = app.query_one(WindowedTable)
        table.set_filter("red")
        await pilot.pause()
        assert source.started.wait(5)
        assert table.current_row is None, "rows of the previous query are not acted on"
        assert all(line == "" for line in lines(table)[1:]), "nor shown"
        table.set_filter("blue")
        for _ in range(50):  # the newer query answers first...
            await pilot.pause()
            if table.row_count == 400:
                break
        source.gate.set()  # ...then the older one, which must be dropped
        await settle(app, pilot)
        assert table.filter_text == "blue" and table.row_count == 400
        assert all("blue" in line for line in lines(table)[1:])


async def test_blocks_load_as_the_cursor_goes_deep() -> None:
    app = Host(ListSource(items(5 * BLOCK + 7), key=lambda r: r.name))
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        table = app.query_one(WindowedTable)
        table.cursor = 3 * BLOCK + 5
        await settle(app, pilot)
        assert table.current_row.id == 3 * BLOCK + 6
        assert any(f"{3 * BLOCK + 6:05d}" in line for line in lines(table))


async def test_filters_in_sql_on_real_expenses(make_app, demo_path) -> None:
    """Over a SqlSource: the filtered count is what the database holds for that vendor."""
    from prodcom_tui.services.facade import open_services
    from prodcom_tui.domain.clock import Clock
    from tests.conftest import TODAY

    services = open_services(demo_path, Clock(TODAY))
    db = sqlite3.connect(demo_path)
    vendor = db.execute("select v.name from expense e join vendor v on v.id = e.vendor_id group by v.name "
                        "order by count(*) desc limit 1").fetchone()[0]
    expected = db.execute("select count(*) from expense e join vendor v on v.id = e.vendor_id "
                          "where v.name = ?", (vendor,)).fetchone()[0]
    total = db.execute("select count(*) from expense").fetchone()[0]
    columns = [Column("Vendor", lambda r: plain(r.vendor), 20), Column("What", lambda r: plain(r.description))]

    class ExpenseHost(Host):
        def compose(self) -> ComposeResult:
            yield TablePane("Expenses", columns, id="expenses")

    app = ExpenseHost(services.expenses.source())
    try:
        async with app.run_test(size=SIZE) as pilot:
            await settle(app, pilot)
            table = app.query_one(WindowedTable)
            assert table.row_count == min(total, COUNT_STEP)
            await pilot.press("end")
            await settle(app, pilot)
            assert table.row_count == total and table.cursor == total - 1
            await pilot.press("slash", *vendor)
            await settle(app, pilot)
            assert table.row_count >= expected
            assert all(vendor in line for line in lines(table)[1 : 1 + min(expected, 10)])
    finally:
        services.close()
        db.close()


async def test_the_next_pages_are_drawn_ahead_once_a_page_is_shown() -> None:
    """After a page, the page below and the one above wait drawn in the line cache: the next pagedown only
    looks them up."""
    from prodcom_tui.ui.widgets.table_drawing import PLAIN

    app = Host(ListSource(items(2_000), key=lambda r: r.name))
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        table = app.query_one(WindowedTable)
        await pilot.press("pagedown", "pagedown", "pagedown")  # far enough down for a page above the view
        await settle(app, pilot)
        await pilot.pause(0.05)  # the pages are drawn a few milliseconds after the frame
        visible, top = table.size.height - 1, int(table.scroll_y)
        assert top >= visible
        ahead = [top + visible + i for i in range(visible)] + [top - 1 - i for i in range(visible)]
        width = table.size.width
        rows = [table.row_at(index) for index in ahead]
        assert None not in rows
        assert all(table._lines.get((row, PLAIN, False), width) is not None for row in rows)

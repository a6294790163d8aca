"""The first tab into a morning table draws its cursor line, not every row in view again.

At start a table's rows land before the style update that first finds its colours. That update took the
colours for a change and emptied the table's line cache, so the first focus of each table drew every
row in view within the tab's frame (~5 ms on `large`, the slowest tabs of the bench).
"""

from __future__ import annotations

from prodcom_tui.ui.widgets.windowed_table import WindowedTable

from pilot_wait import settle


async def test_the_first_tab_into_each_table_draws_only_the_cursor_lines(make_app, demo_path) -> None:
    app = make_app(demo_path, prebuild=True)  # as `prodcom` runs: the other modes built off screen at idle
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(app, pilot)
        # Building the afternoon restyles the app once its modules are imported (a thread, then a message):
        # that style update is the one that emptied the caches, so the tabs must come after it.
        for _ in range(300):
            afternoon = app._screen_stacks.get("afternoon")  # no public view of another mode's screens
            if afternoon and afternoon[0].has_data:
                break
            await pilot.pause(0.01)
        else:
            raise AssertionError("the afternoon was never built off screen")
        await settle(app, pilot)
        tables = list(app.screen.query(WindowedTable))
        assert len(tables) >= 3
        drawn: list[tuple[WindowedTable, int, object]] = []
        for table in tables:
            draw = table._render_row

            def counted(row, state, marked, width, draw=draw, table=table):  # noqa: ANN001, ANN202
                drawn.append((table, state, row))
                return draw(row, state, marked, width)

            table._render_row = counted
        entered = set()
        for _ in range(4):  # once round the four panes: each table gains and loses focus
            drawn.clear()
            await pilot.press("tab")
            await pilot.pause()
            entered.add(app.focused)
            # Only the cursor lines of the table left and the table entered change; the rows drawn ahead
            # for paging (PLAIN, out of view) are fine.
            assert len([state for _t, state, _r in drawn if state != 0]) <= 2, drawn
            assert not [row for table, state, row in drawn if state == 0 and row in in_view(table)], drawn
        assert len(entered & set(tables)) >= 2


def in_view(table: WindowedTable) -> list:
    top = int(table.scroll_y)
    return [table.row_at(index) for index in range(top, min(top + table.size.height - 1, table.row_count))]

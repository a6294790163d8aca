"""The windowed table's first count runs beside its first window, and whichever lands first, the other completes it."""

from __future__ import annotations

import threading

from prodcom_tui.domain.paging import ListSource
from prodcom_tui.ui.widgets.row_count import COUNT_STEP
from prodcom_tui.ui.widgets.windowed_table import WindowedTable

from test_windowed_table import SIZE, Host, items, lines, settle

WAIT_S = 5.0  # far longer than either query takes; reached only when the count waits for the window


class WindowAfterCount(ListSource):
    """Each window waits until the table has taken in the count of the same query, and notes whether it could."""

    def __init__(self, rows: list) -> None:
        super().__init__(rows, key=lambda r: r.name)
        self.count_in = threading.Event()
        self.windows_after_count: list[bool] = []

    def window(self, text: str, offset: int, limit: int) -> list:
        self.windows_after_count.append(self.count_in.wait(WAIT_S))
        self.count_in.clear()
        return super().window(text, offset, limit)


async def test_the_count_lands_before_the_window_and_the_window_keeps_it(monkeypatch) -> None:  # noqa: ANN001
    """On `huge`, a filter keystroke's window and count are ~12 ms of SQL each: run one after the other, the rows
    and the count reached the screen ~12 ms later than side by side. Here each window only runs once the count
    has landed (a table that counts after its window would wait WAIT_S and fail), and the full window that
    lands next must not replace the count's 1,000 with its own 200."""
    source = WindowAfterCount(items(10_000))
    landed = WindowedTable.count_loaded

    def count_loaded(table: WindowedTable, *args, **kwargs) -> None:  # noqa: ANN002, ANN003
        landed(table, *args, **kwargs)
        source.count_in.set()

    monkeypatch.setattr(WindowedTable, "count_loaded", count_loaded)
    app = Host(source)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        table = app.query_one(WindowedTable)
        assert source.windows_after_count == [True]
        assert table.row_count == COUNT_STEP and "00001" in lines(table)[1]
        await pilot.press("slash", *"red")  # a third of the items: each keystroke counts past its window
        await settle(app, pilot)
        assert source.windows_after_count == [True] * 4
        assert table.filter_text == "red" and table.row_count == COUNT_STEP
        assert "00003" in lines(table)[1] and "red" in lines(table)[2]

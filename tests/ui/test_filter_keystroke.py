"""What a filter keystroke costs the windowed table: its count runs beside its window, and rows drawn before are not drawn again."""

from __future__ import annotations

import threading

from prodcom_tui.domain.paging import ListSource
from prodcom_tui.ui.widgets.row_count import COUNT_STEP
from prodcom_tui.ui.widgets.windowed_table import WindowedTable

from test_windowed_table import SIZE, Host, items, lines
from pilot_wait import settle

WAIT_S = 5.0  # far longer than either query takes; reached only when the count waits for the window


def signal_after(monkeypatch, method: str, event: threading.Event) -> None:  # noqa: ANN001
    """Set `event` each time WindowedTable.<method> has run (on the UI loop)."""
    original = getattr(WindowedTable, method)

    def signalled(table: WindowedTable, *args, **kwargs) -> None:  # noqa: ANN002, ANN003
        original(table, *args, **kwargs)
        event.set()

    monkeypatch.setattr(WindowedTable, method, signalled)


def landings_of(monkeypatch) -> list[str]:  # noqa: ANN001
    """The filter text of each query whose data lands from now on (each landing draws a frame)."""
    landings: list[str] = []
    landed = WindowedTable.data_landed

    def noted(table: WindowedTable) -> None:
        landings.append(table.filter_text)
        landed(table)

    monkeypatch.setattr(WindowedTable, "data_landed", noted)
    return landings


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
    signal_after(monkeypatch, "count_loaded", source.count_in)
    landings = landings_of(monkeypatch)
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
        # Landed once each, when the window came (the count alone, over stale rows, lands nothing).
        assert landings == ["", "r", "re", "red"]


async def test_rows_drawn_before_a_filter_are_found_again_when_it_is_erased(monkeypatch) -> None:  # noqa: ANN001
    """Lines are cached under the row's value, not its place: erasing a filter brings back the first screen
    without drawing any of its rows again (the cursor's too: it was drawn without the focus's colour as
    soon as `/` gave the focus to the filter box)."""
    app = Host(ListSource(items(2_000), key=lambda r: r.name))
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        table = app.query_one(WindowedTable)
        first_screen = lines(table)
        await pilot.press("slash")
        await pilot.pause()  # the frame that draws the cursor's row without focus (a key alone draws none)
        await pilot.press(*"red")
        await settle(app, pilot)
        assert "red" in lines(table)[1] and lines(table) != first_screen
        drawn: list[int] = []
        draw = WindowedTable._render_row

        def counted(self: WindowedTable, row, *args):  # noqa: ANN001, ANN002, ANN202
            drawn.append(row.id)
            return draw(self, row, *args)

        monkeypatch.setattr(WindowedTable, "_render_row", counted)
        await pilot.press("backspace", "backspace", "backspace")
        await settle(app, pilot)
        shown = lines(table)  # the open filter box takes a few lines from the bottom of the table
        assert table.filter_text == "" and shown[2:] == first_screen[2:len(shown)]
        assert drawn == []


class CountWaits(ListSource):
    """Each count waits for `go`; with `once`, a count uses it up and the next one waits again."""

    def __init__(self, rows: list, *, once: bool) -> None:
        super().__init__(rows, key=lambda r: r.name)
        self.go, self.once = threading.Event(), once

    def count(self, text: str, cap: int | None = None) -> int:
        self.go.wait(WAIT_S)
        if self.once:
            self.go.clear()
        return super().count(text, cap)


async def test_the_data_lands_once_whichever_comes_last(monkeypatch) -> None:  # noqa: ANN001
    """A short window is the whole list and its count: the count arriving after it changes nothing and must
    not land the data a second time (each landing draws a frame: ui/screens/prompt_frames.py)."""
    source = CountWaits(items(10_000), once=True)  # each count waits for its window to land
    signal_after(monkeypatch, "_first_loaded", source.go)
    landings = landings_of(monkeypatch)
    app = Host(source)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        table = app.query_one(WindowedTable)
        for text in ("00042", "red"):  # one row (a short window), then a third of them (a full one)
            landings.clear()
            table.set_filter(text)
            await settle(app, pilot)
            assert landings == [text], text
        assert table.row_count == COUNT_STEP and "00003" in lines(table)[1]


async def test_end_pressed_before_the_first_count_lands_goes_to_the_last_row() -> None:
    """Between a full first window and its count the table holds 200 rows it knows of: `end` then waits for
    the count (and counts on to the end) instead of stopping on row 200."""
    source = CountWaits(items(10_000), once=False)
    source.go.set()
    app = Host(source)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        table = app.query_one(WindowedTable)
        source.go.clear()
        table.set_filter("red")  # 3,333 rows
        while "red" not in lines(table)[2]:  # the window is in; its count is held
            await pilot.pause()
        await pilot.press("end")
        source.go.set()
        await settle(app, pilot)
        await settle(app, pilot)
        assert table.row_count == 3_333 and table.cursor == 3_332
        assert table.current_row.id == 9_999

"""The windowed table's scrollbar: it follows the count without laying the screen out, and draws as Textual's does."""

from __future__ import annotations

from prodcom_tui.domain.paging import ListSource
from prodcom_tui.ui.widgets.row_count import COUNT_STEP
from prodcom_tui.ui.widgets.windowed_table import WindowedTable

from test_windowed_table import SIZE, Host, items, lines
from pilot_wait import settle


async def test_the_scrollbar_follows_the_count_and_typing_lays_out_nothing() -> None:
    """A new count moves the scrollbar (or hides it) without a layout of the screen, and so does typing."""
    app = Host(ListSource(items(10_000), key=lambda r: r.name))
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        table = app.query_one(WindowedTable)
        assert table.show_vertical_scrollbar and table.vertical_scrollbar.window_virtual_size == COUNT_STEP + 1
        await pilot.press("slash", "0")
        await settle(app, pilot)
        layouts = []
        screen_layout = app.screen._refresh_layout
        app.screen._refresh_layout = lambda *a, **k: (layouts.append(a), screen_layout(*a, **k))[1]
        await pilot.press(*"999")  # 00999 and 09990..09999: one screen
        await settle(app, pilot)
        assert table.row_count == 11 and "09999" in lines(table)[11] and lines(table)[12] == ""
        assert len(layouts) <= 1, "only the scrollbar going away lays out the screen"
        assert not table.show_vertical_scrollbar
        layouts.clear()
        await pilot.press("escape")
        await settle(app, pilot)
        assert table.row_count == COUNT_STEP and table.show_vertical_scrollbar
        assert table.vertical_scrollbar.window_virtual_size == COUNT_STEP + 1
        assert all(line for line in lines(table)[1:])


async def test_the_quick_scrollbar_draws_what_textual_draws() -> None:
    """Same glyphs, colours and click targets as Textual's scrollbar, wherever the thumb is, hovered or not."""
    from textual.geometry import Region
    from textual.scrollbar import ScrollBar

    from prodcom_tui.ui.widgets.quick_scrollbar import QuickScrollBar

    def drawn(strips) -> list:  # noqa: ANN001
        return [[(seg.text, seg.style) for seg in strip] for strip in strips]

    app = Host(ListSource(items(5_000), key=lambda r: r.name))
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        bar = app.query_one(WindowedTable).vertical_scrollbar
        assert isinstance(bar, QuickScrollBar) and bar.display
        width, height = bar.size
        for theme in ("textual-dark", "textual-light"):
            app.theme = theme
            await pilot.pause()
            for position, hover in [(0, False), (17.5, False), (400.125, True), (979, False), (990, True)]:
                bar.position, bar.mouse_over = position, hover
                for crop in (bar.size.region, Region(0, 3, width, 5), Region(1, 0, 1, height)):
                    ScrollBar.refresh(bar)  # Textual's line cache: drawn again from scratch
                    assert drawn(bar.render_lines(crop)) == drawn(ScrollBar.render_lines(bar, crop)), (theme, position)

"""The afternoon's side panel (from 150 columns): what the row under the cursor means, wherever it came from."""

from __future__ import annotations

from afternoon_helpers import SIZE, open_pane, shown
from pilot_wait import settle

WIDE = (200, 50)


def panel_text(app) -> str:  # noqa: ANN001
    return " ".join(shown(app.screen.query_one("#detail-body")).split())


async def test_the_panel_follows_the_cursor_through_rows_and_panes(make_app, demo_path) -> None:
    app = make_app(demo_path)
    async with app.run_test(size=WIDE) as pilot:
        await open_pane(app, pilot, "deliveries")
        first = app.screen.table("deliveries").current_row
        assert f"Delivery {' '.join(first.description.split())}" in panel_text(app)
        await pilot.press("j")
        await settle(app, pilot)
        second = app.screen.table("deliveries").current_row
        assert second.id != first.id and f"Order {second.po_number}" in panel_text(app)
        await pilot.press("tab")  # the quotes: the need's devis compared
        await settle(app, pilot)
        quote = app.screen.table("quotes").current_row
        assert quote.project_code in panel_text(app) and "A accepts the devis" in panel_text(app)


async def test_a_panel_that_appears_shows_the_row_already_under_the_cursor(make_app, demo_path) -> None:
    """Below 150 columns there is no panel; widening the terminal (or an afternoon built off screen at the
    earlier size) showed it empty until the cursor moved."""
    app = make_app(demo_path)
    async with app.run_test(size=SIZE) as pilot:
        await open_pane(app, pilot, "deliveries")
        await pilot.press("j")
        await settle(app, pilot)
        row = app.screen.table("deliveries").current_row
        await pilot.resize_terminal(*WIDE)
        await settle(app, pilot)
        assert f"Delivery {' '.join(row.description.split())}" in panel_text(app)
        # Narrow again: the budget, and a line chosen there, without a panel. (The budget table is rebuilt
        # for its new width, which announced its line even before on_resize filled the panel.)
        await pilot.resize_terminal(*SIZE)
        await settle(app, pilot)
        await pilot.press("tab", "tab", "tab")
        await settle(app, pilot)
        assert app.screen.pane == "budget"
        lines = app.screen.query_one("#budget-lines")
        while lines.current_line_id() is None:  # from the project's heading down to its first line
            await pilot.press("j")
        await settle(app, pilot)
        await pilot.resize_terminal(*WIDE)
        await settle(app, pilot)
        assert "Estimate" in panel_text(app) and "Forecast" in panel_text(app)

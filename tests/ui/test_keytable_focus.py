"""A KeyTable keeps the cells it drew when focus moves or its pane is shown again (ui/widgets/focus_cells.py),
and draws exactly what Textual's DataTable draws from empty caches."""

from __future__ import annotations

from textual.geometry import Region

from afternoon_helpers import SIZE, open_pane
from pilot_wait import settle


def drawn(table) -> list[list[tuple]]:  # noqa: ANN001
    return [[(seg.text, seg.style) for seg in strip] for strip in table.render_lines(Region(0, 0, *table.size))]


def fresh(table) -> list[list[tuple]]:  # noqa: ANN001
    """The same lines drawn from nothing, as DataTable draws them after a theme change."""
    table._clear_caches()
    return drawn(table)


async def test_tabbing_through_the_budget_redraws_only_the_cursor_and_draws_what_datatable_draws(make_app, demo_path) -> None:
    app = make_app(demo_path)
    async with app.run_test(size=SIZE) as pilot:
        await open_pane(app, pilot, "budget")
        table = app.screen.query_one("#budget-lines")
        await pilot.press("j", "j")
        await settle(app, pilot)
        assert table.has_focus and drawn(table) == fresh(table)
        looked_up: list[int] = []
        own = table._get_row_renderables
        table._get_row_renderables = lambda index: looked_up.append(index) or own(index)
        for _ in range(6):  # round the panes and back into the budget
            await pilot.press("tab")
            await settle(app, pilot)
        assert app.screen.pane == "budget" and table.has_focus
        before = drawn(table)
        # Cells are drawn again only for the cursor's row (the look-up is on a cell cache miss).
        assert set(looked_up) <= {table.cursor_row}, looked_up
        assert before == fresh(table)  # the focused cursor's colours included
        table.blur()
        await settle(app, pilot)
        assert drawn(table) == fresh(table)  # and the cursor's colours without focus

"""Switching modes: a screen shown again is restyled only when the theme changed while it was away."""

from __future__ import annotations

from textual.color import Color

from morning_helpers import WIDE, settle


async def test_back_to_the_morning_restyles_only_after_a_theme_change(make_app, demo_path) -> None:
    app = make_app(demo_path)
    async with app.run_test(size=WIDE) as pilot:
        await settle(app, pilot)
        morning = app.screen
        restyled = []
        original = app.stylesheet.update_nodes
        app.stylesheet.update_nodes = lambda nodes, **kw: (restyled.append(len(list(nodes))), original(nodes, **kw))

        def morning_restyled() -> bool:
            return any(n > 20 for n in restyled)  # the whole screen, not one widget

        await pilot.press("2")
        await settle(app, pilot)
        restyled.clear()
        await pilot.press("1")
        await settle(app, pilot)
        assert app.screen is morning and not morning_restyled()

        await pilot.press("2")
        await settle(app, pilot)
        app.theme = "textual-light"
        await settle(app, pilot)
        restyled.clear()
        await pilot.press("1")
        await settle(app, pilot)
        assert morning_restyled()
        surface = Color.parse(app.theme_variables["surface"])
        assert morning.query_one("#requests").table.styles.background == surface

"""Switching modes: the modes are built off screen at idle, a screen shown again is drawn whole at once,
restyled only when the theme changed while it was away, and reloaded only when the data changed."""

from __future__ import annotations

from textual.color import Color

from afternoon_helpers import SIZE
from morning_helpers import WIDE
from pilot_wait import settle


async def test_back_to_the_morning_restyles_only_after_a_theme_change(make_app, demo_path) -> None:
    from prodcom_tui.ui.app_modes import WarmedUp

    app = make_app(demo_path, prebuild=True)
    async with app.run_test(size=WIDE) as pilot:
        await settle(app, pilot)
        app.post_message(WarmedUp())  # the modes built now, as at idle: a build restyles the app (once)
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


def stacks(app) -> dict:  # noqa: ANN001
    return app._screen_stacks  # Textual keeps each mode's screens here; no public view of another mode's


async def until_built(app, pilot, mode: str) -> None:  # noqa: ANN001
    for _ in range(200):
        if mode in stacks(app):
            return
        await pilot.pause(0.01)
    raise AssertionError(f"{mode} was never built")


async def test_modes_built_off_screen_show_with_their_data_at_the_first_switch(make_app, demo_path, monkeypatch) -> None:
    from textual.app import App

    from prodcom_tui.ui.app_modes import WarmedUp

    masked = []
    monkeypatch.setattr(App, "delay_update", lambda self, delay=0.05: masked.append(delay))
    app = make_app(demo_path, prebuild=True)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        app.post_message(WarmedUp())  # what the warm-up thread posts once the modes' modules are imported
        await settle(app, pilot)
        afternoon = stacks(app)["afternoon"][0]
        assert app.screen.__class__.__name__ == "MorningScreen"
        assert afternoon.has_data and "evening" not in stacks(app)
        late = app.services.deliveries.late_count()

        parsed = []
        original = app.stylesheet.reparse
        app.stylesheet.reparse = lambda: (parsed.append(1), original())
        await pilot.press("2")
        assert app.screen is afternoon and not parsed and not masked  # no stylesheet parsed, no 50 ms mask
        assert afternoon.query_one("#pane-bar").counts["deliveries"] == f"({late} late)"
        await pilot.press("3")  # built now, behind Textual's mask
        await settle(app, pilot)
        evening = app.screen
        await pilot.press("2")
        masked.clear()
        await pilot.press("3")
        assert app.screen is evening and not masked  # built: shown at once


async def test_a_change_made_in_another_mode_shows_on_return(make_app, demo_path) -> None:
    from prodcom_tui.ui.app_modes import WarmedUp

    app = make_app(demo_path, prebuild=True)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        app.post_message(WarmedUp())
        await settle(app, pilot)
        late = app.services.deliveries.late_count()
        row = next(r for r in app.services.roadblocks.list() if r.kind == "late_delivery")
        app.run_write(lambda s: s.deliveries.receive(row.target_id, {"date": "today"}))  # from the morning
        await settle(app, pilot)
        await pilot.press("2")
        await settle(app, pilot)
        assert app.screen.query_one("#pane-bar").counts["deliveries"] == f"({late - 1} late)"
        assert row.target_id not in {app.screen.table("deliveries").row_at(i).id for i in range(late - 1)}


async def test_a_switch_pressed_while_the_modes_are_being_built_lands_there(make_app, demo_path) -> None:
    from prodcom_tui.ui.app_modes import WarmedUp

    app = make_app(demo_path, prebuild=True)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        app.post_message(WarmedUp())
        await until_built(app, pilot, "afternoon")  # composing, its data not read yet
        await pilot.press("2")
        await settle(app, pilot)
        screen = app.screen
        assert screen is stacks(app)["afternoon"][0] and screen.has_data
        assert screen.query_one("#pane-bar").counts["deliveries"].endswith("late)")
        await pilot.press("tab")
        assert screen.pane == "quotes" and screen.table("quotes").has_focus
        await pilot.press("3")
        await settle(app, pilot)
        assert app.screen is stacks(app)["evening"][0] and app.screen.has_data
        await pilot.press("1")
        await settle(app, pilot)
        assert app.screen.__class__.__name__ == "MorningScreen"


async def test_a_mode_built_at_one_size_is_laid_out_again_at_the_new_one(make_app, demo_path) -> None:
    from prodcom_tui.ui.app_modes import WarmedUp

    app = make_app(demo_path, prebuild=True)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        app.post_message(WarmedUp())
        await settle(app, pilot)
        afternoon = stacks(app)["afternoon"][0]
        assert not afternoon.has_class("-wide")  # built at 120 columns: no side panel
        await pilot.resize_terminal(160, 40)  # while the morning shows
        await settle(app, pilot)
        await pilot.press("2")
        await settle(app, pilot)
        assert app.screen is afternoon and afternoon.outer_size == (160, 40) and afternoon.has_class("-wide")
        assert afternoon.query_one("#detail").region.width == 58

"""The key bar at the foot of each screen: it follows the focused pane, and a click presses the key."""

from __future__ import annotations

from prodcom_tui.ui.widgets.key_bar import KeyBar

from pilot_wait import settle

SIZE = (160, 40)


def bar_text(app) -> str:  # noqa: ANN001
    bar = app.screen.query_one(KeyBar)
    return "".join(strip.text for strip in bar.render_lines(bar.size.region))


def x_of(app, label: str) -> int:  # noqa: ANN001
    """Where a key's label sits on the bar, as a person would aim the mouse."""
    text = bar_text(app)
    assert label in text, text
    return text.index(label)


async def test_the_bar_follows_the_focused_pane(make_app, demo_path) -> None:
    app = make_app(demo_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        assert "n Capture" in bar_text(app) and "t Triage" in bar_text(app)
        assert bar_text(app).rstrip().endswith("^p palette")  # the palette key stays at the right
        await pilot.press("tab")  # to the roadblocks: nothing to capture or triage there
        await settle(app, pilot)
        assert "Capture" not in bar_text(app) and "Triage" not in bar_text(app)
        assert "2 Afternoon" in bar_text(app)
        for _ in range(3):  # the timeline, the team, the requests again: each drawn (a key alone draws no frame)
            await pilot.press("tab")
            await settle(app, pilot)
        bar, drawn = app.screen.query_one(KeyBar), []
        original = bar._text
        bar._text = lambda *styles: (drawn.append(1), original(*styles))[1]
        for _ in range(4):  # round the panes again: each line was drawn once already (~1 ms each)
            await pilot.press("tab")
            await settle(app, pilot)
        assert drawn == [] and "n Capture" in bar_text(app)
        # The mouse finds the keys of the line on show, not of the last line drawn.
        assert bar._at(x_of(app, "n Capture") + 1).description == "Capture"


async def test_clicking_a_key_presses_it_and_hovering_tells_what_it_does(make_app, demo_path) -> None:
    app = make_app(demo_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        bar = app.screen.query_one(KeyBar)
        x = x_of(app, "2 Afternoon")
        await pilot.hover(KeyBar, offset=(x + 1, 0))
        assert str(bar.tooltip).startswith("Vendors, quotes")  # the tooltip of the key under the mouse
        await pilot.click(KeyBar, offset=(x + 1, 0))
        await settle(app, pilot)
        assert app.current_mode == "afternoon"


async def test_a_narrow_bar_drops_whole_keys_never_half_of_one(make_app, demo_path) -> None:
    app = make_app(demo_path)
    async with app.run_test(size=(60, 24)) as pilot:
        await settle(app, pilot)
        text = bar_text(app)
        assert len(text) == 60 and text.rstrip().endswith("^p palette")
        shown = [item for item in app.screen.query_one(KeyBar).shown if f"{item.display} {item.description}" in text]
        left = text.split("▏")[0]
        # Every key on the line is whole: what is left once the whole keys are taken out is only spaces.
        for item in shown:
            left = left.replace(f" {item.display} {item.description} ", "", 1)
        assert not left.strip(), left

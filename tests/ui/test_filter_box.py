"""`/` in a pane: the filter box appears on first use, filters as you type, and esc puts everything back."""

from __future__ import annotations

from textual.events import Paste
from textual.widgets import Input

from morning_helpers import WIDE
from pilot_wait import settle


async def test_slash_mounts_the_box_filters_as_you_type_and_esc_restores(make_app, demo_path) -> None:
    app = make_app(demo_path)
    async with app.run_test(size=WIDE) as pilot:
        await settle(app, pilot)
        pane = app.screen.query_one("#requests")
        everything = pane.table.row_count
        assert not pane.query(Input), "no box before the first /: it would only cost the first frame"
        await pilot.press("slash", *"zzqx-nothing")
        await settle(app, pilot)
        box = pane.query_one(Input)
        assert box.has_focus and box.display and box.value == "zzqx-nothing"
        assert pane.table.row_count == 0
        await pilot.press("escape")
        await settle(app, pilot)
        assert pane.table.has_focus and not box.display
        assert pane.table.row_count == everything
        await pilot.press("slash")  # the same box comes back, empty
        assert pane.query_one(Input) is box and box.has_focus and box.value == ""


async def test_the_timeline_box_sits_above_the_strip_and_filters_projects(make_app, demo_path) -> None:
    app = make_app(demo_path)
    async with app.run_test(size=WIDE) as pilot:
        await settle(app, pilot)
        await pilot.press("tab", "tab")
        assert app.screen.current_pane() == "timeline-pane"
        pane = app.screen.query_one("#timeline-pane")
        lanes = len(pane.timeline.shown_lanes)
        code = pane.timeline.lanes[0].code
        await pilot.press("slash", *code)
        await settle(app, pilot)
        children = list(pane.children)
        assert children.index(pane.query_one(Input)) < children.index(pane.timeline.parent)
        assert 1 <= len(pane.timeline.shown_lanes) < lanes
        await pilot.press("enter")  # keeps the filter, back on the strip
        assert pane.timeline.has_focus and len(pane.timeline.shown_lanes) < lanes


async def test_a_filter_longer_than_the_box_scrolls_within_it(make_app, demo_path) -> None:
    """The box keeps its text's width without a layout: a long filter still scrolls to the cursor."""
    app = make_app(demo_path)
    async with app.run_test(size=WIDE) as pilot:
        await settle(app, pilot)
        pane = app.screen.query_one("#requests")
        typed = "nothing-" * 12 + "END"
        # Typed, pasted (as a long filter usually arrives), typed: 100 keys one by one cost 5 s of the suite.
        await pilot.press("slash", *typed[:8])
        box = pane.query_one(Input)
        box.post_message(Paste(typed[8:-3]))
        await pilot.press(*typed[-3:])
        await settle(app, pilot)
        assert box.value == typed and box.size.width < len(typed)
        assert box.scroll_x > 0 and box.max_scroll_x > 0
        shown = box.render_line(0).text  # the text line, scrolled to the cursor
        assert "END" in shown and pane.table.row_count == 0
        await pilot.press("home")
        assert box.cursor_position == 0 and box.scroll_x == 0

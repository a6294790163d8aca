"""The frame of the pane holding the focus is lit, and only that one, as tab moves through the morning."""

from __future__ import annotations

from textual.color import Color
from textual.geometry import Region
from textual.widget import Widget

from prodcom_tui.ui.widgets.pane_frame import AlikeInside, paint_frame

from morning_helpers import WIDE
from pilot_wait import settle


def lit(app) -> list[str]:  # noqa: ANN001
    accent = Color.parse(app.theme_variables["accent"])
    frames = app.screen.query(".framed")
    return [f.id for f in frames if f.styles.border_top == ("round", accent)]


async def test_tab_moves_the_lit_frame_and_the_team_frame_stands_for_its_task_list(make_app, demo_path) -> None:
    app = make_app(demo_path)
    async with app.run_test(size=WIDE) as pilot:
        await settle(app, pilot)
        assert lit(app) == ["requests"]
        for expected in ("roadblocks", "timeline-pane", "team", "requests"):
            await pilot.press("tab")
            assert lit(app) == [expected], app.screen.current_pane()
        await pilot.press("2")  # the afternoon: one pane at a time, the one shown is lit
        await settle(app, pilot)
        assert lit(app) == [app.screen.pane]
        await pilot.press("1")
        await settle(app, pilot)
        assert lit(app) == ["requests"]


async def test_only_the_focused_table_is_tinted_and_a_tab_lays_nothing_out_again(make_app, demo_path) -> None:
    app = make_app(demo_path)
    async with app.run_test(size=WIDE) as pilot:
        await settle(app, pilot)
        requests, roadblocks = (app.screen.query_one(f"#{p}").table for p in ("requests", "roadblocks"))
        assert requests.styles.background_tint.a > 0 and roadblocks.styles.background_tint.a == 0
        layouts = []
        original = app.screen._refresh_layout
        app.screen._refresh_layout = lambda *a, **k: (layouts.append(1), original(*a, **k))[1]
        await pilot.press("tab")
        await pilot.pause()
        assert roadblocks.styles.background_tint.a > 0 and requests.styles.background_tint.a == 0
        # Textual's focus watcher restyled the tables' scrollbars, which flagged a layout of the whole screen.
        assert layouts == []


async def test_the_timeline_shows_its_focus_on_the_cursor_line_alone_without_a_restyle(make_app, demo_path) -> None:
    """Focus in the strip is its lit frame and the reversed label of the cursor's lane. Entering or leaving
    it repaints that one line: a tint, Textual's focus repaint or a `:focus` restyle each drew every lane."""
    app = make_app(demo_path)
    async with app.run_test(size=WIDE) as pilot:
        await settle(app, pilot)
        timeline = app.screen.query_one("Timeline")
        restyled, repainted = [], []
        original = app.update_styles
        app.update_styles = lambda node=None, *a, **k: (restyled.append(node), original(node, *a, **k))[1]
        refresh = timeline.refresh
        timeline.refresh = lambda *regions, **k: (repainted.append(regions), refresh(*regions, **k))[1]

        def cursor_label_reversed() -> bool:
            return any(seg.style is not None and seg.style.reverse for seg in timeline.render_line(timeline.cursor + 1))

        await pilot.press("tab", "tab")  # roadblocks, then the timeline
        await pilot.pause()
        assert app.focused is timeline and timeline.styles.background_tint.a == 0
        assert cursor_label_reversed() and lit(app) == ["timeline-pane"]
        await pilot.press("tab")
        await pilot.pause()
        assert app.focused is not timeline and not cursor_label_reversed()
        assert repainted and all(len(regions) == 1 and regions[0].height == 1 for regions in repainted), repainted
        assert restyled == []


async def test_frames_and_tint_follow_a_theme_change_and_the_stand_up_theme_leaves_no_trace(make_app, demo_path) -> None:
    app = make_app(demo_path)
    async with app.run_test(size=WIDE) as pilot:
        await settle(app, pilot)
        await pilot.press("tab")  # requests dimmed, roadblocks lit: both carry inline colours now
        app.theme = "gruvbox"
        await settle(app, pilot)
        panel = Color.parse(app.theme_variables["panel"])
        assert lit(app) == ["roadblocks"]
        assert app.screen.query_one("#requests").styles.border_top == ("round", panel)
        table = app.screen.query_one("#roadblocks").table
        foreground = Color.parse(app.theme_variables["foreground"])
        assert table.styles.background_tint.rgb == foreground.rgb
        app.theme = "textual-dark"
        await settle(app, pilot)
        await pilot.press("4")  # the stand-up presents in its own theme, then gives the old one back
        await settle(app, pilot)
        await pilot.press("2")  # first visit: the afternoon mounts while the theme changes back
        await settle(app, pilot)
        assert app.theme == "textual-dark"
        assert lit(app) == [app.screen.pane]


async def test_the_frame_is_lit_as_the_focus_moves_and_only_its_edges_are_repainted(make_app, demo_path) -> None:
    app = make_app(demo_path)
    async with app.run_test(size=WIDE) as pilot:
        await settle(app, pilot)
        screen = app.screen
        roadblocks = screen.query_one("#roadblocks")
        roadblocks._dirty_regions.clear()  # Textual's pending repaint of the pane (private: what the compositor reads)
        screen.set_focus(roadblocks.table)
        # Lit within the focus change itself, not a message hop later: one frame carries the tint and the frames.
        assert lit(app) == ["roadblocks"]
        width, height = roadblocks.outer_size
        dirty = list(roadblocks._dirty_regions)
        assert dirty, "the frame was not repainted"
        # The edges only: no dirty region reaches the middle of the pane (where its table is).
        assert not any(region.contains(width // 2, height // 2) for region in dirty), dirty
        await pilot.pause()
        assert lit(app) == ["roadblocks"]
        # And drawn so: the styles cache must not keep the frame's old colour for the edges it repaints.
        accent = Color.parse(app.theme_variables["accent"]).rich_color
        for y in (0, height // 2, height - 1):
            corner = roadblocks.render_lines(Region(0, y, 1, 1))[0]
            assert [seg.style.color for seg in corner if seg.text.strip()] == [accent], (y, list(corner))


def textuals_own(pane, crop: Region) -> list:  # noqa: ANN001
    """The lines Textual's style cache draws for `crop`, every one of them drawn afresh."""
    pane._styles_cache.clear()
    return Widget.render_lines(pane, crop)


def draws_asked(pane) -> list[int]:  # noqa: ANN001
    """The heights of the crops the pane asks Textual's style cache for, drawing itself whole."""
    calls: list[Region] = []
    own = Widget.render_lines

    def counted(self, crop: Region) -> list:  # noqa: ANN001
        calls.append(crop)
        return own(self, crop)

    Widget.render_lines = counted
    try:
        pane.render_lines(Region(0, 0, *pane.outer_size))
    finally:
        Widget.render_lines = own
    return [crop.height for crop in calls]


def assert_drawn_as_textual(pane) -> None:  # noqa: ANN001
    """Whole and cut anywhere, from a cold style cache, then warm after a frame change (what a tab does)."""
    width, height = pane.outer_size
    for crop in (Region(0, 0, width, height), Region(0, 1, 1, height - 2), Region(3, 2, width - 4, 1),
                 Region(width - 1, height - 3, 1, 3)):
        pane._styles_cache.clear()
        assert list(pane.render_lines(crop)) == textuals_own(pane, crop), (pane.id, crop)
    whole = Region(0, 0, width, height)
    pane.render_lines(whole)
    lit = pane.styles.border_top[1] == Color.parse(pane.app.theme_variables["accent"])
    paint_frame(pane, Color.parse(pane.app.theme_variables["panel" if lit else "accent"]))  # edges marked only
    assert list(pane.render_lines(whole)) == textuals_own(pane, whole), pane.id


async def test_a_frame_draws_its_inside_once_and_each_line_as_textual_would(make_app, demo_path) -> None:
    """Every framed pane of the morning and the afternoon, lit and dimmed, as a whole and cut anywhere:
    the lines between the edges are drawn once and handed out for all, and each equals Textual's."""
    app = make_app(demo_path)
    async with app.run_test(size=WIDE) as pilot:
        await settle(app, pilot)
        for keys in (("tab",), ("tab", "tab"), ("2",), ("tab",)):
            await pilot.press(*keys)
            await settle(app, pilot)
            panes = [p for p in app.screen.query(".framed") if p.display and p.outer_size.height > 3]
            assert panes and all(isinstance(p, AlikeInside) and p._alike_inside() for p in panes)
            for pane in panes:
                assert_drawn_as_textual(pane)
            # The top edge and one inside line, then the bottom edge.
            assert draws_asked(app.screen.query(".framed").first()) == [2, 1]


async def test_tabbing_back_to_a_scrolled_timeline_keeps_its_cursor_in_view(make_app, demo_path) -> None:
    """Textual scrolls a widget it focuses into view: a timeline taller than its box went back to its
    first lane on every tab into it, and the lane under the cursor was out of sight."""
    app = make_app(demo_path)
    async with app.run_test(size=WIDE) as pilot:
        await settle(app, pilot)
        timeline = app.screen.query_one("Timeline")
        timeline.set_lanes(timeline.lanes * 3)  # more live projects than the strip's box holds
        await pilot.press("tab", "tab")  # roadblocks, then the timeline
        await pilot.pause()
        box = timeline.parent
        timeline.cursor = len(timeline.shown_lanes) - 1  # as `j` to the last lane: its watcher scrolls the box
        await pilot.pause()
        scrolled = box.scroll_y
        assert scrolled > 0 and app.focused is timeline
        await pilot.press("tab", "shift+tab")  # away and back
        await pilot.pause()
        assert app.focused is timeline and box.scroll_y == scrolled
        lane_line = timeline.region.y + timeline.cursor + 1  # line 0 is the scale
        assert box.content_region.y <= lane_line < box.content_region.bottom

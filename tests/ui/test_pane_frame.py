"""The frame of the pane holding the focus is lit, and only that one, as tab moves through the morning."""

from __future__ import annotations

from textual.color import Color

WIDE = (160, 48)


async def settle(app, pilot) -> None:  # noqa: ANN001
    for _ in range(3):
        await app.workers.wait_for_complete()
        await pilot.pause()


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

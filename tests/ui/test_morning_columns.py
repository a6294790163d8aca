"""What the inbox and the roadblocks show at the sizes a producer uses: how each request came in (its mark
before the sender) and how long each roadblock has been in the way. Both columns used to appear only from
~260 and ~180 terminal columns, so at 80×24 and 160×48 neither was on screen."""

from __future__ import annotations

import pytest

SOURCE_MARK = {"email": "✉", "phone": "☎", "chat": "✎", "meeting": "◎"}


def drawn_lines(widget) -> list[str]:  # noqa: ANN001
    """The lines a line-API widget puts on the terminal."""
    return [strip.text for strip in widget.render_lines(widget.size.region)]


async def open_pane(app, pilot, pane: str) -> None:  # noqa: ANN001
    while app.screen.current_pane() != pane:
        await pilot.press("tab")
    for _ in range(3):
        await app.workers.wait_for_complete()
        await pilot.pause()


@pytest.mark.parametrize("size", [(80, 24), (160, 48)])
async def test_each_request_shows_how_it_came_in_and_each_roadblock_its_age(make_app, demo_path, size) -> None:  # noqa: ANN001
    app = make_app(demo_path)
    async with app.run_test(size=size) as pilot:
        await open_pane(app, pilot, "requests")
        requests = app.screen.query_one("#requests").table
        lines = drawn_lines(requests)
        rows = [requests.row_at(i) for i in range(min(requests.row_count, len(lines) - 1))]
        assert {row.source for row in rows} >= {"email", "phone"}, "the demo's first rows mix sources"
        for row, line in zip(rows, lines[1:]):  # line 0 is the header
            assert f"{SOURCE_MARK[row.source]} " in line, (row.source, line)

        await open_pane(app, pilot, "roadblocks")
        roadblocks = app.screen.query_one("#roadblocks").table
        lines = drawn_lines(roadblocks)
        today = app.services.store.clock.today()
        for i, line in enumerate(lines[1:4]):
            block = roadblocks.row_at(i)
            days = (today - block.since).days
            assert line.rstrip().endswith("today" if days <= 0 else f"{days}d"), line

"""The command palette: go to a project by typing part of its code or name."""

from __future__ import annotations

import io

from rich.console import Console
from textual.widgets import Static


async def test_go_to_project_opens_its_summary(make_app, demo_path) -> None:
    app = make_app(demo_path)
    async with app.run_test(size=(120, 36)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        project = app.services.overview.find_projects("")[0]
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*project.key)
        for _ in range(20):  # the palette searches in a thread; give it a moment
            await pilot.pause(0.05)
        await pilot.press("enter")
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert app.screen.__class__.__name__ == "ProjectScreen"
        console = Console(width=120, record=True, file=io.StringIO())
        console.print(app.screen.query_one("#project-body", Static).content)
        body = console.export_text()
        assert project.key in body and "Budget" in body

"""The evening's project panel keeps what needs deciding on screen, on a small terminal and a usual one."""

from __future__ import annotations

import pytest
from textual.geometry import Region


async def show_evening(app, pilot) -> None:  # noqa: ANN001
    """From the morning to the evening, its report read and drawn."""
    await app.workers.wait_for_complete()
    await pilot.press("3")
    await app.workers.wait_for_complete()
    await pilot.pause()
    # Laying the screen out resizes its tables, and a table sizes its columns on that resize: a second
    # pause lets that happen whatever the frame rate (TEXTUAL_FPS=1 read the columns before it).
    await pilot.pause()


def drawn(widget) -> str:  # noqa: ANN001
    """The panel as the terminal shows it (cut to its height), lines joined, wrapping undone."""
    lines = widget.render_lines(Region(0, 0, *widget.outer_size))
    return " ".join(" ".join(strip.text.split()) for strip in lines)


@pytest.mark.parametrize("size", [(80, 24), (120, 36)])
async def test_every_project_shows_what_to_decide_and_why_it_is_rated_so(make_app, demo_path, size) -> None:  # noqa: ANN001
    app = make_app(demo_path)
    async with app.run_test(size=size) as pilot:
        await show_evening(app, pilot)
        screen = app.screen
        projects = screen.data.report.projects
        assert any(p.decisions for p in projects)  # the demo has decisions to show
        for index, project in enumerate(projects):
            if index:
                await pilot.press("j")
                await pilot.pause()  # the panel is laid out again for its new text on the next frame
            panel = drawn(screen.query_one("#why"))
            assert panel.startswith(project.code)
            if project.decisions:
                assert "Decide: " + " ".join("; ".join(project.decisions).split()) in panel, (size, project.code)
            assert "Rule: " in panel, (size, project.code)


async def test_the_decisions_column_ends_at_the_pane_edge_with_an_ellipsis(make_app, demo_path) -> None:  # noqa: ANN001
    """The projects table fits its pane: "Decisions needed" takes the width the other columns leave and a
    long one ends in "…" there, instead of running off the edge behind a sideways scrollbar. (Below ~150
    columns the other columns alone fill the pane: the decisions keep 12 cells and the table scrolls.)"""
    app = make_app(demo_path)
    async with app.run_test(size=(168, 48)) as pilot:
        await show_evening(app, pilot)
        table = app.screen.query_one("#projects")
        assert table.virtual_size.width <= table.scrollable_content_region.width
        assert not table.show_horizontal_scrollbar
        lines = [" ".join(strip.text.split()) for strip in table.render_lines(Region(0, 0, *table.size))]
        codes = [p.code for p in app.screen.data.report.projects]
        shown = [line for line in lines if line.split(" ")[0] in codes]
        assert shown and any(line.endswith("…") for line in shown), lines
        assert all("choose among" in line or "accept or" in line or line.endswith("—") for line in shown)
        await pilot.resize_terminal(160, 48)  # narrower: the decisions give the width back
        await pilot.pause()
        assert table.virtual_size.width <= table.scrollable_content_region.width


@pytest.mark.parametrize("size", [(80, 24), (120, 36), (200, 50)])
async def test_the_next_tasks_fit_their_pane_with_their_project_and_priority(make_app, demo_path, size) -> None:  # noqa: ANN001
    """Five columns of the next day's tasks ran to ~90 cells in a pane of 38-67: the table scrolled sideways
    at every size and showed who does a task only after scrolling. Now due, task and who fit the pane; the
    task carries its priority mark and its project, cut with an ellipsis at the pane's edge."""
    app = make_app(demo_path)
    async with app.run_test(size=size) as pilot:
        await show_evening(app, pilot)
        table = app.screen.query_one("#tomorrow")
        tasks = app.screen.data.report.tomorrow
        assert tasks and any(t.priority == 1 for t in tasks)  # the demo has a high-priority task to mark
        assert table.virtual_size.width <= table.scrollable_content_region.width, size
        assert not table.show_horizontal_scrollbar
        lines = [strip.text for strip in table.render_lines(Region(0, 0, *table.size))]
        assert lines[0].split() == ["Due", "Task", "Who"]
        table.focus()  # `m` moves the task under the cursor, whatever the columns show of it
        await pilot.press("j", "m")
        await pilot.pause()
        assert app.screen.form_title == f"Move “{tasks[1].title}”"  # type: ignore[attr-defined]
        await pilot.press("escape")
        await pilot.pause()
        width = next(c.width for c in table.columns.values() if c.label.plain == "Task")
        for task, line in zip(tasks, lines[1:]):
            mark = "↑" if task.priority == 1 else "↓" if task.priority == 3 else " "
            whole = f"{mark} {task.title} · {task.project_code}"
            # The whole cell where it fits, else its start up to the ellipsis (8 cells of title at 80x24).
            assert (whole if len(whole) <= width else whole[:width - 1] + "…") in line, (size, line)
            assert task.assignee[:12] in line, (size, line)

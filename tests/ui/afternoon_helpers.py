"""Helpers the afternoon's Pilot tests share: wait for workers, open a pane, read what a widget shows."""

from __future__ import annotations

from pilot_wait import settle

SIZE = (120, 36)


async def open_pane(app, pilot, pane: str) -> None:  # noqa: ANN001
    await pilot.press("2")
    await settle(app, pilot)
    while app.screen.pane != pane:
        await pilot.press("tab")
    await settle(app, pilot)


def shown(widget) -> str:  # noqa: ANN001
    """The text a Static shows, rich renderables included, as a person reads it."""
    import io

    from rich.console import Console

    console = Console(width=160, record=True, file=io.StringIO())
    console.print(widget.content)
    return console.export_text()


def put_cursor(app, pane: str, item_id: int) -> None:  # noqa: ANN001
    table = app.screen.table(pane)
    table.cursor = next(i for i in range(table.row_count) if table.row_at(i).id == item_id)


async def as_opened(app, pilot) -> None:  # noqa: ANN001
    """Back to how a freshly opened afternoon looks: nothing open over it, the deliveries shown, every
    list's cursor on its first row. Several checks share one app (starting one costs more than most checks)."""
    for _ in range(4):
        if app.screen.__class__.__name__ == "AfternoonScreen":
            break
        await pilot.press("escape")
        await settle(app, pilot)
    screen = app.screen
    assert screen.__class__.__name__ == "AfternoonScreen"
    for pane in screen.sources:
        screen.table(pane).cursor = 0
    screen.query_one("#budget-lines").move_cursor(row=0)
    screen.show_pane("deliveries")
    await settle(app, pilot)

"""Helpers the morning's Pilot tests share (rootdir-relative import, like afternoon_helpers.py)."""

from __future__ import annotations

WIDE = (160, 48)  # the four panes side by side


async def settle(app, pilot) -> None:  # noqa: ANN001
    """Until the loads and writes a key started (each in a worker) are drawn."""
    for _ in range(3):
        await app.workers.wait_for_complete()
        await pilot.pause()

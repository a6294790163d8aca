"""What a snapshot waits for before the picture is taken, beyond the loads (each test waits for its own)."""

from __future__ import annotations

from textual.widgets import DataTable

STEP, STEPS = 0.02, 150  # up to 3 s: a loaded machine running four workers on two cores


async def tables_measured(pilot) -> None:  # noqa: ANN001
    """Every DataTable on screen has measured its columns, and the screen is drawn with them.

    A DataTable sizes its automatic columns when its message queue next runs dry (Textual's
    `DataTable._on_idle`), one or more frames after its rows arrive. A picture taken in between shows
    every column at its label's width ("• T", "NORMA-…"). (A line drawn in between used to stay on
    screen after the measure too: KeyTable._update_dimensions, tests/ui/test_keytable.py.)
    """
    for _ in range(STEPS):
        if not any(t._require_update_dimensions or t._updated_cells for t in pilot.app.screen.query(DataTable)):
            break
        await pilot.pause(STEP)
    await pilot.pause()

"""A DataTable that answers to the same movement keys as every other pane."""

from __future__ import annotations

from textual.binding import Binding
from textual.widgets import DataTable


class KeyTable(DataTable):
    """For lists that stay small (under ~1,000 rows); big lists use the windowed table."""

    BINDINGS = [
        Binding("j", "cursor_down", "Down", show=False, id="table.down", tooltip="Move the cursor down"),
        Binding("k", "cursor_up", "Up", show=False, id="table.up", tooltip="Move the cursor up"),
        Binding("g", "scroll_top", "Top", show=False, id="table.top", tooltip="Go to the first row"),
        Binding("G", "scroll_bottom", "Bottom", show=False, id="table.bottom", tooltip="Go to the last row"),
    ]

    DEFAULT_CSS = """
    KeyTable { height: 1fr; }
    """

    def __init__(self, *args, **kwargs) -> None:  # noqa: ANN002, ANN003
        kwargs.setdefault("cursor_type", "row")
        kwargs.setdefault("zebra_stripes", True)
        super().__init__(*args, **kwargs)

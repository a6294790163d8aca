"""The box a pane's filter is typed in: a Textual Input whose keystrokes repaint the box alone."""

from __future__ import annotations

from textual.geometry import Size
from textual.reactive import Reactive
from textual.widgets import Input


class FilterBox(Input):
    """Input sets its `virtual_size` (the text's width) on every keystroke, and Textual's `virtual_size`
    asks for a layout of the whole screen. The box's size is fixed by its pane, so nothing around it
    moves: the text's width is kept without a layout (the box's own horizontal scroll reads it directly;
    a box sized `auto` still asks for its layout, in Input's own watcher)."""

    virtual_size = Reactive(Size(0, 0), layout=False)

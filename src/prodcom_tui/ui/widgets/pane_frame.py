"""The focused pane's frame in the accent colour, without Textual's `:focus-within`.

With a `:focus-within` rule, every focus move restyled the whole subtree of the pane left and of the
pane entered (titles, tables, scrollbars) and repainted their scrollbars: ~40 % of a tab on `large`.
Here only the two frames change colour, as inline border styles (same edge type: no layout pass).
A pane opts in with the `framed` class and `border: round $panel` in its stylesheet.
"""

from __future__ import annotations

from textual.color import Color
from textual.widget import Widget

FRAMED = "framed"


def framed_pane(widget: Widget | None) -> Widget | None:
    """The outermost framed ancestor of `widget` (the team's frame, not the task list's inside it)."""
    found = None
    node = widget
    while node is not None and node.parent is not None:
        if isinstance(node, Widget) and node.has_class(FRAMED):
            found = node
        node = node.parent
    return found


class PaneFrames:
    """Mixed into a screen: lights the frame of the pane holding the focus and dims the one before."""

    _lit: Widget | None = None

    def light_pane_of(self, focused: Widget | None) -> None:
        pane = framed_pane(focused)
        if pane is self._lit:
            return
        variables = self.app.theme_variables  # type: ignore[attr-defined]
        if self._lit is not None and self._lit.is_mounted:
            self._lit.styles.border = ("round", Color.parse(variables["panel"]))
        if pane is not None:
            pane.styles.border = ("round", Color.parse(variables["accent"]))
        self._lit = pane

    def on_descendant_focus(self, event) -> None:  # noqa: ANN001
        self.light_pane_of(event.widget)

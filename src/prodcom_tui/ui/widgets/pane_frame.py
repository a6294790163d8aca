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
    """Mixed into a screen: lights the frame of the pane holding the focus and dims the one before.

    The colours are inline, so they do not follow a theme change by themselves: `recolour_frames`
    paints them again (on Textual's theme signal, and when a screen comes back under a new theme).
    """

    _lit: Widget | None = None
    _follows_theme = False

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
        if not self._follows_theme:
            self._follows_theme = True
            self.app.theme_changed_signal.subscribe(self, self.recolour_frames)  # type: ignore[attr-defined]

    def recolour_frames(self, _theme: object = None) -> None:
        """Every frame this screen painted, in the current theme's colours; the focused table's tint too."""
        panel = Color.parse(self.app.theme_variables["panel"])  # type: ignore[attr-defined]
        for pane in self.query(f".{FRAMED}"):  # type: ignore[attr-defined]
            if pane.styles.inline.has_rule("border_top"):
                pane.styles.border = ("round", panel)
        focused, self._lit = self.focused, None  # type: ignore[attr-defined]
        self.light_pane_of(focused)
        show_focus = getattr(focused, "show_focus", None)
        if show_focus is not None:
            show_focus(True)

    def on_descendant_focus(self, event) -> None:  # noqa: ANN001
        self.light_pane_of(event.widget)

"""The focused list's tint, set directly rather than through a `:focus` rule.

Textual's own focus watcher restyles the widget (every rule of the stylesheet matched again for it and
its scrollbars); re-applying the scrollbars' rules flags a layout change, so every tab reflowed and
repainted the whole screen (~half its cost). Only the tint depends on focus here, and it is set as an
inline style: 3 % of the foreground, as Textual's focused scroll views have.
"""

from __future__ import annotations

from textual.color import Color

NO_TINT = Color(0, 0, 0, 0)


class FocusTint:
    """Mixed into a focusable widget; PaneFrames.recolour_frames calls `show_focus` after a theme change."""

    def watch_has_focus(self, has_focus: bool) -> None:
        self.show_focus(has_focus)

    def show_focus(self, has_focus: bool) -> None:
        """The focus tint in the current theme."""
        foreground = Color.parse(self.app.theme_variables["foreground"])  # type: ignore[attr-defined]
        self.styles.background_tint = foreground.multiply_alpha(0.03) if has_focus else NO_TINT  # type: ignore[attr-defined]

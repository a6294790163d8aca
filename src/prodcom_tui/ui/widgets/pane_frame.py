"""The focused pane's frame in the accent colour, without Textual's `:focus-within`.

With a `:focus-within` rule, every focus move restyled the whole subtree of the pane left and of the
pane entered (titles, tables, scrollbars) and repainted their scrollbars: ~40 % of a tab on `large`.
Here only the two frames change colour, as inline border styles (same edge type: no layout pass),
in the same frame as the focus move, and only the frames' edges are repainted (see `paint_frame`).
A pane opts in with the `framed` class and `border: round $panel` in its stylesheet.
"""

from __future__ import annotations

from textual.color import Color
from textual.containers import Vertical
from textual.geometry import Region
from textual.strip import Strip
from textual.widget import Widget

FRAMED = "framed"
EDGES = ("border_top", "border_right", "border_bottom", "border_left")


def paint_frame(pane: Widget, colour: Color) -> None:
    """Give `pane` a round frame in `colour`, repainting the four edges only.

    The `border` style property refreshes the whole widget, so the compositor cut and wrote again every
    line of the pane and of everything inside it (~20 KB of output a tab on `large`) for a change of
    one colour around it. The inline rules are set directly instead, and only the edges marked dirty.
    """
    inline = pane.styles.inline
    changed = [inline.set_rule(edge, ("round", colour)) for edge in EDGES]
    if not any(changed) or not pane.is_mounted:
        return
    width, height = pane.outer_size
    if not width or not height:
        return
    # Widget.refresh takes regions relative to the content: the frame lies just outside it.
    dx, dy = pane.content_offset
    edges = (Region(0, 0, width, 1), Region(0, height - 1, width, 1), Region(0, 0, 1, height), Region(width - 1, 0, 1, height))
    pane.refresh(*(edge.translate((-dx, -dy)) for edge in edges))


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
            paint_frame(self._lit, Color.parse(variables["panel"]))
        if pane is not None:
            paint_frame(pane, Color.parse(variables["accent"]))
        self._lit = pane
        if not self._follows_theme:
            self._follows_theme = True
            self.app.theme_changed_signal.subscribe(self, self.recolour_frames)  # type: ignore[attr-defined]

    def recolour_frames(self, _theme: object = None) -> None:
        """Every frame this screen painted, in the current theme's colours; the focused table's tint too."""
        panel = Color.parse(self.app.theme_variables["panel"])  # type: ignore[attr-defined]
        for pane in self.query(f".{FRAMED}"):  # type: ignore[attr-defined]
            if pane.styles.inline.has_rule("border_top"):
                paint_frame(pane, panel)
        focused, self._lit = self.focused, None  # type: ignore[attr-defined]
        self.light_pane_of(focused)
        show_focus = getattr(focused, "show_focus", None)
        if show_focus is not None:
            show_focus(True)

    def watch_focused(self, focused: Widget | None) -> None:
        # Called as Screen.set_focus changes the focus, so the frames change in the same frame as the
        # focused table's tint. A DescendantFocus handler ran a message hop per ancestor later, and
        # the frames went out in a second frame ~25 ms after the first.
        if focused is not None:
            self.light_pane_of(focused)


class AlikeInside:
    """Mixed into a framed container: its lines between the top and bottom edges are drawn once, not each.

    Lighting a frame repaints its left and right edges, so every line of the pane goes through Textual's
    style cache again, each rebuilt from the border and a blank content line: ~0.1 ms a line,
    ~25 lines a tab on the morning. For a container that draws no content of its own (no keylines,
    scrollbars, padding or hatch), every line between its edges is the same: one is drawn and handed out
    for all (tests/ui/test_pane_frame.py compares them with Textual's own, lit and dimmed).
    """

    def render_lines(self, crop: Region) -> list[Strip]:
        draw = super().render_lines  # type: ignore[misc]
        inside = range(max(crop.y, 1), min(crop.bottom, self.outer_size.height - 1))  # type: ignore[attr-defined]
        if len(inside) < 2 or not self._alike_inside():
            return draw(crop)
        x, width = crop.x, crop.width
        head = draw(Region(x, crop.y, width, inside.start + 1 - crop.y))  # the top edge if asked, one inside line
        below = draw(Region(x, inside.stop, width, crop.bottom - inside.stop)) if crop.bottom > inside.stop else []
        # The other inside lines stay dirty in the style cache: a later full draw redraws them.
        return [*head, *head[-1:] * (len(inside) - 1), *below]

    def _alike_inside(self) -> bool:
        """What Textual's style cache draws the same on every inside line (textual/_styles_cache.py, render_line)."""
        styles = self.styles  # type: ignore[attr-defined]
        return (self.is_container and styles.keyline[0] == "none"  # type: ignore[attr-defined]
                and not self.show_vertical_scrollbar and not self.show_horizontal_scrollbar  # type: ignore[attr-defined]
                and not any(styles.padding) and (not styles.has_rule("hatch") or styles.hatch == "none"))


class FramedVertical(AlikeInside, Vertical):
    """A plain framed pane (the team, the budget): a Vertical with the `framed` class."""

    def __init__(self, *children: Widget, id: str | None = None) -> None:  # noqa: A002
        super().__init__(*children, id=id, classes=FRAMED)

"""`/` to filter a pane as you type: the behaviour every filterable pane shares."""

from __future__ import annotations

from typing import Any

from textual.widget import Widget


class Filterable:
    """Mixin for a container with a target widget and a filter box shown with the `-filtering` class.

    The box is mounted on the first `/`: a Textual Input costs a few milliseconds to compose and style,
    and most panes are never filtered, so the first frame and every mode's first visit skip it.
    The target has `set_filter(text)` and takes the focus back when the filter is done.
    """

    FILTER_PLACEHOLDER = "filter…  (enter keeps it, esc clears)"
    _filter_box: Any = None

    @property
    def filter_target(self) -> Any:
        raise NotImplementedError

    @property
    def filter_anchor(self) -> Widget:
        """The widget the box goes just before."""
        return self.filter_target

    async def action_filter(self) -> None:
        if self._filter_box is None:
            from .filter_box import FilterBox  # Textual's Input is imported with the first filter, not at start

            self._filter_box = FilterBox(placeholder=self.FILTER_PLACEHOLDER, classes="filter-box")
            await self.mount(self._filter_box, before=self.filter_anchor)  # type: ignore[attr-defined]
        self.add_class("-filtering")  # type: ignore[attr-defined]
        # At once, not on the next loop turn (focus() defers): a letter typed right after / goes in the box.
        self.screen.set_focus(self._filter_box)  # type: ignore[attr-defined]

    def on_input_changed(self, event: Any) -> None:
        if event.input is not self._filter_box:
            return
        event.stop()
        self.filter_target.set_filter(event.value)

    def on_input_submitted(self, event: Any) -> None:
        if event.input is not self._filter_box:
            return
        event.stop()
        if not event.value:
            self.remove_class("-filtering")  # type: ignore[attr-defined]
        self.filter_target.focus()

    def key_escape(self) -> bool | None:
        box = self._filter_box
        if box is None or not box.has_focus:
            return None
        box.value = ""
        self.remove_class("-filtering")  # type: ignore[attr-defined]
        self.filter_target.focus()
        return True

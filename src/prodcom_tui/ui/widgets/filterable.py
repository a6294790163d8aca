"""`/` to filter a pane as you type: the behaviour every filterable pane shares."""

from __future__ import annotations

from typing import Any

from textual.widgets import Input


class Filterable:
    """Mixin for a container holding an Input (shown with the `-filtering` class) and a target widget.

    The target has `set_filter(text)` and takes the focus back when the filter is done.
    """

    @property
    def filter_target(self) -> Any:
        raise NotImplementedError

    def action_filter(self) -> None:
        self.add_class("-filtering")  # type: ignore[attr-defined]
        self.query_one(Input).focus()  # type: ignore[attr-defined]

    def on_input_changed(self, event: Input.Changed) -> None:
        event.stop()
        self.filter_target.set_filter(event.value)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        if not event.value:
            self.remove_class("-filtering")  # type: ignore[attr-defined]
        self.filter_target.focus()

    def key_escape(self) -> bool | None:
        box = self.query_one(Input)  # type: ignore[attr-defined]
        if not box.has_focus:
            return None
        box.value = ""
        self.remove_class("-filtering")  # type: ignore[attr-defined]
        self.filter_target.focus()
        return True

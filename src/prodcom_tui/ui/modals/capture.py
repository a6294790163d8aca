"""The one-line request capture, with a live preview of what the tokens mean before saving."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Input, Static

from prodcom_tui.domain.capture import parse_capture
from prodcom_tui.domain.errors import InputError

from .form import FieldSpec, FormScreen

EMPTY = "Type the request; the preview shows what will be saved."
HINT = "! urgent · @person · #project · ^date (fri, +3, 02/12) · ~phone/chat/meeting/email — enter saves, esc cancels"


class CaptureForm(FormScreen):
    def __init__(self) -> None:
        fields = [FieldSpec("line", "Request", placeholder="! Call back the printer about the paper @lea #VERA-PRINTEMPS ^fri")]
        super().__init__("Capture a request", fields, lambda s, v: s.requests.capture(v["line"]), hint=HINT)

    def on_mount(self) -> None:
        error = self.query_one("#error-line")
        error.parent.mount(Static(Text(EMPTY, style="dim"), id="capture-preview"), after=error)
        self.query_one(Input).focus()

    def on_input_changed(self, event: Input.Changed) -> None:
        preview = self.query_one("#capture-preview", Static)
        if not event.value.strip():
            preview.update(Text(EMPTY, style="dim"))
            return
        try:
            preview.update(Text("→ " + parse_capture(event.value, self.app.today).describe(), style="green"))
        except InputError as exc:
            preview.update(Text(f"✗ {exc}", style="red"))

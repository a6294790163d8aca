"""A keyboard form: labelled inputs, one clear message next to the field that was wrong, nothing saved."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Input, Label, Static

from prodcom_tui.domain.text import safe_terminal


@dataclass(frozen=True)
class FieldSpec:
    name: str
    label: str
    value: str = ""
    placeholder: str = ""


class FormScreen(ModalScreen[Any]):
    """`submit(services, values)` runs in a worker; an InputError with a `field` lands beside that field."""

    BINDINGS = [
        Binding("escape", "cancel", "Cancel", id="form.cancel", tooltip="Close without saving"),
        Binding("ctrl+s", "submit", "Save", id="form.save", tooltip="Save the form"),
    ]
    DEFAULT_CSS = """
    FormScreen { align: center middle; }
    FormScreen > Vertical { width: 80%; max-width: 90; height: auto; max-height: 90%; border: thick $accent; background: $surface; padding: 0 1; }
    FormScreen VerticalScroll { height: auto; max-height: 30; }
    FormScreen .form-title { text-style: bold; margin-bottom: 1; }
    FormScreen Label { margin-top: 1; color: $text-muted; }
    FormScreen .field-error { color: $error; height: auto; }
    FormScreen .form-error { color: $error; margin-top: 1; }
    FormScreen .form-hint { color: $text-muted; margin-top: 1; }
    """

    def __init__(self, title: str, fields: list[FieldSpec], submit: Callable[[Any, dict[str, str]], Any], hint: str = "") -> None:
        super().__init__()
        self.form_title, self.fields, self.submit_fn, self.hint = title, fields, submit, hint

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(Text(safe_terminal(self.form_title)), classes="form-title")  # titles name data
            with VerticalScroll():
                for spec in self.fields:
                    yield Label(spec.label, id=f"label-{spec.name}")
                    yield Input(safe_terminal(spec.value), placeholder=spec.placeholder, id=f"field-{spec.name}")
                    yield Static("", id=f"error-{spec.name}", classes="field-error")
            yield Static("", id="form-error", classes="form-error")
            yield Static(Text(self.hint or "enter: next field / save · esc: cancel"), classes="form-hint")

    def on_mount(self) -> None:
        self.query_one(Input).focus()

    def values(self) -> dict[str, str]:
        return {spec.name: self.query_one(f"#field-{spec.name}", Input).value for spec in self.fields}

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        names = [spec.name for spec in self.fields]
        index = names.index(event.input.id.removeprefix("field-"))
        if index + 1 < len(names):
            self.query_one(f"#field-{names[index + 1]}", Input).focus()
        else:
            self.action_submit()

    def action_submit(self) -> None:
        self._clear_errors()
        values = self.values()
        self.app.run_write(lambda services: self.submit_fn(services, values), on_done=self.dismiss, on_error=self.show_error)

    def action_cancel(self) -> None:
        self.dismiss(None)

    def show_error(self, message: str, field: str | None = None) -> None:
        target = f"#error-{field}" if field and any(s.name == field for s in self.fields) else "#form-error"
        self.query_one(target, Static).update(Text(safe_terminal(message)))
        if target != "#form-error":
            self.query_one(f"#field-{field}", Input).focus()

    def _clear_errors(self) -> None:
        for widget in self.query(".field-error, .form-error"):
            widget.update("")

"""`ctrl+e`: write the report shown on screen to a file, in the same formats as `prodcom report`."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from prodcom_tui.domain.errors import InputError

from .form import FieldSpec, FormScreen

FORMATS = ("md", "html", "json", "txt")


def default_path(day: date, fmt: str) -> str:
    return str(Path("~") / f"prodcom-report-{day.isoformat()}.{fmt}")


def export_form(day: date) -> FormScreen:
    first = default_path(day, "html")
    fields = [
        FieldSpec("format", "Format", "html", "md, html, json or txt"),
        FieldSpec("path", "File", first, "where to write it (the folder must exist)"),
    ]

    def submit(services, values: dict[str, str]) -> Path:  # noqa: ANN001
        fmt = values["format"].strip().lower()
        if fmt not in FORMATS:
            raise InputError(f"{fmt!r} is not a format: type md, html, json or txt", field="format")
        raw = values["path"].strip() or first
        # Left at the suggestion: follow the chosen format's extension.
        path = default_path(day, fmt) if raw == first else raw
        try:
            return services.report.export(Path(path), fmt, day)
        except InputError as exc:
            raise exc.with_field("path") if exc.field == "output" else exc from None

    return FormScreen(f"Export the report of {day:%a %d %b %Y}", fields, submit,
                      hint="Written atomically with mode 0600, the same content as `prodcom report`. ctrl+s writes, esc cancels.")

"""Import expenses from a CSV: preview first (a dry run), then all rows or none."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Input, Label, Static

from prodcom_tui.domain.afternoon import ImportPreview
from prodcom_tui.domain.money import format_money

from ..format import plain


def preview_table(p: ImportPreview) -> Table:
    grid = Table.grid(padding=(0, 2))
    grid.add_column(style="bold")
    grid.add_column()
    grid.add_row("Read", Text(f"{p.read} rows ({'; '.join(p.notes)})"))
    grid.add_row("Columns", plain(", ".join(f"{field} ← {header}" for field, header in p.columns.items())))
    grid.add_row("New", Text(f"{p.new} expenses, total {format_money(p.total)}", style="bold"))
    grid.add_row("Already there", Text(f"{p.already} (skipped)"))
    for day, amount, line, description in p.sample:
        grid.add_row("", plain(f"{day:%d/%m/%Y}  {format_money(amount):>13}  {line}  {description}"))
    return grid


class ImportScreen(ModalScreen[str | None]):
    BINDINGS = [
        Binding("ctrl+r", "preview", "Preview", id="import.preview", tooltip="Check the file and show what would be imported"),
        Binding("ctrl+s", "import_now", "Import", id="import.run", tooltip="Import every row (only after a clean preview)"),
        Binding("escape", "dismiss(None)", "Cancel", id="import.cancel", tooltip="Close without importing"),
    ]
    DEFAULT_CSS = """
    ImportScreen { align: center middle; }
    ImportScreen > Vertical { width: 95%; max-width: 120; height: auto; max-height: 95%; border: thick $accent; background: $surface; padding: 0 1; }
    ImportScreen Label { color: $text-muted; }
    ImportScreen VerticalScroll { height: auto; max-height: 16; }
    ImportScreen #import-error { color: $error; }
    ImportScreen #import-keys { color: $text-muted; margin-top: 1; }
    """

    def __init__(self, project: str = "") -> None:
        super().__init__()
        self.project = project
        self.previewed: tuple[str, str, str] | None = None  # the inputs the last clean preview was made from

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(Text("Import expenses from a CSV file", style="bold"))
            yield Label("File")
            yield Input(placeholder="~/Downloads/releve.csv", id="import-file")
            yield Label("Project for rows that do not name one")
            yield Input(self.project, placeholder="#CODE", id="import-project")
            yield Label("Column map (optional)")
            yield Input(placeholder="Gross=amount Date=date", id="import-map")
            with VerticalScroll():
                yield Static("", id="import-preview")
                yield Static("", id="import-error")
            yield Static(Text("enter / ctrl+r preview · ctrl+s import after the preview · esc cancel"), id="import-keys")

    def on_mount(self) -> None:
        self.query_one("#import-file", Input).focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_preview()

    def _inputs(self) -> tuple[str, str, str]:
        return tuple(self.query_one(f"#import-{n}", Input).value.strip() for n in ("file", "project", "map"))  # type: ignore[return-value]

    def action_preview(self) -> None:
        self.previewed = None
        self.query_one("#import-error", Static).update("")
        self.query_one("#import-preview", Static).update(Text("Checking every row…", style="dim"))
        self._check(self._inputs())

    @work(thread=True, exclusive=True)
    def _check(self, inputs: tuple[str, str, str]) -> None:
        from prodcom_tui.domain.errors import InputError
        from prodcom_tui.io.csv_columns import parse_map

        path, project, mapping = inputs
        try:
            if not path:
                raise InputError("type the path of the CSV file first", field="file")
            preview = self.app.services.expenses.import_csv(path, project=project, mapping=parse_map(mapping.split()),
                                                           dry_run=True)
        except Exception as exc:  # noqa: BLE001 - one message; unexpected ones are logged by describe()
            self.app.call_from_thread(self._failed, self.app.describe(exc))
            return
        self.app.call_from_thread(self._previewed, inputs, preview)

    def _previewed(self, inputs: tuple[str, str, str], preview: ImportPreview) -> None:
        self.previewed = inputs
        self.query_one("#import-preview", Static).update(preview_table(preview))

    def _failed(self, message: str) -> None:
        self.query_one("#import-preview", Static).update("")
        self.query_one("#import-error", Static).update(Text(message))

    def action_import_now(self) -> None:
        from prodcom_tui.io.csv_columns import parse_map

        inputs = self._inputs()
        if inputs != self.previewed:
            self._failed("preview first (enter): nothing is imported before a clean preview of exactly this file")
            return
        path, project, mapping = inputs
        self.app.run_write(
            lambda s: s.expenses.import_csv(path, project=project, mapping=parse_map(mapping.split())),
            on_done=lambda p: self.dismiss(f"{p.new} expenses imported ({format_money(p.total)}), {p.already} already there"),
            on_error=lambda message, field=None: self._failed(message),
        )

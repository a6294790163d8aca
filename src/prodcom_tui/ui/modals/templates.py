"""`t`: the retro-planning templates and their steps; `e` edits a step's title and lead time."""

from __future__ import annotations

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Static

from prodcom_tui.domain.planning import Template

from ..format import plain
from ..widgets.keytable import KeyTable
from .form import FieldSpec, FormScreen


class TemplatesScreen(ModalScreen[None]):
    BINDINGS = [
        Binding("escape,q", "dismiss", "Close", id="templates.close", tooltip="Close the templates"),
        Binding("e", "edit", "Edit step", id="templates.edit", tooltip="Edit the step under the cursor"),
    ]
    DEFAULT_CSS = """
    TemplatesScreen { align: center middle; }
    TemplatesScreen > Vertical { width: 90%; max-width: 110; height: 85%; border: thick $accent; background: $surface; padding: 0 1; }
    """

    def __init__(self) -> None:
        super().__init__()
        self.keys: list[tuple[int, int, str, int]] = []  # (template id, position, title, lead days) per row

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(Text("Planning templates — lead times in working days, 0 is a milestone", style="bold"))
            yield KeyTable(id="template-steps")
            yield Static(Text("e edit the step · esc close", style="dim"))

    def on_mount(self) -> None:
        self.query_one(KeyTable).add_columns("Template", "#", "Step", "Days", "Role")
        self.reload()

    @work(thread=True, exclusive=True)
    def reload(self) -> None:
        templates = self.app.services.planning.templates()
        self.app.call_from_thread(self._show, templates)

    def _show(self, templates: list[Template]) -> None:
        table = self.query_one(KeyTable)
        row = table.cursor_row
        table.clear()
        self.keys = [(t.id, i, s.title, s.lead_days) for t in templates for i, s in enumerate(t.steps, 1)]
        table.add_rows(
            (plain(t.name if i == 1 else ""), str(i), plain(s.title), Text(str(s.lead_days), justify="right"), plain(s.role))
            for t in templates for i, s in enumerate(t.steps, 1)
        )
        table.move_cursor(row=min(row, max(0, len(self.keys) - 1)))
        table.focus()

    def on_data_table_row_selected(self, event: KeyTable.RowSelected) -> None:
        event.stop()
        self.action_edit()

    def action_edit(self) -> None:
        if not self.keys:
            return
        tid, pos, title, lead = self.keys[self.query_one(KeyTable).cursor_row]
        fields = [FieldSpec("title", "Step", title), FieldSpec("lead_days", "Lead time (working days)", str(lead), "0 or more")]
        form = FormScreen(f"Edit step {pos}", fields, lambda s, v: s.planning.update_step(tid, pos, v["title"], v["lead_days"]))
        self.app.push_screen(form, lambda _: self.reload())

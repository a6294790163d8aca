"""Mode 3, the evening: what moved, how each project stands, the risk register, exports and planning."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import DataTable, Header, Static

from prodcom_tui.domain.errors import UserFacingError

from ..modals.charts import ChartScreen
from ..modals.export import export_form
from ..modals.holidays import HolidaysScreen
from ..modals.override import override_form
from ..modals.plan import PlanPreviewScreen, plan_form
from ..modals.risk_detail import RiskDetailScreen
from ..modals.risk_form import risk_form
from ..modals.slip import confirm_shift, move_form
from ..modals.templates import TemplatesScreen
from ..widgets.heat_map import HeatMap
from ..widgets.key_bar import KeyBar
from ..widgets.keytable import KeyTable
from . import evening_rows as rows
from .base import DataScreen
from .evening_commands import EveningCommands


def _b(key: str, action: str, text: str, bid: str, tip: str, show: bool = True) -> Binding:
    return Binding(key, action, text, id=f"evening.{bid}", tooltip=tip, show=show)


WHO_WIDTH = 14  # a first name and most surnames, longer ones cut; #next-pane's min-width (evening.tcss) counts it


class EveningScreen(DataScreen):
    CSS_PATH = "evening.tcss"
    COMMANDS = DataScreen.COMMANDS | {EveningCommands}
    BINDINGS = [
        _b("left_square_bracket", "day(-1)", "Day before", "prev_day", "Show the report of the day before"),
        _b("right_square_bracket", "day(1)", "Day after", "next_day", "Show the report of the day after (up to today)"),
        _b("ctrl+e", "export", "Export", "export", "Write this report to a file (md, html, json, txt)"),
        _b("o", "override", "Status", "override", "Set the selected project's status by hand, with a comment"),
        _b("c", "charts", "Charts", "charts", "Burndown and spend against the estimate for the selected project"),
        _b("n", "new_risk", "New risk", "risk_new", "Add a risk to the register"),
        _b("e", "edit_risk", "Edit risk", "risk_edit", "Edit the risk under the cursor"),
        _b("p", "plan", "Plan project", "plan", "Plan a new project backwards from its delivery date"),
        _b("t", "templates", "Templates", "templates", "Edit the planning templates' steps and lead times", show=False),
        _b("h", "holidays", "Holidays", "holidays", "The days off that plans skip (French list by default)", show=False),
        _b("m", "move_task", "Move task", "move_task", "Move the selected next task; offers to shift its dependants"),
        _b("r", "toggle_risks", "Risks/projects", "toggle_risks", "On a small terminal, switch between projects and risks"),
    ]
    # Below this many columns the two halves take turns instead of sharing the width. At 110-119 the
    # Next table's 47 cells (evening.tcss) left What moved 21-30 cells, every line wrapped.
    NARROW = 120

    def __init__(self) -> None:
        super().__init__()
        self.day: date | None = None
        self.data: rows.EveningData | None = None
        self.pending: tuple[str, int] | None = None

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(id="report-title")
        with Horizontal(id="evening-body"):
            with Vertical(id="evening-left"):
                yield Static("Projects", classes="pane-title")
                yield KeyTable(id="projects")
                with Horizontal(id="evening-bottom"):
                    with Vertical(id="moved-pane"):
                        yield Static(id="why")
                        yield Static("What moved", classes="pane-title")
                        with VerticalScroll(id="moved-scroll"):
                            yield Static(id="moved")
                    with Vertical(id="next-pane"):
                        yield Static("Next", classes="pane-title", id="next-title")
                        yield KeyTable(id="tomorrow")
            with Vertical(id="evening-right"):
                yield Static("Risks — likelihood × impact", classes="pane-title")
                yield HeatMap(id="heat")
                yield KeyTable(id="risks")
        yield Static(id="totals")
        yield KeyBar()

    def on_mount(self) -> None:
        # Fixed widths keep the code and the status whole when a small terminal squeezes the table; the
        # decisions take the width left, cut with an ellipsis (the panel below shows them whole).
        self.query_one("#projects", KeyTable).flex_columns(
            [("Project", 16), ("Status", 13), ("Tasks", None), ("Deliv.", None), ("Budget burn", None),
             ("Risks", None), ("Decisions needed", None)], flex="Decisions needed")
        risks = self.query_one("#risks", KeyTable)
        risks.add_column("Score")
        risks.add_column("Risk", width=26)  # titles run long: the detail (enter) shows them whole
        # Fixed as well: auto widths follow the rows only once DataTable has measured them, a refresh
        # after they arrive, and until then codes showed cut to "NORMA-…" (caught by the snapshot test).
        for label, width in (("Project", 15), ("Owner", 13), ("Status", 10), ("Review", 10)):
            risks.add_column(label, width=width)
        risks.add_column("Mitigation", width=30)
        risks.add_column("Contingency", width=30)
        # The task takes the width left and ends in an ellipsis, its project and priority inside it: five
        # columns ran to ~90 cells in a pane of 40-65, and the table scrolled sideways at every size.
        self.query_one("#tomorrow", KeyTable).flex_columns([("Due", None), ("Task", None), ("Who", WHO_WIDTH)],
                                                           flex="Task")

    def on_resize(self) -> None:
        self.set_class(self.size.width < self.NARROW, "narrow")

    def action_toggle_risks(self) -> None:
        self.toggle_class("show-risks")
        target = "#risks" if self.has_class("show-risks") else "#projects"
        self.query_one(target, KeyTable).focus()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """The risks/projects switch only matters on a small terminal."""
        if action == "toggle_risks":
            return self.has_class("narrow")
        return True

    # --- data ------------------------------------------------------------------------------

    def fetch(self, services: Any) -> rows.EveningData:
        day = self.day or services.clock.today()
        try:
            report, message = services.report.day_report(day), ""
        except UserFacingError as exc:
            report, message = None, str(exc)
        return rows.EveningData(day, report, message, services.risks.register(), services.risks.heat())

    def show(self, data: rows.EveningData) -> None:
        self.data, today = data, self.app.today
        self.query_one("#report-title", Static).update(rows.title_text(data, today))
        self.query_one(HeatMap).set_counts(data.heat)
        self._fill("#risks", [rows.risk_row(r, today) for r in data.risks])
        report = data.report
        if report is None:
            self._fill("#projects", [])
            self._fill("#tomorrow", [])
            self.query_one("#moved", Static).update(Text(data.message, style="bold"))
            self.query_one("#totals", Static).update("")
        else:
            self._fill("#projects", [rows.project_row(p) for p in report.projects])
            self._fill("#tomorrow", [rows.next_row(t, today) for t in report.tomorrow])
            self.query_one("#moved", Static).update(rows.moved_text(report))
            self.query_one("#next-title", Static).update(f"Next — due by {report.next_day:%a %d %b}")
            self.query_one("#totals", Static).update(rows.totals_text(report))
        self._show_why()
        if self.pending is not None:
            self.focus_item(*self.pending)

    def _fill(self, selector: str, items: list[tuple]) -> None:
        self.query_one(selector, KeyTable).fill(items)

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        if event.data_table.id == "projects":
            self._show_why()

    def _show_why(self) -> None:
        projects = list(self.data.report.projects) if self.data and self.data.report else []
        self.query_one("#why", Static).update(rows.why_text(self._selected("#projects", projects)))

    def focus_item(self, target: str, item_id: int) -> None:
        """Put the cursor on a risk (a morning roadblock's enter lands here); waits for the data if needed."""
        if target != "risk":
            return
        if self.data is None:
            self.pending = (target, item_id)
            return
        self.pending = None
        ids = [r.id for r in self.data.risks]
        if item_id in ids:
            table = self.query_one("#risks", KeyTable)
            table.move_cursor(row=ids.index(item_id))
            table.focus()
        else:
            self.app.notify("That risk is closed or no longer on a live project.", severity="warning")

    # --- selection helpers -----------------------------------------------------------------

    def _selected(self, selector: str, items: list) -> Any:
        table = self.query_one(selector, KeyTable)
        if not items or table.row_count == 0:
            return None
        return items[min(table.cursor_row, len(items) - 1)]

    def _project(self):  # noqa: ANN202
        projects = list(self.data.report.projects) if self.data and self.data.report else []
        found = self._selected("#projects", projects)
        if found is None:
            self.app.notify("No project to act on for this day.", severity="warning")
        return found

    def _risk(self):  # noqa: ANN202
        found = self._selected("#risks", self.data.risks if self.data else [])
        if found is None:
            self.app.notify("The register is empty: n adds a risk.", severity="warning")
        return found

    # --- actions ---------------------------------------------------------------------------

    def action_day(self, step: int) -> None:
        current = self.day or self.app.today
        target = current + timedelta(days=step)
        if target > self.app.today:
            self.app.notify("That is the future: the report stops at today.", severity="warning")
            return
        self.day = target
        self.reload()

    def action_export(self) -> None:
        day = self.day or self.app.today
        self.app.push_screen(export_form(day), self._exported)

    def _exported(self, path: Any) -> None:
        if path is not None:
            self.app.notify(f"Report written to {path}")

    def action_override(self) -> None:
        project = self._project()
        if project is not None:
            self.run_worker(lambda: self._open_override(project), thread=True, exclusive=True, group="modal")

    def _open_override(self, project) -> None:  # noqa: ANN001
        history = self.app.services.report.health_history(project.id)
        self.app.call_from_thread(self.app.push_screen, override_form(project, history))

    def action_charts(self) -> None:
        project = self._project()
        if project is not None:
            self.app.push_screen(ChartScreen(project.id, f"{project.code} — {project.name}", project.currency))

    def action_new_risk(self) -> None:
        project = self._selected("#projects", list(self.data.report.projects) if self.data and self.data.report else [])
        self.app.push_screen(risk_form(None, project.code if project else ""))

    def action_edit_risk(self) -> None:
        risk = self._risk()
        if risk is not None:
            self.app.push_screen(risk_form(risk))

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        if event.data_table.id == "risks" and (risk := self._risk()) is not None:
            self.app.push_screen(RiskDetailScreen(risk), lambda choice: self._after_detail(choice, risk))
        elif event.data_table.id == "projects":
            self.action_charts()

    def _after_detail(self, choice: str | None, risk) -> None:  # noqa: ANN001
        if choice == "edit":
            self.app.push_screen(risk_form(risk))

    def action_plan(self) -> None:
        self.run_worker(self._open_plan, thread=True, exclusive=True, group="modal")

    def _open_plan(self) -> None:
        templates = self.app.services.planning.templates()
        self.app.call_from_thread(self.app.push_screen, plan_form(templates), self._previewed)

    def _previewed(self, draft: Any) -> None:
        if draft is not None:
            self.app.push_screen(PlanPreviewScreen(draft, self.app.today), lambda ok: self._create_plan(ok, draft))

    def _create_plan(self, ok: bool | None, draft: Any) -> None:
        if ok:
            self.app.run_write(lambda s: s.planning.create(draft),
                               on_done=lambda _: self.app.notify(f"{draft.code} created with {len(draft.plan.steps)} tasks"))

    def action_templates(self) -> None:
        self.app.push_screen(TemplatesScreen())

    def action_holidays(self) -> None:
        self.app.push_screen(HolidaysScreen())

    def action_move_task(self) -> None:
        tasks = list(self.data.report.tomorrow) if self.data and self.data.report else []
        task = self._selected("#tomorrow", tasks)
        if task is None:
            self.app.notify("No task due next: nothing to move.", severity="warning")
            return
        self.app.push_screen(move_form(task), self._slip_previewed)

    def _slip_previewed(self, draft: Any) -> None:
        if draft is None:
            return
        moved = lambda n: self.app.notify(f"Moved {n} task{'s' if n != 1 else ''} (u undoes)")  # noqa: E731
        if draft.dependants:
            confirm_shift(self.app, draft, moved)  # the same question as the morning's `d`
        else:
            self.app.run_write(lambda s: s.planning.move_task(draft, False), on_done=moved)

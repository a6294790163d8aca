"""The budget pane's table: per project, its lines (estimate → forecast) and a total; overruns marked ▲ and red."""

from __future__ import annotations

from rich.text import Text
from textual.widgets.data_table import RowDoesNotExist

from prodcom_tui.domain.afternoon import ProjectBudget
from prodcom_tui.domain.budget import LineFigures, Totals
from prodcom_tui.domain.money import Money

from ..format import money, plain
from .keytable import KeyTable

STATE = {"over": ("▲ over", "bold red"), "warn": ("△ 90%", "yellow"), "ok": ("", "")}
MONEY = 12  # "123 456,78 €"


def _money(value: Money, style: str = "") -> Text:
    return money(value, style or ("dim" if value.minor == 0 else ""))


def _variance(f: LineFigures | Totals) -> Text:
    if f.variance_pct is None:
        return Text("—", style="dim", justify="right")
    return Text(f"{f.variance_pct:+.0f}%", style=STATE[f.state][1], justify="right")


# (label, width, cell); the narrow set keeps what a producer decides on: estimate, spent, forecast, variance.
ALL_COLUMNS = {
    "Estimate": (MONEY, lambda f: _money(f.estimate)),
    "Committed": (MONEY, lambda f: _money(f.committed)),
    "Actual": (MONEY, lambda f: _money(f.actual)),
    "Remaining": (MONEY, lambda f: _money(f.remaining, STATE[f.state][1])),
    "Forecast": (MONEY, lambda f: _money(f.forecast, STATE[f.state][1])),
    "Var.": (5, _variance),
    "": (6, lambda f: Text(STATE[f.state][0], style=STATE[f.state][1])),
}
NARROW = ("Estimate", "Actual", "Forecast", "Var.", "")
WIDE = tuple(ALL_COLUMNS)
FULL_WIDTH = 106  # cells needed by every column with a 16-cell line name


class BudgetTable(KeyTable):
    """Row keys: `line-<id>` for lines, `project-<id>` and `total-<id>` around them."""

    def on_mount(self) -> None:
        self.shape: tuple[tuple[str, ...], int] = ((), 0)
        self.contexts: dict[str, tuple[str, str]] = {}  # row key -> (project code, line name) to prefill forms

    def show(self, projects: list[ProjectBudget], width: int) -> None:
        """Fill the table; `width` (the cells available) decides which columns fit."""
        key = self.current_key()
        names = WIDE if width >= FULL_WIDTH else NARROW
        line_width = max(16, min(34, width - sum(ALL_COLUMNS[n][0] + 2 for n in names) - 4))
        shape = (names, line_width)
        self.clear(columns=shape != self.shape)
        if shape != self.shape:
            self.shape = shape
            self.add_column("Line", width=line_width)
            for name in names:
                self.add_column(Text(name, justify="right"), width=ALL_COLUMNS[name][0])
        self.contexts = {}
        for p in projects:
            title = plain(f"{p.code} — {p.name}", "bold")
            self.add_row(title, *[Text("")] * len(self.shape[0]), key=f"project-{p.project_id}")
            self.contexts[f"project-{p.project_id}"] = self.contexts[f"total-{p.project_id}"] = (p.code, "")
            for line in p.lines:
                label = plain(f"  {line.name}", "italic" if line.is_contingency else "")
                if line.is_contingency and "conting" not in line.name.lower():
                    label.append(" (contingency)", style="dim")
                self.add_row(label, *self._cells(line), key=f"line-{line.id}")
                self.contexts[f"line-{line.id}"] = (p.code, line.name)
            self.add_row(Text("  Total", style="bold"), *self._cells(p.totals), key=f"total-{p.project_id}")
        if key:
            self.move_to(key)

    def _cells(self, f: LineFigures | Totals) -> list[Text]:
        return [ALL_COLUMNS[name][1](f) for name in self.shape[0]]

    def current_key(self) -> str | None:
        if not self.row_count:
            return None
        return self.coordinate_to_cell_key(self.cursor_coordinate).row_key.value

    def move_to(self, key: str) -> bool:
        try:
            self.move_cursor(row=self.get_row_index(key))
        except RowDoesNotExist:  # the row is gone (deleted, or its project no longer live): stay put
            return False
        return True

    def context(self) -> tuple[str, str]:
        return self.contexts.get(self.current_key() or "", ("", ""))

    def current_line_id(self) -> int | None:
        key = self.current_key() or ""
        return int(key.split("-")[1]) if key.startswith("line-") else None

    def current_project_id(self) -> int | None:
        key = self.current_key() or ""
        return int(key.split("-")[1]) if key.startswith(("project-", "total-")) else None

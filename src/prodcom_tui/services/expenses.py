"""Expenses: typed one by one, imported from a bank's CSV (all or nothing, never twice), exported for a spreadsheet."""

from __future__ import annotations

import uuid
from pathlib import Path

from sqlmodel import select

from prodcom_tui.domain.afternoon import ExpenseRow, ImportPreview
from prodcom_tui.domain.errors import InputError
from prodcom_tui.domain.money import Money, format_minor_plain
from prodcom_tui.domain.text import clean_text
from prodcom_tui.store.models import BudgetLine, Expense, Project, Vendor

from .base import ServiceBase, like
from .expense_import import plan_import
from .lookups import amount_in, budget_line, date_in, project_id, vendor_id
from .reading import TextSource, day, like_any, names_like

# The list is read in plain SQL: building ORM objects for each window of 200 rows cost three times the query,
# on a worker thread that holds the GIL the UI loop needs for the next key.
COLUMNS = "e.id, e.spent_on, e.amount_minor, e.currency, p.code, bl.name, v.name, e.description, e.invoice_ref"
ORDER = "e.spent_on DESC, e.id DESC"
ALL = ("FROM expense e JOIN budgetline bl ON bl.id = e.budget_line_id JOIN project p ON p.id = bl.project_id "
       "LEFT JOIN vendor v ON v.id = e.vendor_id")
# Project, line and vendor are matched in their own small tables, not on each joined row (services/reading.py).
FILTER = like_any(("e.description", "e.invoice_ref"), names_like("e.vendor_id", "vendor", ("name",)),
                  names_like("e.budget_line_id", "budgetline", ("name",), names_like("budgetline.project_id", "project", ("code",))))


def _query():  # noqa: ANN202
    return (select(Expense, Project.code, BudgetLine.name, Vendor.name)
            .join(BudgetLine, BudgetLine.id == Expense.budget_line_id).join(Project, Project.id == BudgetLine.project_id)
            .outerjoin(Vendor, Vendor.id == Expense.vendor_id))


class ExpenseService(ServiceBase):
    def source(self) -> TextSource:
        """Every expense, newest first; the filter matches project, line, vendor, description or invoice."""

        def build(text: str) -> tuple[str, dict]:
            return (f"{ALL} WHERE {FILTER}", {"pattern": like(text)}) if text else (ALL, {})

        return TextSource(self.store, COLUMNS, ORDER, build, _row)

    def create(self, values: dict[str, str]) -> int:
        """Record one invoice or receipt against a budget line; nothing is saved if any field is wrong."""
        amount = amount_in(values.get("amount", ""))
        if amount == 0:
            raise InputError("the amount is zero: type what was spent, like 1 234,56", field="amount")
        spent_on = date_in(values.get("date", "") or "today", self.today)
        description = clean_text(values.get("description", ""), field="description", max_len=200)
        ref = clean_text(values.get("invoice_ref", ""), field="invoice_ref", max_len=60)
        with self.store.writing("expense.create", f"Expense recorded: {description or ref or amount}") as s:
            line = budget_line(s, project_id(s, values.get("project", "")), values.get("line", ""))
            expense = Expense(budget_line_id=line.id, vendor_id=vendor_id(s, values.get("vendor", ""), required=False),
                              amount_minor=amount, currency=line.currency, spent_on=spent_on, description=description,
                              invoice_ref=ref, import_key=f"typed:{uuid.uuid4().hex}", created_at=self.store.clock.now())
            s.add(expense)
            s.flush()
            return int(expense.id)

    def import_csv(self, path: Path | str, *, project: str = "", mapping: dict[str, str] | None = None,
                   dry_run: bool = False) -> ImportPreview:
        """Read, check every row, then write them all in one undoable transaction (or, on a dry run, nothing)."""
        from prodcom_tui.io.csv_expenses import read_expenses

        path = Path(path).expanduser()
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise InputError(f"cannot read {path}: {exc.strerror or exc}", field="file") from None
        parsed = read_expenses(data, mapping, file=path.name)
        if dry_run:
            with self.store.reading() as s:
                return plan_import(s, parsed, project, path.name, self.store.clock.now())[0]
        from .system import SystemService

        SystemService(self.store).backup("before import")  # an import is the change most worth being able to take back
        with self.store.writing("import.expenses", f"Expenses imported from {path.name}") as s:
            preview, expenses = plan_import(s, parsed, project, path.name, self.store.clock.now())
            s.add_all(expenses)
            preview.written = True
        return preview

    def export_rows(self) -> list[tuple[str, ...]]:
        """Every expense as CSV cells, oldest first (the order a spreadsheet sums them in)."""
        with self.store.reading() as s:
            rows = s.exec(_query().order_by(Expense.spent_on, Expense.id)).all()
        return [(e.spent_on.isoformat(), format_minor_plain(e.amount_minor, e.currency), e.currency, code, line,
                 vendor or "", e.description, e.invoice_ref, e.import_key or f"id:{e.id}") for e, code, line, vendor in rows]


def _row(row: tuple) -> ExpenseRow:
    eid, spent_on, amount, currency, code, line, vendor, description, ref = row
    return ExpenseRow(eid, day(spent_on), Money(amount, currency), code, line, vendor or "", description, ref)

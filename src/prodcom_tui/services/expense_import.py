"""Turn checked CSV rows into expenses: find each row's project, budget line and vendor, skip rows already imported."""

from __future__ import annotations

from datetime import datetime

from sqlmodel import select

from prodcom_tui.domain.afternoon import ImportPreview
from prodcom_tui.domain.errors import InputError
from prodcom_tui.domain.money import Money
from prodcom_tui.io.csv_expenses import CsvError, CsvRow, ParsedCsv
from prodcom_tui.store.models import BudgetLine, Expense, Project, PurchaseOrder, Vendor

from .lookups import budget_line, project_id

CHUNK = 500  # keys looked up per query (SQLite's variable limit is far above)


def plan_import(s, parsed: ParsedCsv, project: str, file: str, now: datetime) -> tuple[ImportPreview, list[Expense]]:  # noqa: ANN001
    """The preview and the expenses to add; raises CsvError naming every row that cannot be placed."""
    preview = ImportPreview(file, parsed.columns, read=len(parsed.rows), notes=list(parsed.notes))
    known = _existing_keys(s, [r.key for r in parsed.rows]) | _existing_ids(s, parsed.rows)
    vendors = {name.casefold(): vid for vid, name in s.exec(select(Vendor.id, Vendor.name))}
    default_project = project_id(s, project) if project.strip() else None
    expenses, problems = [], []
    for row in parsed.rows:
        if row.key in known:
            preview.already += 1
            continue
        try:
            expenses.append(_expense(s, row, vendors, default_project, parsed, now))
        except InputError as exc:
            problems.append(f"line {row.line}: {exc}")
    if problems:
        raise CsvError(problems)
    preview.new = len(expenses)
    preview.total = sum((Money(e.amount_minor, e.currency) for e in expenses), Money.zero())
    preview.sample = [(e.spent_on, Money(e.amount_minor, e.currency), _line_name(s, e.budget_line_id), e.description)
                      for e in expenses[:8]]
    return preview, expenses


def _expense(s, row: CsvRow, vendors: dict[str, int], default_project: int | None, parsed: ParsedCsv,  # noqa: ANN001
             now: datetime) -> Expense:
    vendor = None
    if row.vendor:
        vendor = vendors.get(row.vendor.casefold())
        if vendor is None:
            column = parsed.columns.get("vendor", "vendor")
            raise InputError(f"column {column!r}: no vendor {row.vendor!r} in the directory: add it first, or empty the cell")
    line = _line(s, row, vendor, default_project, parsed)
    if row.currency and row.currency != line.currency:
        raise InputError(f"column {parsed.columns.get('currency')!r}: {row.currency} expense on a {line.currency} budget line: "
                         f"convert it first")
    return Expense(budget_line_id=line.id, vendor_id=vendor, amount_minor=row.amount_minor, currency=line.currency,
                   spent_on=row.spent_on, description=row.description, invoice_ref=row.invoice_ref, import_key=row.key,
                   created_at=now)


def _line(s, row: CsvRow, vendor: int | None, default_project: int | None, parsed: ParsedCsv) -> BudgetLine:  # noqa: ANN001
    """The row's line: named in the file, else the line this vendor has an order on, else the vendor's category, else contingency."""
    if row.project:
        pid = project_id(s, row.project)
    elif default_project is not None:
        pid = default_project
    else:
        raise InputError("no project: add a project column or choose one (--project CODE)")
    if row.budget_line:
        return budget_line(s, pid, row.budget_line)
    found = _line_of_vendor(s, pid, vendor) if vendor else None
    found = found or s.exec(select(BudgetLine).where(BudgetLine.project_id == pid, BudgetLine.is_contingency)).first()
    if found is None:
        raise InputError("no budget line: add a line column, or give the project a contingency line to book it on")
    return found


def _line_of_vendor(s, pid: int, vendor: int) -> BudgetLine | None:  # noqa: ANN001
    ordered = s.exec(select(BudgetLine).join(PurchaseOrder, PurchaseOrder.budget_line_id == BudgetLine.id)
                     .where(BudgetLine.project_id == pid, PurchaseOrder.vendor_id == vendor)).first()
    if ordered is not None:
        return ordered
    category = s.exec(select(Vendor.category).where(Vendor.id == vendor)).first()
    return s.exec(select(BudgetLine).where(BudgetLine.project_id == pid, BudgetLine.category == category)).first()


def _existing_keys(s, keys: list[str]) -> set[str]:  # noqa: ANN001
    found: set[str] = set()
    for i in range(0, len(keys), CHUNK):
        found.update(s.exec(select(Expense.import_key).where(Expense.import_key.in_(keys[i:i + CHUNK]))))
    return found


def _existing_ids(s, rows: list[CsvRow]) -> set[str]:  # noqa: ANN001
    """Keys `id:N` come from our own export of an expense typed without one: it is here if N still matches."""
    wanted = {int(r.key[3:]): r for r in rows if r.key.startswith("id:") and r.key[3:].isdigit()}
    found: set[str] = set()
    ids = list(wanted)
    for i in range(0, len(ids), CHUNK):
        for eid, day, amount in s.exec(select(Expense.id, Expense.spent_on, Expense.amount_minor)
                                       .where(Expense.id.in_(ids[i:i + CHUNK]))):
            row = wanted[eid]
            if row.spent_on == day and row.amount_minor == amount:
                found.add(row.key)
    return found


def _line_name(s, line_id: int) -> str:  # noqa: ANN001
    row = s.exec(select(Project.code, BudgetLine.name).join(Project, Project.id == BudgetLine.project_id)
                 .where(BudgetLine.id == line_id)).first()
    return f"{row[0]} · {row[1]}" if row else ""

"""Read a bank's or a payment service's CSV export into expense rows: all of them, or an error naming line and column.

Separator, encoding (UTF-8/16 with or without BOM, else Windows-1252) and decimal comma are detected; a
preamble above the header (account number, balance) is skipped; French and English headers are recognised.
"""

from __future__ import annotations

import csv
import hashlib
import io
import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, datetime

from prodcom_tui.domain.dates import make_date
from prodcom_tui.domain.errors import InputError
from prodcom_tui.domain.money import parse_amount
from prodcom_tui.domain.text import clean_text

from .csv_columns import is_usable, map_columns, unmapped_error

MAX_BYTES = 20 * 1024 * 1024
MAX_ERRORS = 5
HEADER_SCAN = 15  # lines looked at for the header row, past a bank's preamble
_DATE = re.compile(r"(\d{1,4})[/.\-](\d{1,2})[/.\-](\d{1,4})(?:[ T]\d{1,2}:\d{2}(?::\d{2})?.*)?")
_GUARDED = re.compile(r"^'(?=[=+\-@])")  # our own export's formula guard, taken off again


class CsvError(InputError):
    """Every problem found, each naming its line and column; str() shows the first few."""

    def __init__(self, problems: list[str]) -> None:
        more = f" (and {len(problems) - 3} more)" if len(problems) > 3 else ""
        super().__init__("nothing imported: " + "; ".join(problems[:3]) + more, field="file")
        self.problems = problems


@dataclass(frozen=True)
class CsvRow:
    line: int
    spent_on: date
    amount_minor: int  # positive: a cost; negative: a credit note or refund
    currency: str | None
    description: str
    vendor: str
    project: str
    budget_line: str
    invoice_ref: str
    key: str


@dataclass
class ParsedCsv:
    headers: list[str]
    columns: dict[str, str]  # field -> header
    rows: list[CsvRow] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def decode(data: bytes) -> tuple[str, str]:
    """(text, encoding name): a BOM decides, else UTF-8 if it decodes, else Windows-1252 (latin-1's superset)."""
    if len(data) > MAX_BYTES:
        raise InputError(f"the file is {len(data) // 1_000_000} MB: an expense export is expected under 20 MB", field="file")
    for bom, name in ((b"\xef\xbb\xbf", "utf-8-sig"), (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16")):
        if data.startswith(bom):
            return data.decode(name), name
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace"), "latin-1"


def sniff_delimiter(lines: list[str]) -> str:
    """The separator that splits the first lines into the same, largest number of fields."""
    best, score = ",", (0, 0)
    for sep in (";", ",", "\t", "|"):
        counts = [len(next(csv.reader([ln], delimiter=sep))) for ln in lines if ln.strip()]
        if not counts:
            continue
        common, times = Counter(counts).most_common(1)[0]
        if common > 1 and (times, common) > score:
            best, score = sep, (times, common)
    return best


def read_expenses(data: bytes, mapping: dict[str, str] | None = None, *, file: str = "the file") -> ParsedCsv:
    text, encoding = decode(data)
    lines = text.splitlines()
    if not any(ln.strip() for ln in lines):
        raise InputError(f"{file} is empty: export the expenses again", field="file")
    sep = sniff_delimiter(lines[:HEADER_SCAN + 5])
    records = list(csv.reader(io.StringIO(text), delimiter=sep))
    start, index = _header(records, mapping or {}, file)
    headers = records[start]
    parsed = ParsedCsv(headers, {f: headers[i].strip().lstrip("\ufeff") for f, i in index.items()})
    parsed.notes.append(f"{encoding}, separator {sep!r}" + (f", {start} line(s) above the header skipped" if start else ""))
    body = [(start + 2 + n, rec) for n, rec in enumerate(records[start + 1:]) if any(c.strip() for c in rec)]
    parsed.rows = _rows(body, headers, index, _month_first(body, index))
    if _flip_signs(parsed.rows, index):
        parsed.rows = [_negated(r) for r in parsed.rows]
        parsed.notes.append("most amounts were negative (money out): read as costs")
    return parsed


def _header(records: list[list[str]], mapping: dict[str, str], file: str) -> tuple[int, dict[str, int]]:
    for i, rec in enumerate(records[:HEADER_SCAN]):
        try:
            index = map_columns(rec, mapping)
        except InputError:
            continue
        if is_usable(index):
            return i, index
    first = next((r for r in records if any(c.strip() for c in r)), [])
    if mapping:
        map_columns(first, mapping)  # raises, naming the column that is not there
    raise unmapped_error(first, map_columns(first, {}), file)


def _rows(body: list[tuple[int, list[str]]], headers: list[str], index: dict[str, int], month_first: bool) -> list[CsvRow]:
    rows, problems, seen = [], [], Counter()
    for line, rec in body:
        try:
            row = _row(line, rec, headers, index, month_first)
        except InputError as exc:
            problems.append(str(exc))
            if len(problems) >= MAX_ERRORS:
                break
            continue
        seen[row.key] += 1
        # Two identical rows in one file are two real purchases: the occurrence number tells them apart.
        rows.append(row if seen[row.key] == 1 else _with_key(row, f"{row.key}#{seen[row.key]}"))
    if problems:
        raise CsvError(problems)
    if not rows:
        raise InputError("the file has a header but no expense rows", field="file")
    return rows


def _row(line: int, rec: list[str], headers: list[str], index: dict[str, int], month_first: bool) -> CsvRow:
    def cell(name: str) -> str:
        i = index.get(name)
        return _GUARDED.sub("", rec[i].strip()) if i is not None and i < len(rec) else ""

    def where(name: str) -> str:
        return f"line {line}, column {headers[index[name]].strip().lstrip(chr(0xFEFF))!r}"

    if len(rec) < len(headers) and len(rec) <= max(index.values()):
        raise InputError(f"line {line} has {len(rec)} fields where the header has {len(headers)}: a separator is missing or extra")
    currency = cell("currency").upper() or None
    try:
        spent_on = _date(cell("date"), month_first)
    except InputError as exc:
        raise InputError(f"{where('date')}: {exc}") from None
    amount = _amount(cell, where, [n for n in ("amount", "debit", "credit") if n in index], currency)
    texts = {f: _text(cell(f), f, where) for f in ("description", "vendor", "project", "line", "invoice_ref")}
    key = cell("key") or fingerprint(spent_on, amount, texts["description"], texts["vendor"], texts["invoice_ref"])
    return CsvRow(line, spent_on, amount, currency, texts["description"], texts["vendor"], texts["project"],
                  texts["line"], texts["invoice_ref"], key[:64])


def _amount(cell, where, present: list[str], currency: str | None) -> int:  # noqa: ANN001
    """Minor units; a debit column is a cost, a credit column a refund, whatever sign the bank wrote."""
    parts = [(name, cell(name)) for name in present if cell(name)]
    if not parts:
        raise InputError(f"{where(present[0])}: the amount is empty")
    if "amount" in present:
        parts = [(n, v) for n, v in parts if n == "amount"] or parts
    elif len(parts) > 1:
        raise InputError(f"{where('debit')}: both a debit and a credit on one line: keep one of them")
    name, raw = parts[0]
    try:
        money = parse_amount(raw, currency if currency and len(currency) == 3 else None, allow_negative=True)
    except InputError as exc:
        raise InputError(f"{where(name)}: {exc}") from None
    if money.minor == 0:
        raise InputError(f"{where(name)}: the amount is zero")
    if name == "amount":
        return money.minor
    return abs(money.minor) if name == "debit" else -abs(money.minor)


def _text(value: str, name: str, where) -> str:  # noqa: ANN001
    limit = {"description": 200, "vendor": 120, "project": 30, "line": 120, "invoice_ref": 60}[name]
    try:
        return clean_text(value, field=name, max_len=limit)
    except InputError as exc:
        raise InputError(f"{where(name)}: {exc}") from None


def _date(raw: str, month_first: bool) -> date:
    shown = repr(raw)
    if not raw:
        raise InputError("the date is empty")
    match = _DATE.fullmatch(raw)
    if match is None:
        raise InputError(f"{shown} is not a date: expected 2026-11-03, 03/11/2026 or 03.11.2026")
    a, b, c = match.groups()
    if len(a) == 4:
        return make_date(int(a), int(b), int(c), shown)
    year = int(c) + 2000 if len(c) == 2 else int(c)
    day, month = (int(b), int(a)) if month_first else (int(a), int(b))
    return make_date(year, month, day, shown)


def _month_first(body: list[tuple[int, list[str]]], index: dict[str, int]) -> bool:
    """An American export (mm/dd/yyyy) shows itself by a second number above 12 and never a first one."""
    if "date" not in index:
        return False
    pairs = [m.groups()[:2] for _, rec in body if len(rec) > index["date"]
             and (m := _DATE.fullmatch(rec[index["date"]].strip())) and len(m.group(1)) <= 2]
    return any(int(b) > 12 for _, b in pairs) and not any(int(a) > 12 for a, _ in pairs)


def _flip_signs(rows: list[CsvRow], index: dict[str, int]) -> bool:
    """A statement writes money out as negative: when most amounts are negative, those are the costs."""
    if "amount" not in index:
        return False
    negative = sum(1 for r in rows if r.amount_minor < 0)
    return negative * 2 > len(rows)


def _negated(row: CsvRow) -> CsvRow:
    return CsvRow(row.line, row.spent_on, -row.amount_minor, row.currency, row.description, row.vendor, row.project,
                  row.budget_line, row.invoice_ref, row.key)


def _with_key(row: CsvRow, key: str) -> CsvRow:
    return CsvRow(row.line, row.spent_on, row.amount_minor, row.currency, row.description, row.vendor, row.project,
                  row.budget_line, row.invoice_ref, key[:64])


def fingerprint(spent_on: date, amount: int, description: str, vendor: str, ref: str) -> str:
    """A row's identity, so the same export imported twice adds nothing the second time."""
    raw = "|".join((spent_on.isoformat(), str(amount), description.casefold(), vendor.casefold(), ref.casefold()))
    return "csv:" + hashlib.sha256(raw.encode()).hexdigest()[:40]

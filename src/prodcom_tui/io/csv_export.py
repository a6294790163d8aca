"""Expenses out to CSV that a spreadsheet opens safely: no cell can start a formula."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from pathlib import Path

from .atomic import write_atomic

HEADER = ("date", "amount", "currency", "project", "line", "vendor", "description", "invoice_ref", "key")
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def guard(cell: str) -> str:
    """A leading quote makes Excel and LibreOffice show `=HYPERLINK(…)` as text instead of running it."""
    return "'" + cell if cell.startswith(_FORMULA_START) else cell


def render(rows: Iterable[tuple[str, ...]]) -> str:
    """CSV text; the amount column (index 1) is our own plain number, every other cell is guarded."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(HEADER)
    for row in rows:
        writer.writerow([cell if i == 1 else guard(cell) for i, cell in enumerate(row)])
    return out.getvalue()


def write(path: Path, rows: Iterable[tuple[str, ...]]) -> Path:
    """Written atomically, mode 0600, with a BOM so Excel reads the accents as UTF-8."""
    return write_atomic(Path(path), "\ufeff" + render(rows))

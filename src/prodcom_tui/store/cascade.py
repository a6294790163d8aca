"""Rows the database itself changes when a row is deleted (ON DELETE CASCADE / SET NULL).

The ORM never sees them, so the change log records them before the flush: without this, undoing the
deletion of a project would bring the project back without its tasks, budget lines and expenses.
"""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import Connection, Table, select

from .models import metadata
from .rowimage import row_image as _image
from .rowimage import row_key as _key

SKIP_TABLES = {"changebatch", "changeentry"}


def dependent_entries(conn: Connection, table: Table, rows: list[dict[str, Any]], skip: set[tuple[str, str]]) -> list[dict]:
    """Change-log entries for what deleting `rows` of `table` will do to other tables, deepest first.

    `skip` holds (table, key) of rows the session deletes itself, so nothing is recorded twice.
    """
    entries: list[dict] = []
    for child in metadata.sorted_tables:
        if child.name in SKIP_TABLES:
            continue
        for fk in child.foreign_keys:
            action = (fk.ondelete or "").upper()
            if fk.column.table is not table or action not in ("CASCADE", "SET NULL"):
                continue
            values = [r[fk.column.name] for r in rows if r.get(fk.column.name) is not None]
            if values:
                entries += _follow(conn, child, fk.parent.name, values, action, skip)
    return entries


def _follow(conn: Connection, child: Table, column: str, values: list[Any], action: str, skip: set) -> list[dict]:
    found = [dict(r) for r in conn.execute(select(child).where(child.c[column].in_(values))).mappings()]
    found = [r for r in found if (child.name, _key(child, r)) not in skip]
    if not found:
        return []
    if action == "SET NULL":
        return [_entry(child, r, "update", after=dict(r, **{column: None})) for r in found]
    skip.update((child.name, _key(child, r)) for r in found)
    # Grandchildren first: undo replays entries newest first, so parents come back before their children.
    return dependent_entries(conn, child, found, skip) + [_entry(child, r, "delete") for r in found]


def _entry(table: Table, row: dict[str, Any], action: str, after: dict[str, Any] | None = None) -> dict:
    return {
        "table_name": table.name, "row_key": _key(table, row), "action": action,
        "before": json.dumps(_image(row)), "after": json.dumps(_image(after)) if after is not None else None,
    }

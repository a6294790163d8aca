"""How the change log writes a row: column values as JSON, dates as ISO text, the key as a JSON list."""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import Table


def jsonable(value: Any) -> Any:
    return value.isoformat() if hasattr(value, "isoformat") else value


def row_image(row: Any) -> dict[str, Any]:
    """A mapping of column name to value, ready for json.dumps."""
    return {name: jsonable(value) for name, value in row.items()}


def row_key(table: Table, row: Any) -> str:
    return json.dumps([jsonable(row[c.name]) for c in table.primary_key.columns])

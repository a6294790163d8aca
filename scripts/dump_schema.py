"""Write src/prodcom_tui/store/schema_head.sql: the schema the migrations build, as SQL text.

A new demo file loads it (store/schema.py) instead of running Alembic, which costs ~1.5 s of imports
and migrating. Run it after adding a migration; tests/unit/test_schema_head.py fails until you do:

    python scripts/dump_schema.py
"""

from __future__ import annotations

import sqlite3
import sys
import tempfile
from pathlib import Path

from prodcom_tui.store.migrate import migrate_new_file
from prodcom_tui.store.schema import HEAD_SQL, render


def migrated_entries(path: Path) -> tuple[list[str], str]:
    """Every CREATE statement in the order SQLite recorded it (parents before children), and the revision."""
    migrate_new_file(path)  # the real migrations (open_store would take the dump this script writes)
    conn = sqlite3.connect(path)
    try:
        sqls = [sql for (sql,) in conn.execute("SELECT sql FROM sqlite_master WHERE sql IS NOT NULL ORDER BY rowid")]
        (revision,) = conn.execute("SELECT version_num FROM alembic_version").fetchone()
        return sqls, revision
    finally:
        conn.close()


def main() -> int:
    with tempfile.TemporaryDirectory() as folder:
        sqls, revision = migrated_entries(Path(folder) / "head.db")
    HEAD_SQL.write_text(render(sqls, revision), encoding="utf-8")
    print(f"wrote {HEAD_SQL} at revision {revision} ({len(sqls)} statements)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())

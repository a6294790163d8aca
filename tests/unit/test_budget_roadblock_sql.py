"""The budget roadblocks' query answers the same with and without MATERIALIZED (SQLite before 3.35 lacks it)."""

from __future__ import annotations

import sqlite3

import pytest

from prodcom_tui.services.roadblocks import budget_sql

SCOPES = ["p.status = 'live'", "p.status = 'archived'", "p.id = 1"]


@pytest.mark.parametrize("scope", SCOPES)
def test_the_query_without_materialized_finds_the_same_lines(large_path, scope: str) -> None:
    conn = sqlite3.connect(large_path)
    try:
        ours, portable = (sorted(conn.execute(budget_sql(m).format(scope=scope)).fetchall()) for m in (True, False))
    finally:
        conn.close()
    assert ours == portable
    if scope == "p.status = 'live'":
        assert ours, "large has budget lines past 90 % on live projects: the comparison must compare something"

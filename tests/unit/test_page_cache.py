"""Every connection prodcom opens keeps SQLite's page cache at CACHE_KIB: each held its own 2 MiB before."""

from __future__ import annotations

from sqlalchemy import text

from prodcom_tui.store.fastread import CACHE_KIB, connect


def test_store_connections_use_the_smaller_page_cache(demo_store) -> None:
    with demo_store.reading() as s:
        assert s.execute(text("PRAGMA cache_size")).scalar_one() == -CACHE_KIB
    with demo_store.writing("test.cache", "page cache size") as s:
        assert s.execute(text("PRAGMA cache_size")).scalar_one() == -CACHE_KIB


def test_bare_read_connections_use_the_smaller_page_cache(demo_path) -> None:
    conn = connect(demo_path)
    try:
        assert conn.execute("PRAGMA cache_size").fetchone()[0] == -CACHE_KIB
    finally:
        conn.close()

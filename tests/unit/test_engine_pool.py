"""Many threads reading at once each keep a working connection (SingletonThreadPool closed them past five)."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

from sqlalchemy import text


def test_twelve_threads_read_at_once(demo_store) -> None:
    def count(_: int) -> int:
        with demo_store.reading() as s:
            return int(s.execute(text("SELECT count(*) FROM task")).scalar_one())

    with ThreadPoolExecutor(max_workers=12) as pool:
        results = list(pool.map(count, range(48)))
    assert len(set(results)) == 1 and results[0] > 0

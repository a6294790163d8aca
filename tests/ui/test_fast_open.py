"""The app opens in two steps: the morning's data from plain reads, then the store; writes wait for it."""

from __future__ import annotations

import asyncio
import subprocess
import sys
import threading

SIZE = (140, 40)


async def until(pilot, condition, timeout: float = 15.0) -> None:  # noqa: ANN001
    """Poll (the open worker may be held on purpose, so `wait_for_complete` would wait for it too)."""
    for _ in range(int(timeout / 0.05)):
        if condition():
            return
        await asyncio.sleep(0.05)
        await pilot.pause()
    raise AssertionError("condition not met in time")


def gated_app(path, clock, gate: threading.Event, *, offer_demo: bool = False):  # noqa: ANN001, ANN201
    """The app as `prodcom` opens it, except that the store opens only once `gate` is set."""
    from prodcom_tui.services.opening import open_fast
    from prodcom_tui.store.open import open_store
    from prodcom_tui.ui.app import ProdcomApp

    def open_later():  # noqa: ANN202
        assert gate.wait(30)
        return open_store(path, clock=clock)

    def opener():  # noqa: ANN202
        raise AssertionError("a file at the current schema is opened by opener.quick()")

    opener.quick = lambda: open_fast(path, clock, open_later)
    return ProdcomApp(opener, str(path), clock.today(), offer_demo=offer_demo)


def requests_title(app) -> str:  # noqa: ANN001
    pane = app.screen.query("#requests")
    return getattr(pane.first(), "title", "") if pane else ""


async def test_morning_data_shows_before_the_store_opens_and_a_write_waits(demo_path, clock) -> None:
    gate = threading.Event()
    app = gated_app(demo_path, clock, gate)
    async with app.run_test(size=SIZE) as pilot:
        await until(pilot, lambda: "open, " in requests_title(app))
        total = app.services.inbox.counts()[0]
        assert f"{total} open" in requests_title(app)
        assert app.services.store._store is None  # the data above came from the fast path
        app.run_write(lambda s: s.requests.create("Call the printer"))
        await asyncio.sleep(0.2)
        assert not any("still opening" in str(n.message) for n in app._notifications)
        gate.set()
        await app.workers.wait_for_complete()
        await until(pilot, lambda: f"{total + 1} open" in requests_title(app))
        assert app.services.store._store is not None


async def test_first_run_offer_uses_the_fast_path_and_the_demo_loads_once_open(store, clock) -> None:
    path = store.path
    store.dispose()
    gate = threading.Event()
    app = gated_app(path, clock, gate, offer_demo=True)
    async with app.run_test(size=SIZE) as pilot:
        await until(pilot, lambda: app.screen.__class__.__name__ == "FirstRunScreen")
        await pilot.press("d")
        gate.set()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert not app.services.system.is_empty()


async def test_the_command_line_opener_takes_the_fast_path_on_a_current_file(demo_path, clock) -> None:
    from prodcom_tui.cli.app_cmd import opener_for
    from prodcom_tui.ui.app import ProdcomApp

    app = ProdcomApp(opener_for(demo_path, clock), str(demo_path), clock.today(), offer_demo=False)
    async with app.run_test(size=SIZE) as pilot:
        await app.workers.wait_for_complete()
        await until(pilot, lambda: "open, " in requests_title(app))
        assert type(app.services.store).__name__ == "OpeningStore"
        assert app.services.store.write_engine is not None  # opened behind the fast reads


def test_the_command_line_opener_takes_the_long_way_on_a_new_file(tmp_path, clock) -> None:
    from prodcom_tui.cli.app_cmd import opener_for

    opener = opener_for(tmp_path / "new.db", clock)
    assert opener.quick() is None
    services = opener()
    try:
        assert type(services.store).__name__ == "Store" and services.system.is_empty()
    finally:
        services.close()


def test_the_morning_reads_do_not_load_sqlalchemy(demo_path) -> None:
    """The point of the fast path: the morning's data without SQLAlchemy's ~0.5-1 s import."""
    code = (
        "import sys; from pathlib import Path; from prodcom_tui.domain.clock import Clock; "
        "from prodcom_tui.services.opening import open_fast; "
        f"s = open_fast(Path({str(demo_path)!r}), Clock(), lambda: None); "
        "s.system.change_mark(); s.system.is_empty(); s.roadblocks.list(); s.team.board(); s.timeline.lanes(); "
        "s.inbox.counts(); s.inbox.open_source().window('', 0, 50); s.team.tasks_source().window('', 0, 50); "
        "s.inbox.open_source().count('a'); s.team.tasks_source().count('a'); "
        "print(sorted(m for m in ('sqlalchemy', 'sqlmodel', 'alembic') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert out.stdout.strip() == "[]", out.stderr


async def test_what_opening_found_is_shown_once_the_store_is_open(demo_path, clock) -> None:
    """A network-share warning comes from opening the store, which now happens after the first data."""
    from prodcom_tui.services.opening import open_fast
    from prodcom_tui.store.open import open_store
    from prodcom_tui.ui.app import ProdcomApp

    def open_with_warning():  # noqa: ANN202
        store = open_store(demo_path, clock=clock)
        store.warnings.append("the file sits on a network share (test)")
        return store

    def opener():  # noqa: ANN202
        raise AssertionError("a file at the current schema is opened by opener.quick()")

    opener.quick = lambda: open_fast(demo_path, clock, open_with_warning)
    app = ProdcomApp(opener, str(demo_path), clock.today(), offer_demo=False)
    async with app.run_test(size=SIZE) as pilot:
        await app.workers.wait_for_complete()
        await until(pilot, lambda: any("network share (test)" in str(n.message) for n in app._notifications))

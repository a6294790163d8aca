"""Fixtures: every test gets private data/config dirs, a frozen day and, when asked, a seeded store."""

from __future__ import annotations

import gc
import json
import shutil
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings
from private_env import TODAY, new_app, point_into
from shared_files import built_once, copy_database

from prodcom_tui.ui.css_memo import share_parsed_css

# CI runs four workers on two cores: drawing six examples once took a second there, and hypothesis's
# "generation is slow" check failed a money property that had found nothing wrong. Speed is the bench's
# job; the properties keep every example and every assertion.
settings.register_profile("prodcom", suppress_health_check=[HealthCheck.too_slow], deadline=None)
settings.load_profile("prodcom")


def pytest_configure(config: pytest.Config) -> None:
    """The app sets this threshold when it mounts (`ui.app.tune_gc`); setting it here as well covers
    collection and the tests that start no app: collecting the suite spent 1.4 s of CPU in the garbage
    collector per worker with Python's default (a young scan every 700 allocations), 0.6 s with this."""
    gc.set_threshold(10_000, 10, 10)
    wait_idle_in_shorter_steps()


def wait_idle_in_shorter_steps() -> None:
    """Pilot waits after every key, and in every `pause()`, until the app's process looks idle: it sleeps
    in steps and stops after a step with almost no CPU spent (under 1/20 of the step). Textual's step is
    20 ms, so each key cost at least 40 ms of sleep and each pause 20 ms, whatever the app had to do.
    With 5 ms steps the suite went from ~122 to 98-116 s on 2 cores, and from ~207 to ~170-190 s of CPU
    (the apps' timers ran less while tests slept).
    The check is weaker than it was: a quiet 5 ms now counts as idle, where a quiet 20 ms did, and the
    screen books its next frame up to a frame period (~17 ms) ahead (ui/screens/prompt_frames.py). A
    key press does not draw the screen; `Pilot.pause` does (it ends by laying the screen out and drawing
    it). So a test that reads what the screen shows right after a key must `pause()` (or settle) first:
    the 20 ms step used to cover for a missing one. tests/unit/test_textual_private_names.py checks the
    two names still drive `wait_for_idle`."""
    import textual._wait as wait

    wait.SLEEP_GRANULARITY = 0.005
    wait.SLEEP_IDLE = wait.SLEEP_GRANULARITY / 20


def pytest_collection_finish(session: pytest.Session) -> None:
    """Every module is imported now and lives to the end: full collections need not walk it (the app
    freezes again when it mounts; this covers the tests that start none)."""
    gc.collect()
    gc.freeze()


# Textual parses every stylesheet again for each app and each theme change; the app shares the parsed
# rules within a process (ui/css_memo.py), so one worker parses each stylesheet once per theme for all
# the apps its tests start: ~10 % of a Pilot test's CPU before it was shared.
share_parsed_css()


@pytest.fixture(autouse=True)
def textual_caches_released():
    """Textual memoises a few methods on the instance (`lru_cache` on `self`), which keeps up to a thousand
    dead widgets and their rendered lines alive after each app: ~500,000 objects by mid-run. Dropping
    those caches after each test lets them go."""
    yield
    if (styles := sys.modules.get("textual._styles_cache")) is not None:
        styles.StylesCache.get_inner_outer.cache_clear()
    if (strip := sys.modules.get("textual.strip")) is not None:
        strip.Strip.blank.cache_clear()  # each blank strip memoises the strips cut from it
    if (table := sys.modules.get("textual.widgets._data_table")) is not None:
        table.DataTable._get_styles_to_render_cell.cache_clear()


@pytest.fixture(autouse=True)
def private_dirs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Tests never touch the user's real data: every location points into tmp_path."""
    point_into(monkeypatch, tmp_path)
    return tmp_path


@pytest.fixture
def clock():
    from prodcom_tui.domain.clock import Clock

    return Clock(TODAY)


@pytest.fixture
def store(tmp_path: Path, clock):
    """An empty store at the current schema in a file on tmp_path."""
    from prodcom_tui.store.open import open_store

    s = open_store(tmp_path / "empty.db", clock=clock)
    yield s
    s.dispose()


def _generated(size: str) -> Callable[[Path], None]:
    def build(path: Path) -> None:
        from prodcom_tui.domain.clock import Clock
        from prodcom_tui.store.demo import generate
        from prodcom_tui.store.open import open_store

        s = open_store(path, clock=Clock(TODAY))
        try:
            counts = generate(s, size, seed=7)
        finally:
            s.dispose()
        path.with_suffix(".counts.json").write_text(json.dumps(counts))

    return build


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo dataset, generated once per run (by one worker for all); tests get copies."""
    return built_once(tmp_path_factory, "demo.db", _generated("demo"))


@pytest.fixture
def demo_path(tmp_path: Path, demo_template: Path) -> Path:
    """A private copy of the demo database."""
    return copy_database(demo_template, tmp_path / "demo.db")


@pytest.fixture(scope="session")
def large_template(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, int]]:
    """The `large` dataset (seed 7, 10,000 tasks: ~2.5 s to generate), once per run, with the rows per table
    `generate` returned."""
    path = built_once(tmp_path_factory, "large.db", _generated("large"))
    return path, json.loads(path.with_suffix(".counts.json").read_text())


@pytest.fixture
def large_path(tmp_path: Path, large_template: tuple[Path, dict[str, int]]) -> Path:
    """A private copy of the `large` database."""
    return copy_database(large_template[0], tmp_path / "large.db")


@pytest.fixture
def demo_store(demo_path: Path, clock):
    from prodcom_tui.store.open import open_store

    s = open_store(demo_path, clock=clock)
    yield s
    s.dispose()


@pytest.fixture
def services(demo_store):
    from prodcom_tui.services.facade import Services

    return Services(demo_store)


@pytest.fixture
def make_app(clock):
    """App factory: an app on a database file, opened the way `prodcom` opens it (private_env.new_app)."""

    def factory(path: Path, *, offer_demo: bool = False, prebuild: bool = False):
        return new_app(path, clock, offer_demo=offer_demo, prebuild=prebuild)

    return factory


@pytest.fixture
def tmux_available() -> None:
    if shutil.which("tmux") is None:
        pytest.skip("tmux is not installed (.ci/run installs it)")

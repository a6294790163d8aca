"""Where a test's app keeps its data: every location the app reads points into a private directory."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

TODAY = date(2026, 11, 26)  # a Thursday


def point_into(monkeypatch: pytest.MonkeyPatch, root: Path) -> None:
    """Data and config under `root`, the day frozen, no animations; never the user's real data."""
    monkeypatch.setenv("PRODCOM_DATA_DIR", str(root / "data"))
    monkeypatch.setenv("PRODCOM_CONFIG_DIR", str(root / "config"))
    monkeypatch.setenv("PRODCOM_TODAY", TODAY.isoformat())
    monkeypatch.setenv("TEXTUAL_ANIMATION", "none")
    monkeypatch.delenv("PRODCOM_DB", raising=False)


def new_app(path: Path, clock, *, offer_demo: bool = False, prebuild: bool = False):  # noqa: ANN001, ANN201
    """An app on a database file with the day frozen, opened the way `prodcom` opens it (plain reads first
    on a file at the current schema, the store right after: cli.app_cmd.opener_for).

    Without `prebuild` the afternoon is built on its first switch rather than off screen at idle: building
    it cost 0.6-1 s of CPU in every app a test keeps open past its warm-up, ~20 s of the suite's 190 s, for
    a screen most tests never show. tests/ui/test_mode_switch.py builds it off screen, as `prodcom` does,
    and so does every test that runs the real command (tests/e2e)."""
    from prodcom_tui.cli.app_cmd import opener_for
    from prodcom_tui.ui.app import ProdcomApp

    return ProdcomApp(opener_for(path, clock), str(path), clock.today(), offer_demo=offer_demo, prebuild=prebuild)

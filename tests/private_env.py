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


def new_app(path: Path, clock, *, offer_demo: bool = False):  # noqa: ANN001, ANN201
    """An app on a database file with the day frozen, opened the way `prodcom` opens it (plain reads first
    on a file at the current schema, the store right after: cli.app_cmd.opener_for)."""
    from prodcom_tui.cli.app_cmd import opener_for
    from prodcom_tui.ui.app import ProdcomApp

    return ProdcomApp(opener_for(path, clock), str(path), clock.today(), offer_demo=offer_demo)

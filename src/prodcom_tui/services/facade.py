"""The one object the UI holds: every area's service, built lazily over one Store."""

from __future__ import annotations

import importlib
from pathlib import Path
from typing import TYPE_CHECKING, Any

from prodcom_tui.domain.clock import Clock

from .opening import ORM_IMPORTS, OpeningStore

if TYPE_CHECKING:  # the store module loads SQLAlchemy: the fast open (services/opening.py) must not
    from prodcom_tui.store.store import Store

# area name -> (module in prodcom_tui.services, class); each is built on first use, then kept.
AREAS: dict[str, tuple[str, str]] = {
    "overview": ("overview", "OverviewService"),
    "system": ("system", "SystemService"),
    "inbox": ("inbox", "InboxService"),
    "tasks": ("tasks", "TaskService"),
    "requests": ("requests", "RequestService"),
    "report": ("report", "ReportService"),
    "risks": ("risks", "RiskService"),
    "planning": ("planning", "PlanningService"),
    "roadblocks": ("roadblocks", "RoadblockService"),
    "team": ("team", "TeamService"),
    "timeline": ("timeline", "TimelineService"),
    "vendors": ("vendors", "VendorService"),
    "quotes": ("quotes", "QuoteService"),
    "deliveries": ("deliveries", "DeliveryService"),
    "reviews": ("reviews", "ReviewService"),
    "budget": ("budget", "BudgetService"),
    "expenses": ("expenses", "ExpenseService"),
    "standup": ("standup", "StandupService"),
}


class Services:
    def __init__(self, store: Store) -> None:
        self.store = store

    @property
    def clock(self) -> Clock:
        return self.store.clock

    @property
    def read_only(self) -> bool:
        return self.store.read_only

    def __getattr__(self, name: str) -> Any:
        if name not in AREAS:
            raise AttributeError(name)
        module, cls = AREAS[name]
        with ORM_IMPORTS:  # a service's models may load SQLAlchemy: see opening.ORM_IMPORTS
            found = importlib.import_module(f"prodcom_tui.services.{module}")
        service = getattr(found, cls)(self.store)
        self.__dict__[name] = service  # later look-ups skip __getattr__
        return service

    @property
    def opening(self) -> bool:
        """True while only plain reads answer: the store behind them is not open yet (services/opening.py)."""
        return isinstance(self.store, OpeningStore) and not self.store.is_open

    def finish_open(self) -> None:
        """Open the real store behind Services made by `opening.open_fast`; nothing to do for the others."""
        if isinstance(self.store, OpeningStore):
            self.store.finish()

    def close(self) -> None:
        self.store.dispose()


def open_services(path: Path, clock: Clock, *, read_only: bool = False) -> Services:
    """Open (and if needed create and migrate) the database at `path`."""
    from prodcom_tui.store.open import maybe_daily_backup, open_store

    store = open_store(path, clock=clock, read_only=read_only)
    services = Services(store)
    if not services.system.is_empty():
        maybe_daily_backup(store)
    return services

"""Small messages the UI passes around (workers only post these; handlers update widgets)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from textual.message import Message


@dataclass
class ServicesReady(Message):
    services: Any


@dataclass
class OpenFailed(Message):
    reason: str


@dataclass
class Loaded(Message):
    """A screen's or pane's data arrived from a worker; `token` tells stale loads apart."""

    data: Any
    token: int = 0


class DataChanged(Message):
    """Something was written: whatever is on screen reloads."""

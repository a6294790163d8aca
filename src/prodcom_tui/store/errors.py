"""Errors the store raises with a message fit for the user."""

from __future__ import annotations

from prodcom_tui.domain.errors import UserFacingError


class StoreError(UserFacingError):
    """A database problem explained in one sentence: what is wrong and what to do."""


class NotADatabase(StoreError):
    pass


class NewerDatabase(StoreError):
    pass


class StoreFull(StoreError):
    pass

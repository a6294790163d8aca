"""Textual's command palette, made safe to close while a search is still running.

Typing in the palette and pressing escape at once let the search worker, or the "no matches" timer,
look up the palette's widgets after they were removed: NoMatches, and the whole app stopped.
"""

from __future__ import annotations

from collections.abc import Callable
from contextlib import suppress
from typing import Any

from textual.command import CommandPalette
from textual.css.query import NoMatches


def _tolerant(callback: Callable[..., Any] | None) -> Callable[..., Any] | None:
    if callback is None:
        return None

    async def run(*args: Any) -> None:
        with suppress(NoMatches):
            result = callback(*args)
            if hasattr(result, "__await__"):
                await result

    return run


class SafeCommandPalette(CommandPalette):
    """The palette's late updates are dropped once its widgets are gone."""

    def set_timer(self, delay: float, callback: Callable[..., Any] | None = None, **kwargs: Any):  # noqa: ANN201
        return super().set_timer(delay, _tolerant(callback), **kwargs)

    def _watch__list_visible(self) -> None:
        with suppress(NoMatches):
            super()._watch__list_visible()

    def _refresh_command_list(self, *args: Any, **kwargs: Any) -> None:
        with suppress(NoMatches):
            super()._refresh_command_list(*args, **kwargs)

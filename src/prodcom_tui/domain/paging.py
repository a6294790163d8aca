"""What a windowed list asks of its data: a count and a window, both filtered in SQL."""

from __future__ import annotations

from typing import Any, Protocol


class RowSource(Protocol):
    """A query a table can page through; both methods run in a worker thread, never on the UI loop.

    Rows are view models with an `id` attribute (used for marks and for keeping the cursor in place),
    frozen and hashable: the table caches the line it drew for a row under the row's value.
    """

    def count(self, text: str, cap: int | None = None) -> int:
        """How many rows match; with `cap`, stop counting there (min(count, cap)): a cheap "at least"."""
        ...

    def window(self, text: str, offset: int, limit: int) -> list[Any]: ...


class ListSource:
    """A RowSource over a list already in memory (small lists, tests)."""

    def __init__(self, rows: list[Any], key=lambda row: str(row)) -> None:  # noqa: ANN001
        self.rows, self.key = rows, key

    def _matching(self, text: str) -> list[Any]:
        needle = text.casefold()
        return [r for r in self.rows if needle in self.key(r).casefold()] if needle else self.rows

    def count(self, text: str, cap: int | None = None) -> int:
        found = len(self._matching(text))
        return found if cap is None else min(found, cap)

    def window(self, text: str, offset: int, limit: int) -> list[Any]:
        return self._matching(text)[offset : offset + limit]

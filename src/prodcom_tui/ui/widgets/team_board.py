"""Per person: done since the last working day, due today, late, blocked, and the week's hours against capacity."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text
from textual.widgets import Static

from prodcom_tui.domain.morning import PersonBoard

from ..format import plain


def _load(b: PersonBoard) -> Text:
    pct = b.load_pct
    style = "bold red" if pct is not None and pct > 100 else "yellow" if pct is not None and pct >= 90 else ""
    mark = "▲ " if pct is not None and pct > 100 else ""
    return Text(f"{mark}{b.hours_due_this_week}/{b.capacity_hours} h", style=style, justify="right")


def _count(n: int, style: str) -> Text:
    return Text(str(n), style=style if n else "dim", justify="right")


def _short(name: str) -> str:
    """`Camille Laurent` -> `Camille L.`: the board is narrow and first names are what a team uses."""
    first, _, rest = name.partition(" ")
    return f"{first} {rest[0]}." if rest else first


def _cell(b: PersonBoard, current: bool) -> Text:
    text = plain(_short(b.name)[:12].ljust(12), style="reverse bold" if current else "")
    for mark, n, style in (("✔", b.done_since, "green"), ("•", b.due_today, "bold yellow"), ("!", b.overdue, "bold red"),
                           ("⊘", b.blocked, "magenta")):
        text.append(f" {mark}{n}", style=style if n else "dim")
    return text + Text(" ") + _load(b)


COMPACT_FROM, TABLE_MIN = 72, 45  # board widths: from 72 two people fit a line; under 45 the table does not fit


class TeamBoard(Static):
    """A small table (one row a person); the tasks themselves are in the windowed list beside it."""

    DEFAULT_CSS = """
    TeamBoard { height: auto; padding: 0 1; }
    """

    rows: list[PersonBoard] = []
    current: int | None = None  # the person of the task under the cursor, shown highlighted

    def set_board(self, rows: list[PersonBoard]) -> None:
        self.rows = rows
        self._draw()

    def show_person(self, person_id: int | None) -> None:
        """Highlight the person whose task is under the cursor, and scroll the board to them."""
        if person_id == self.current:
            return
        self.current = person_id
        self._draw()
        index = next((i for i, b in enumerate(self.rows) if b.person_id == person_id), None)
        if index is not None and self.parent is not None:
            line = index // self._per_line() + (0 if self._compact_mode() else 1)
            self.parent.scroll_to(y=max(0, line - 2), animate=False)

    def _compact_mode(self) -> bool:
        """Several people a line when the board is wide (a narrow terminal's full-width board) or tiny."""
        return self.size.width >= COMPACT_FROM or self.size.width < TABLE_MIN

    def _per_line(self) -> int:
        return max(1, (self.size.width + 2) // 38) if self._compact_mode() else 1

    def on_resize(self) -> None:
        self._draw()

    def _draw(self) -> None:
        rows = self.rows
        if not rows:
            self.update(Text("No active team member.", style="dim"))
        elif self._compact_mode():
            self.update(self._compact(rows))
        else:
            self.update(self._table(rows))

    def _compact(self, rows: list[PersonBoard]) -> Table:
        """Several people a line (a narrow terminal): `Camille L. ✔0 •1 !1 ⊘7 35/35 h`."""
        per_line = self._per_line()
        grid = Table.grid(padding=(0, 2))
        for _ in range(per_line):
            grid.add_column(no_wrap=True)
        cells = [_cell(b, b.person_id == self.current) for b in rows]
        for start in range(0, len(cells), per_line):
            grid.add_row(*cells[start:start + per_line])
        return grid

    def _table(self, rows: list[PersonBoard]) -> Table:
        table = Table(box=None, padding=(0, 1), expand=True, header_style="bold", caption_style="dim")
        table.add_column("Person", ratio=1, no_wrap=True, overflow="ellipsis")
        for label in ("Done", "Today", "Late", "Blkd"):
            table.add_column(label, justify="right", width=len(label))
        table.add_column("Week h", justify="right", width=9)
        for b in rows:
            table.add_row(plain(_short(b.name), style="reverse bold" if b.person_id == self.current else ""), _count(b.done_since, "green"), _count(b.due_today, "bold yellow"),
                          _count(b.overdue, "bold red"), _count(b.blocked, "magenta"), _load(b))
        return table

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


def _cell(b: PersonBoard) -> Text:
    text = plain(_short(b.name)[:12].ljust(12))
    for mark, n, style in (("✔", b.done_since, "green"), ("•", b.due_today, "bold yellow"), ("!", b.overdue, "bold red"),
                           ("⊘", b.blocked, "magenta")):
        text.append(f" {mark}{n}", style=style if n else "dim")
    return text + Text(" ") + _load(b)


COMPACT_BELOW = 100  # board width under which people sit several to a line


class TeamBoard(Static):
    """A small table (one row a person); the tasks themselves are in the windowed list beside it."""

    DEFAULT_CSS = """
    TeamBoard { height: auto; padding: 0 1; }
    """

    rows: list[PersonBoard] = []

    def set_board(self, rows: list[PersonBoard]) -> None:
        self.rows = rows
        self._draw()

    def on_resize(self) -> None:
        self._draw()

    def _draw(self) -> None:
        rows = self.rows
        if not rows:
            self.update(Text("No active team member.", style="dim"))
        elif self.size.width >= COMPACT_BELOW:
            self.update(self._table(rows))
        else:
            self.update(self._compact(rows))

    def _compact(self, rows: list[PersonBoard]) -> Table:
        """Several people a line (a narrow terminal): `Camille L. ✔0 •1 !1 ⊘7 35/35 h`."""
        per_line = max(1, self.size.width // 38)
        grid = Table.grid(padding=(0, 2))
        for _ in range(per_line):
            grid.add_column(no_wrap=True)
        cells = [_cell(b) for b in rows]
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
            table.add_row(plain(_short(b.name)), _count(b.done_since, "green"), _count(b.due_today, "bold yellow"),
                          _count(b.overdue, "bold red"), _count(b.blocked, "magenta"), _load(b))
        return table

"""Per person: done since the last working day, due today, late, blocked, and the week's hours against capacity.

Laid out as lines of text here, not as a Rich Table: the table measured and rendered each of its 150-odd
cells three times a draw (height, layout, lines), 25 ms on `large`'s 26 people, at start-up and again
each time the cursor in the task list reached another person. The columns are fixed, so their layout is
simple arithmetic.
"""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Static

from prodcom_tui.domain.morning import PersonBoard

from ..format import plain


def _load(b: PersonBoard, unit: str = " h") -> Text:
    pct = b.load_pct
    style = "bold red" if pct is not None and pct > 100 else "yellow" if pct is not None and pct >= 90 else ""
    mark = "▲ " if pct is not None and pct > 100 else ""
    return Text(f"{mark}{b.hours_due_this_week}/{b.capacity_hours}{unit}", style=style, justify="right")


def _week(b: PersonBoard, width: int) -> Text:
    """The week's load in its column: past 99 hours the unit goes (the header says h), never a digit."""
    load = _load(b)
    return load if load.cell_len <= width else _load(b, unit="")


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


# The table's columns after the person's name: header and width; a space pads each side of every column.
# Widths as the Rich table had them, so the board reads as before: a header's width, or the load's
# `▲ 99/35 h`. Fixed, so a row never shifts when a count gains a digit.
COLUMNS = (("Done", 4), ("Today", 5), ("Late", 4), ("Blkd", 4), ("Week h", 9))
FIXED = sum(width + 2 for _, width in COLUMNS) + 2  # all but the name, its own padding included
GRID_GAP = "  "  # the Rich grid's gap between people, kept so the compact board looks as it did


def _line(name: Text, cells: list[Text], name_width: int) -> Text:
    """One line of the table: ` name  ` then each cell right-aligned in its column."""
    name = name.copy()
    name.truncate(name_width, overflow="ellipsis", pad=True)  # its style (the highlight) spans the column
    line = Text(" ")
    line.append_text(name)
    line.append(" ")
    for cell, (_, width) in zip(cells, COLUMNS):
        cell = cell.copy()
        cell.truncate(width, overflow="ellipsis")
        line.append(" " * (width - cell.cell_len + 1))
        line.append_text(cell)
        line.append(" ")
    return line


def table_text(rows: list[PersonBoard], current: int | None, width: int) -> Text:
    """Header and one line a person, `width` cells wide (at least TABLE_MIN)."""
    name_width = max(width - FIXED, 1)
    header = _line(Text("Person"), [Text(label) for label, _ in COLUMNS], name_width)
    header.stylize("bold")
    lines = [header]
    for b in rows:
        name = plain(_short(b.name), style="reverse bold" if b.person_id == current else "")
        lines.append(_line(name, [_count(b.done_since, "green"), _count(b.due_today, "bold yellow"),
                                  _count(b.overdue, "bold red"), _count(b.blocked, "magenta"), _week(b, COLUMNS[-1][1])],
                           name_width))
    return Text("\n").join(lines)


def compact_text(rows: list[PersonBoard], current: int | None, per_line: int, width: int) -> Text:
    """Several people a line (a narrow terminal): `Camille L. ✔0 •1 !1 ⊘7 35/35 h`, in aligned columns.

    A line wider than the board is cut with an ellipsis, never wrapped: one line holds `per_line` people,
    which show_person's scrolling counts on."""
    cells = [_cell(b, b.person_id == current) for b in rows]
    widths = [max(c.cell_len for c in cells[col::per_line]) for col in range(min(per_line, len(cells)))]
    lines = []
    for start in range(0, len(cells), per_line):
        line = Text()
        for col, cell in enumerate(cells[start:start + per_line]):
            if col:
                line.append(GRID_GAP)
            line.append_text(cell)
            if start + col + 1 < min(start + per_line, len(cells)):
                line.append(" " * (widths[col] - cell.cell_len))
        if width > 0:
            line.truncate(width, overflow="ellipsis")
        lines.append(line)
    return Text("\n").join(lines)


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
            self.update(compact_text(rows, self.current, self._per_line(), self.size.width))
        else:
            self.update(table_text(rows, self.current, self.size.width))

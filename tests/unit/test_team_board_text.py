"""The team board, laid out as text, reads cell for cell as the Rich table and grid it replaced."""

from __future__ import annotations

import io

from hypothesis import example, given, settings
from hypothesis import strategies as st
from rich.cells import cell_len
from rich.console import Console
from rich.table import Table
from rich.text import Text

from prodcom_tui.domain.morning import PersonBoard
from prodcom_tui.ui.format import plain
from prodcom_tui.ui.widgets.team_board import (
    COLUMNS, TABLE_MIN, COMPACT_FROM, _cell, _count, _load, _short, compact_text, table_text,
)

NAMES = st.text(st.characters(codec="utf-8", categories=("L", "Zs")), min_size=1, max_size=30).map(str.strip).filter(bool)
PEOPLE = st.lists(st.builds(PersonBoard, st.integers(1, 99), NAMES, st.just("h"), *[st.integers(0, 40)] * 4,
                            st.integers(0, 99), st.integers(0, 60)), min_size=1, max_size=8, unique_by=lambda b: b.person_id)


def _lines(renderable, width: int) -> list[str]:  # noqa: ANN001
    console = Console(width=width, file=io.StringIO(), color_system=None)
    return ["".join(s.text for s in line).rstrip() for line in console.render_lines(renderable, pad=False)]


def _rich_table(rows: list[PersonBoard], current: int | None) -> Table:
    """What the board drew before: a Rich table with the same columns."""
    table = Table(box=None, padding=(0, 1), expand=True, header_style="bold")
    table.add_column("Person", ratio=1, no_wrap=True, overflow="ellipsis")
    for label, width in COLUMNS:
        table.add_column(label, justify="right", width=width)
    for b in rows:
        table.add_row(plain(_short(b.name), style="reverse bold" if b.person_id == current else ""),
                      _count(b.done_since, "green"), _count(b.due_today, "bold yellow"), _count(b.overdue, "bold red"),
                      _count(b.blocked, "magenta"), _load(b))
    return table


def _rich_grid(rows: list[PersonBoard], current: int | None, per_line: int) -> Table:
    grid = Table.grid(padding=(0, 2))
    for _ in range(per_line):
        grid.add_column(no_wrap=True)
    cells = [_cell(b, b.person_id == current) for b in rows]
    for start in range(0, len(cells), per_line):
        grid.add_row(*cells[start:start + per_line])
    return grid


@settings(max_examples=40)  # Rich lays the reference out slowly; 40 boards of up to 8 people is plenty
@given(PEOPLE, st.integers(TABLE_MIN, COMPACT_FROM - 1))
def test_the_table_reads_as_rich_laid_it_out(rows: list[PersonBoard], width: int) -> None:
    # Loads up to `▲ 99/60 h` fit their column here; a wider one is the test after the next.
    current = rows[0].person_id
    assert _lines(table_text(rows, current, width), width) == _lines(_rich_table(rows, current), width)


@settings(max_examples=40)
@given(PEOPLE, st.integers(1, 3))
def test_the_compact_board_reads_as_rich_laid_it_out(rows: list[PersonBoard], per_line: int) -> None:
    width = 200  # where the people fit, the lines are the Rich grid's
    assert _lines(compact_text(rows, None, per_line, width), width) == _lines(_rich_grid(rows, None, per_line), width)


@settings(max_examples=40)
@given(PEOPLE, st.integers(1, TABLE_MIN - 1) | st.integers(COMPACT_FROM, 160))
# A name Rich measures as no cells wide (U+FFA0): the line's characters outnumber its cells.
@example([PersonBoard(1, "A", "h", 0, 0, 0, 0, 0, 0), PersonBoard(2, "\uffa0", "h", 0, 0, 0, 0, 0, 0)], 2)
def test_the_compact_board_keeps_one_line_a_row_of_people_at_any_width(rows: list[PersonBoard], width: int) -> None:
    """Too narrow for its people, a line is cut, never wrapped: show_person scrolls by lines of people."""
    per_line = max(1, (width + 2) // 38)  # as TeamBoard._per_line
    lines = _lines(compact_text(rows, None, per_line, width), width)
    assert len(lines) == -(-len(rows) // per_line)
    assert all(cell_len(line) <= width for line in lines)  # cells, as the terminal lays them out


def test_a_load_too_wide_for_its_column_loses_its_unit_not_its_digits() -> None:
    rows = [PersonBoard(1, "Camille Laurent", "cl", 0, 0, 0, 0, 120, 35), PersonBoard(2, "Jo", "jo", 0, 0, 0, 0, 1, 35)]
    first, second = _lines(table_text(rows, None, 58), 58)[1:]
    assert first.endswith("▲ 120/35") and second.endswith("1/35 h")


def test_the_person_under_the_cursor_is_highlighted() -> None:
    rows = [PersonBoard(1, "Camille Laurent", "cl", 0, 1, 0, 0, 30, 35), PersonBoard(2, "Jo Martin", "jm", 0, 0, 0, 0, 0, 35)]
    text: Text = table_text(rows, 2, 58)
    highlighted = [(text.plain[span.start:span.end], str(span.style)) for span in text.spans if "reverse" in str(span.style)]
    assert highlighted == [("Jo M.".ljust(58 - 38), "reverse bold")]  # across the name's column, as Rich's table did

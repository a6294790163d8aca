"""Table lines drawn the quick way (plain cells as text, neighbours sharing segments) match Rich's own rendering."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from rich.console import Console
from rich.segment import Segment
from rich.text import Text

from prodcom_tui.ui.widgets.table_lines import Column, row_strip

CONSOLE = Console(width=200, color_system="truecolor")
STYLES = ["", "dim", "green", "bold red"]
ALPHABET = "ab Zé€中\n-"  # ASCII, accents, a wide character, a line break
# A character whose width depends on its neighbour in the same string (an emoji's variation selector): cut
# apart by a span, Rich's whole-line width and Textual's segment-by-segment width differ. (Joiners never
# reach a table: ui.format.plain drops them with the other invisible characters.)
JOINING = ALPHABET + "❤\ufe0f"


def _reference(cells: list[Text], columns: list[Column], sizes: list[int], width: int, mark: str = "  ",
               console: Console = CONSOLE) -> list[tuple]:
    """Rich's rendering of the same line: each cell cut with an ellipsis or padded, a space after."""
    line = Text(mark, end="")
    for cell, size, column in zip(cells, sizes, columns):
        piece = cell.copy()
        piece.plain = piece.plain.replace("\n", " ")
        piece.truncate(size, overflow="ellipsis")
        getattr(piece, "pad_left" if column.justify == "right" else "pad_right")(size - piece.cell_len)
        line.append_text(piece)
        line.append(" ")
    line.pad_right(width - line.cell_len)
    line.truncate(width)  # by cells: a wide character across the edge is cut, not the next character
    return _cells([(seg.text, seg.style or None) for seg in line.render(console)])


def _cells(segments) -> list[tuple]:  # noqa: ANN001
    """(character, style) for each character of the line, whatever the segments' boundaries."""
    return [(char, style) for text, style in segments for char in text]


def _cell(text: str, style: str, span: tuple[int, int] | None) -> Text:
    cell = Text(text, style=style)
    if span is not None:  # anywhere, so a span may split a character from its variation selector
        cell.stylize("italic", *sorted(span))
    return cell


def cells_of(alphabet: str):  # noqa: ANN201
    return st.builds(_cell, st.text(alphabet, max_size=12), st.sampled_from(STYLES),
                     st.none() | st.tuples(st.integers(0, 12), st.integers(0, 12)))


def specs_of(alphabet: str):  # noqa: ANN201
    return st.lists(st.tuples(cells_of(alphabet), st.integers(2, 10), st.sampled_from(["left", "right"])),
                    min_size=1, max_size=6)


def _drawn(specs, slack: int):  # noqa: ANN001, ANN202
    """(the line, its cells, columns, sizes and width), padded to the terminal's width or cut to it
    when the columns need more (negative slack)."""
    cells = [c for c, _, _ in specs]
    sizes = [size for _, size, _ in specs]
    columns = [Column(str(i), str, size, justify) for i, (_, size, justify) in enumerate(specs)]
    width = max(2 + sum(sizes) + len(sizes) + slack, 1)
    return row_strip(cells, columns, sizes, "  ", CONSOLE, width, None), cells, columns, sizes, width


@settings(max_examples=200)
@given(specs_of(ALPHABET), st.integers(-8, 20))
def test_row_lines_match_rich_cell_by_cell(specs, slack: int) -> None:  # noqa: ANN001
    strip, cells, columns, sizes, width = _drawn(specs, slack)
    got = _cells([(seg.text, seg.style or None) for seg in strip])
    assert strip.cell_length == width
    assert "".join(c for c, _ in got) == "".join(c for c, _ in _reference(cells, columns, sizes, width))
    assert got == _reference(cells, columns, sizes, width)


@settings(max_examples=200)
@given(specs_of(JOINING), st.integers(-8, 20))
def test_a_line_is_as_long_as_it_says(specs, slack: int) -> None:  # noqa: ANN001
    """The length a line declares is the one Textual measures from its segments, whatever joins or splits."""
    strip, *_, width = _drawn(specs, slack)
    assert strip.cell_length == width == Segment.get_line_length(list(strip))


def test_a_cell_rich_measures_slowly_keeps_its_own_segment() -> None:
    """Rich measures a string holding any character from U+0300 on (€, —, …) one character at a time, and
    Textual measures each line again in every frame: merged with its neighbours, one € made the whole line
    slow. The amount keeps its own segment; the accented and ASCII cells around it still share one."""
    columns = [Column("what", str, 12), Column("amount", str, 10, "right"), Column("who", str, 8)]
    cells = [Text("Café crème"), Text("1 234,56 €"), Text("Zoé")]
    strip = row_strip(cells, columns, [12, 10, 8], "  ", CONSOLE, 40, None)
    texts = [seg.text for seg in strip if seg.text]
    assert "1 234,56 €" in texts
    assert "  Café crème   " in texts
    assert "".join(texts) == "  Café crème   1 234,56 € Zoé      "[:40].ljust(40)


def test_row_lines_match_rich_rendering_and_leave_cells_untouched() -> None:
    """The fast path (one Segment per plain cell) draws exactly what Rich would draw."""
    console = Console(width=80, color_system="truecolor")
    shared = Text("↑", style="bold red")  # renderers may hand out the same Text for every row
    spans = Text("! late") + Text(" Mon 23 Nov", style="dim")
    cells = [shared, Text("12 h", style="italic"), spans, Text("a long title that will not fit", style="green"),
             Text("two\nlines")]
    columns = [Column("P", str, 2), Column("Est.", str, 6, "right"), Column("Due", str, 18), Column("Title", str, 12),
               Column("Note", str, 10)]
    sizes = [2, 6, 18, 12, 10]
    strip = row_strip(cells, columns, sizes, "● ", console, 60, None)

    got = _cells([(seg.text, seg.style or None) for seg in strip])
    assert strip.cell_length == 60
    assert got == _reference(cells, columns, sizes, 60, "● ", console)  # every character, with its style
    assert shared.plain == "↑" and str(shared.style) == "bold red"


@given(cells=st.lists(st.sampled_from(STYLES), min_size=1, max_size=4), width=st.integers(1, 40))
def test_the_cursor_colours_win_over_the_cells_own(cells: list[str], width: int) -> None:
    """The cursor row is drawn in the cursor's colours: a green amount or yellow stars on the amber cursor
    could not be read. Under any other row style (the header), the cells keep their own colours."""
    from rich.style import Style

    cursor = Style(color="black", bgcolor="dark_orange")
    columns = [Column(str(i), Text, 6) for i in range(len(cells))]
    texts = [Text("1 €", style=style) for style in cells]
    sizes = [6] * len(cells)
    over = row_strip(texts, columns, sizes, "  ", CONSOLE, width, cursor, over=True)
    assert over.cell_length == width
    assert all(seg.style.color == cursor.color and seg.style.bgcolor == cursor.bgcolor for seg in over)
    under = row_strip(texts, columns, sizes, "  ", CONSOLE, 40, cursor)
    assert any(seg.style.color != cursor.color for seg in under) == any(s and s != "dim" for s in cells)


def test_the_line_cache_lets_the_least_recently_used_line_go_first() -> None:
    """Lines live across queries now (keyed by the row): the ones on screen, looked up each frame, must not
    be the first evicted because they were drawn first."""
    from textual.strip import Strip

    from prodcom_tui.ui.widgets.table_lines import MAX_LINES, LineCache

    cache, line = LineCache(), Strip([Segment("x")], 1)
    assert cache.get((None, 0, False), 1) is None  # the first look-up sets the width the lines are for
    for i in range(MAX_LINES):
        cache.put((i, 0, False), line)
    assert cache.get((0, 0, False), 1) is line  # the first one drawn, seen again
    cache.put(("new", 0, False), line)
    assert cache.get((0, 0, False), 1) is line and cache.get((1, 0, False), 1) is None

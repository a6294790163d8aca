"""Text: normalised, capped, and never able to drive the terminal."""

from __future__ import annotations

import sys
import unicodedata

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from prodcom_tui.domain.errors import InputError, TextError
from prodcom_tui.domain.text import clean_text, safe_terminal

# The autouse fixture of conftest only sets environment variables: sharing it across examples is fine.
SETTINGS = settings(suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow], deadline=None)
BIDI = set("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c")
ZERO_WIDTH = set("\u200b\u200c\u200d\ufeff")
UNSAFE_CATEGORIES = {"Cc", "Cf", "Cs"}


def unsafe_chars(text: str, *, allow_newline: bool) -> list[str]:
    return [ch for ch in text if (unicodedata.category(ch) in UNSAFE_CATEGORIES or ch in BIDI | ZERO_WIDTH)
            and not (allow_newline and ch == "\n")]


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("  Affiche  A3   recto ", "Affiche A3 recto"),
        ("Cafe\u0301", "Café"),  # NFD from a macOS paste becomes NFC
        ("Line one\nline two", "Line one line two"),
        ("tab\there", "tab here"),
        ("\x1b]52;c;aGVsbG8=\x07Devis", "]52;c;aGVsbG8=Devis"),  # the clipboard-write sequence loses its ESC and BEL
        ("\x1b[31mred\x1b[0m", "[31mred[0m"),
        ("\x9b31mC1 CSI", "31mC1 CSI"),
        ("invoice\u202egpj.exe", "invoicegpj.exe"),
        ("\u2066isolated\u2069", "isolated"),
        ("\u200fmark\u200e\u061c", "mark"),
        ("zero\u200bwidth\u200c\u200d\ufeff", "zerowidth"),
        ("e\u200b\u0301", "é"),  # removing the zero-width space lets the accent join its letter
        ("tag\U000e0041\U000e0042", "tag"),
        ("lone \ud800 surrogate", "lone surrogate"),
        ("Prix\u00a0: 12\u202f€", "Prix\u00a0: 12\u202f€"),  # French no-break spaces stay
        ("a\u2003\u3000b", "a b"),
        ("[bold]not markup[/bold]", "[bold]not markup[/bold]"),
    ],
)
def test_cleans_single_line_text(raw: str, clean: str) -> None:
    assert clean_text(raw) == clean


def test_multiline_keeps_line_breaks_and_turns_tabs_into_spaces() -> None:
    raw = " Dear team,\r\n\tthe proof\ris late\u2028 \x1b[2Jsorry \n"
    assert clean_text(raw, multiline=True, max_len=500) == "Dear team,\n the proof\nis late\n [2Jsorry"


@pytest.mark.parametrize(
    ("raw", "kwargs", "fragment"),
    [
        ("", {"required": True, "field": "title"}, "title is empty"),
        ("   \t ", {"required": True, "field": "title"}, "title is empty"),
        ("\u200b\u202e\x1b", {"required": True, "field": "title"}, "title is empty"),
        ("x" * 201, {"field": "title"}, "title is too long (201 characters, at most 200)"),
        ("é" * 11, {"field": "code", "max_len": 10}, "code is too long (11 characters, at most 10)"),
    ],
)
def test_refuses_empty_required_and_too_long_text(raw: str, kwargs: dict, fragment: str) -> None:
    with pytest.raises(TextError) as caught:
        clean_text(raw, **kwargs)
    assert fragment in str(caught.value)
    assert caught.value.field == kwargs["field"]


def test_length_counts_after_cleaning() -> None:
    assert clean_text("  " + "x" * 200 + "  \u200b") == "x" * 200
    assert clean_text("e\u0301" * 200) == "é" * 200


def test_empty_is_fine_when_not_required() -> None:
    assert clean_text("  ") == ""


def test_text_error_is_an_input_error_with_its_field() -> None:
    error = TextError("x", field="title")
    assert isinstance(error, InputError) and isinstance(error, ValueError)
    assert str(error) == "x"
    assert InputError("y").with_field("name").field == "name"


def test_safe_terminal_only_strips() -> None:
    raw = "  Hello\u202e\r\n\x1b]52;c;eA==\x07world\t! \u0065\u0301  "
    assert safe_terminal(raw) == "  Hello\n]52;c;eA==world ! \u0065\u0301  "


def test_safe_terminal_removes_every_control_and_format_character() -> None:
    everything = "".join(chr(c) for c in range(sys.maxunicode + 1) if unicodedata.category(chr(c)) in UNSAFE_CATEGORIES)
    # Tab becomes a space, \r and the other line breaks become \n, everything else goes.
    assert set(safe_terminal(everything)) == {" ", "\n"}
    assert safe_terminal("plain text, déjà vu 🎉") == "plain text, déjà vu 🎉"


@SETTINGS
@given(st.text(), st.booleans())
def test_clean_text_leaves_nothing_unsafe_and_is_idempotent(raw: str, multiline: bool) -> None:
    clean = clean_text(raw, multiline=multiline, max_len=10_000)
    assert unsafe_chars(clean, allow_newline=multiline) == []
    assert clean == unicodedata.normalize("NFC", clean)
    assert clean == clean.strip()
    assert clean_text(clean, multiline=multiline, max_len=10_000) == clean
    if not multiline:
        assert "  " not in clean and "\n" not in clean


@SETTINGS
@given(st.text(alphabet=st.characters(codec="utf-8") | st.sampled_from(sorted(BIDI | ZERO_WIDTH) + ["\x1b", "\x9b", "\r"])))
def test_safe_terminal_output_is_safe_and_stable(raw: str) -> None:
    shown = safe_terminal(raw)
    assert unsafe_chars(shown, allow_newline=True) == []
    assert safe_terminal(shown) == shown


@SETTINGS
@given(st.text(), st.integers(0, 50))
def test_clean_text_raises_only_text_error(raw: str, max_len: int) -> None:
    try:
        clean = clean_text(raw, max_len=max_len, required=True)
    except TextError as error:
        assert str(error)
    else:
        assert 0 < len(clean) <= max_len

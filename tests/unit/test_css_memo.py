"""Parsed CSS is shared between Textual's stylesheets of one process, per theme, and bad CSS still fails."""

from __future__ import annotations

import pytest
from textual.css.stylesheet import Stylesheet, StylesheetParseError

from prodcom_tui.ui.css_memo import share_parsed_css

CSS = "KeyBar { height: 1; color: $accent; }"


def parsed(variables: dict[str, str], css: str = CSS) -> Stylesheet:
    sheet = Stylesheet(variables=variables)
    sheet.add_source(css, read_from=("memo-test.tcss", ""))
    sheet.parse()
    return sheet


def test_a_fresh_stylesheet_reuses_the_rules_and_a_new_theme_parses_again() -> None:
    share_parsed_css()
    first, again = parsed({"accent": "red"}), parsed({"accent": "red"})
    assert first.rules and first.rules[0] is again.rules[0]  # parsed once: Textual's reparse builds a new sheet
    other = parsed({"accent": "blue"})
    assert other.rules[0] is not first.rules[0]  # variables are parsed into the rules: another theme, other rules
    assert str(other.rules[0].styles.color) != str(first.rules[0].styles.color)


def test_invalid_css_still_fails_every_time() -> None:
    share_parsed_css()
    for _ in range(2):
        with pytest.raises(StylesheetParseError):
            parsed({"accent": "red"}, "KeyBar { height: one; }")

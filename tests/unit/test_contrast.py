"""The stand-up theme reads from across a room: every text colour on every background reaches WCAG AAA (7:1)."""

from __future__ import annotations

import itertools

import pytest
from textual.color import Color

from prodcom_tui.ui.themes import STANDUP_BACKGROUNDS, STANDUP_TEXT, STANDUP_TEXT_PAIRS, STANDUP_THEME

AAA = 7.0


def channel(value: int) -> float:
    """sRGB channel to linear light, as WCAG 2.x defines it."""
    c = value / 255
    return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4


def luminance(colour: str) -> float:
    c = Color.parse(colour)
    assert c.a == 1, f"{colour} is translucent: its contrast depends on what is behind it"
    return 0.2126 * channel(c.r) + 0.7152 * channel(c.g) + 0.0722 * channel(c.b)


def contrast(a: str, b: str) -> float:
    light, dark = sorted((luminance(a), luminance(b)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def test_the_formula_matches_known_ratios() -> None:
    assert contrast("#000000", "#ffffff") == pytest.approx(21.0)
    assert contrast("#777777", "#ffffff") == pytest.approx(4.48, abs=0.01)
    assert contrast("#123456", "#123456") == pytest.approx(1.0)


@pytest.mark.parametrize(("text", "background"), list(itertools.product(STANDUP_TEXT, STANDUP_BACKGROUNDS)))
def test_every_palette_text_colour_on_every_background(text: str, background: str) -> None:
    ratio = contrast(STANDUP_TEXT[text], STANDUP_BACKGROUNDS[background])
    assert ratio >= AAA, f"{text} on {background}: {ratio:.2f}:1"


@pytest.mark.parametrize(("text", "background"), STANDUP_TEXT_PAIRS)
def test_every_theme_variable_pair_the_screen_uses(text: str, background: str) -> None:
    """The variables Textual derives from the theme (footer, muted text) hold the same bar."""
    variables = STANDUP_THEME.to_color_system().generate() | STANDUP_THEME.variables
    ratio = contrast(variables[text], variables[background])
    assert ratio >= AAA, f"${text} on ${background}: {ratio:.2f}:1"

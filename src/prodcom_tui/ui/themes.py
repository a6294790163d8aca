"""Themes of prodcom: the stand-up's high-contrast one, for a wall screen read from across a room."""

from __future__ import annotations

from textual.theme import Theme

STANDUP_THEME_NAME = "prodcom-standup"

# Every colour the stand-up draws with; tests/unit/test_contrast.py holds each text colour to
# WCAG AAA (7:1) against each background, because projectors wash colours out.
STANDUP_BACKGROUNDS = {
    "background": "#0b0e13",
    "surface": "#151a21",
    "panel": "#1f2630",
}
STANDUP_TEXT = {
    "foreground": "#f4f6f8",  # body text
    "muted": "#c5ccd6",  # labels, dates, project codes
    "accent": "#9fd3ff",  # titles, keys in the footer
    "severe": "#ffb8b0",  # late, blocked, over budget (always with a symbol and a word)
    "serious": "#ffd98a",
    "good": "#a8f0b4",  # done
}

STANDUP_THEME = Theme(
    name=STANDUP_THEME_NAME,
    primary=STANDUP_TEXT["accent"],
    secondary=STANDUP_TEXT["muted"],
    accent=STANDUP_TEXT["accent"],
    warning=STANDUP_TEXT["serious"],
    error=STANDUP_TEXT["severe"],
    success=STANDUP_TEXT["good"],
    foreground=STANDUP_TEXT["foreground"],
    background=STANDUP_BACKGROUNDS["background"],
    surface=STANDUP_BACKGROUNDS["surface"],
    panel=STANDUP_BACKGROUNDS["panel"],
    dark=True,
    variables={
        # Textual derives these with transparency by default; fixed colours keep them at 7:1.
        "text-muted": STANDUP_TEXT["muted"],
        "footer-foreground": STANDUP_TEXT["foreground"],
        "footer-background": STANDUP_BACKGROUNDS["panel"],
        "footer-key-foreground": STANDUP_TEXT["accent"],
        "footer-key-background": STANDUP_BACKGROUNDS["panel"],
        "footer-description-foreground": STANDUP_TEXT["foreground"],
        "footer-description-background": STANDUP_BACKGROUNDS["panel"],
        "footer-item-background": STANDUP_BACKGROUNDS["panel"],
    },
)

# The Textual variables the stand-up uses as text on top of a background, checked by the contrast test.
STANDUP_TEXT_PAIRS = (
    ("foreground", "background"), ("foreground", "surface"), ("foreground", "panel"),
    ("text-muted", "background"), ("text-muted", "surface"), ("text-muted", "panel"),
    ("accent", "background"), ("error", "background"), ("warning", "background"), ("success", "background"),
    ("accent", "surface"), ("error", "surface"), ("warning", "surface"), ("success", "surface"),
    ("footer-key-foreground", "footer-key-background"),
    ("footer-description-foreground", "footer-description-background"),
    ("footer-foreground", "footer-background"),
)


def use_standup_theme(app) -> str:  # noqa: ANN001
    """Switch `app` to the stand-up theme (registering it once); returns the theme to go back to."""
    previous = app.theme
    if STANDUP_THEME_NAME not in app.available_themes:
        app.register_theme(STANDUP_THEME)
    app.theme = STANDUP_THEME_NAME
    return previous

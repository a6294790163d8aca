"""Textual's parsed stylesheets, shared by the Stylesheet objects of one process.

Textual parses every stylesheet again each time it builds a Stylesheet (each `reparse`, each screen's
copy), and each new one starts with an empty cache: starting prodcom parsed the app's, the screen's and
Textual's own CSS three to five times before the first frame (~30 of ~45 ms of parsing, traced in a
pseudo-terminal on `large`). Parsed rules depend only on the CSS text, where it was read from, its
default / tie-breaker / scope flags and the CSS variables (the theme), so they are kept under that key.
Textual's own per-stylesheet cache already hands the same lists out under the same key less the
variables, and Stylesheet.parse only reads them. Invalid CSS is never kept: it raises as before.
"""

from __future__ import annotations

from typing import Any

from textual.css.stylesheet import Stylesheet

LIMIT = 512  # entries: ~40 stylesheets per theme, a few themes in a session; past it, start again
_parsed: dict[tuple, Any] = {}
_textual_parse = Stylesheet._parse_rules


def _shared_parse(self: Stylesheet, css: str, read_from: Any, is_default_rules: bool = False,
                  tie_breaker: int = 0, scope: str = "") -> Any:
    key = (css, read_from, is_default_rules, tie_breaker, scope, tuple(sorted(self._variables.items())))
    rules = _parsed.get(key)
    if rules is None:
        rules = _textual_parse(self, css, read_from, is_default_rules, tie_breaker, scope)
        if len(_parsed) >= LIMIT:
            _parsed.clear()
        _parsed[key] = rules
    return rules


def share_parsed_css() -> None:
    """Install the shared parse (idempotent); the apps call it before Textual first parses their CSS."""
    Stylesheet._parse_rules = _shared_parse  # type: ignore[method-assign]

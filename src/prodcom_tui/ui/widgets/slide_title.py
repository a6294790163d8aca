"""The headline of a stand-up slide: a name in bold and what it is, dimmer."""

from __future__ import annotations

from rich.text import Text

from prodcom_tui.domain.text import safe_terminal

from ..themes import STANDUP_TEXT


def slide_title(name: str, detail: str = "") -> Text:
    """Names come from people's typing: plain text, never markup."""
    title = Text(safe_terminal(name), style=f"bold {STANDUP_TEXT['foreground']}")
    if detail:
        title.append(f"  {safe_terminal(detail)}", style=STANDUP_TEXT["muted"])
    title.no_wrap, title.overflow = True, "ellipsis"
    return title

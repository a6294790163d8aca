"""The plan preview draws a template's step titles, which anyone can type: as text, never terminal codes."""

from __future__ import annotations

import io
from datetime import date

from rich.console import Console

from prodcom_tui.domain.planning import PlanDraft, Step, retro_plan
from prodcom_tui.ui.modals.plan import timeline

TODAY = date(2026, 11, 26)
HOSTILE = "Shoot \x1b]52;c;cm0gLXJmIH4=\x07 \u202egnissecorp [bold red]ACME[/]"


def test_a_hostile_step_title_reaches_the_terminal_as_text() -> None:
    plan = retro_plan(date(2026, 12, 18), [Step(HOSTILE, 5), Step("Delivery", 0)], TODAY, set())
    draft = PlanDraft("Print", "print", "ACME-X", "Acme", "Acme", plan)
    out = io.StringIO()
    Console(file=out, force_terminal=True, color_system="truecolor", width=160).print(timeline(draft, TODAY))
    drawn = out.getvalue()
    assert "\x1b]" not in drawn and "\u202e" not in drawn and "\x07" not in drawn
    assert "[bold red]ACME[/]" in drawn

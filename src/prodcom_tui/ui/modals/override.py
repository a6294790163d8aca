"""`o` on a project: set its status by hand with a one-line comment, or give it back to the rule."""

from __future__ import annotations

from rich.text import Text

from prodcom_tui.domain.charts import HealthEntry
from prodcom_tui.domain.report import HEALTH_LABELS, ProjectLine, read_health
from prodcom_tui.domain.text import safe_terminal

from .form import FieldSpec, FormScreen


def history_text(line: ProjectLine, history: list[HealthEntry]) -> Text:
    out = Text()
    out.append(f"The rule says {HEALTH_LABELS[line.computed]}", style="bold")
    out.append(": " + safe_terminal("; ".join(line.reasons)) if line.reasons else ": nothing stands out")
    out.append("\n\nHistory\n", style="bold")
    if not history:
        out.append("never set by hand\n", style="dim")
    for h in history[:8]:
        label = HEALTH_LABELS.get(h.health or "", "back to the rule")
        out.append(f"{h.at:%d %b %H:%M}  {label:<16} ")
        out.append(safe_terminal(h.comment or "—"), style="italic")  # appended as plain text: never markup
        out.append("\n")
    out.append("\nType on track, at risk, off track, or auto to follow the rule. ctrl+s saves, esc cancels.", style="dim")
    return out


def override_form(line: ProjectLine, history: list[HealthEntry]) -> FormScreen:
    current = HEALTH_LABELS[line.override] if line.override else "auto"
    fields = [
        FieldSpec("health", "Status", current, placeholder="on track, at risk, off track or auto"),
        FieldSpec("comment", "Comment (kept in the history)", line.comment, placeholder="Why, in one line"),
    ]
    hint = history_text(line, history).plain  # the form shows its hint as plain Text
    return FormScreen(
        f"Status of {line.code}", fields,
        lambda s, v: s.report.set_health(line.id, read_health(v["health"]), v["comment"]), hint=hint,
    )

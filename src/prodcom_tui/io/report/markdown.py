"""Markdown that pastes into a chat or a mail: headings, one table, short lists."""

from __future__ import annotations

import re

from prodcom_tui.domain.dates import format_date
from prodcom_tui.domain.report import DayReport, ProjectLine

from .common import burn_pct, clean, eur, health_label, moved_scope, nothing_moved, text_bar, title

# Only what can change meaning mid-line: parentheses are harmless once brackets are escaped, and
# chat apps that ignore escapes would show every needless backslash.
_SPECIAL = re.compile(r"([\\`*_\[\]<>|~])")


def md(text: object) -> str:
    """People's text taken literally: Markdown's punctuation escaped, one line."""
    escaped = _SPECIAL.sub(r"\\\1", clean(text))
    # At the start of a list item or cell, '#', '+' or '-' would open a heading or a nested list.
    return "\\" + escaped if escaped[:1] in ("#", "+", "-") else escaped


def render_md(report: DayReport) -> str:
    lines = [f"# {md(title(report))}", ""]
    lines += _moved(report) + _projects(report) + _totals(report) + _tomorrow(report)
    lines += [f"> {md(note)}" for note in report.notes]
    return "\n".join(lines).rstrip() + "\n"


def _moved(report: DayReport) -> list[str]:
    lines = [f"## What moved{moved_scope(report)}", ""]
    if report.nothing_moved:
        return lines + [nothing_moved(report), ""]
    for m in report.moved:
        lines.append(f"- **{m.label}** ({len(m.items)})")
        lines += [f"  - {md(item)}" for item in m.items[:20]]
        if len(m.items) > 20:
            lines.append(f"  - … and {len(m.items) - 20} more")
    return lines + [""]


def _projects(report: DayReport) -> list[str]:
    lines = ["## Projects", ""]
    if not report.projects:
        return lines + ["No live project.", ""]
    lines += ["| Project | Status | Tasks | Deliverables | Actual / estimate | Burn | Risks |",
              "|---|---|---:|---:|---:|---|---:|"]
    lines += [_row(p) for p in report.projects]
    lines.append("")
    for p in report.projects:
        lines += _detail(p)
    return lines


def _row(p: ProjectLine) -> str:
    burn = burn_pct(p)
    spend = f"{eur(p.actual_minor, p.currency)} / {eur(p.estimate_minor, p.currency)}"
    return (f"| **{md(p.code)}** {md(p.name)} | {health_label(p)} | {p.tasks_done}/{p.tasks_total} ({p.tasks_pct} %) "
            f"| {p.deliverables_done}/{p.deliverables_total} | {spend} | `{text_bar(p, 10)}` "
            f"{'—' if burn is None else f'{burn} %'} | {p.open_risks} |")


def _detail(p: ProjectLine) -> list[str]:
    extra = []
    if p.override and p.comment:
        extra.append(f"- Comment: {md(p.comment)}")
    if p.reasons:
        extra.append(f"- Why: {md('; '.join(p.reasons))}")
    if p.decisions:
        extra.append(f"- Decisions needed: {md('; '.join(p.decisions))}")
    return [f"### {md(p.code)}", "", *extra, ""] if extra else []


def _totals(report: DayReport) -> list[str]:
    lines = ["## Across projects", ""]
    for t in report.totals:
        lines.append(f"- Estimate {eur(t.estimate_minor, t.currency)} · committed {eur(t.committed_minor, t.currency)}"
                     f" · actual {eur(t.actual_minor, t.currency)} · forecast {eur(t.forecast_minor, t.currency)}")
    return lines + [""]


def _tomorrow(report: DayReport) -> list[str]:
    lines = [f"## Next: {format_date(report.next_day)}", ""]
    if not report.tomorrow:
        return lines + ["Nothing due.", ""]
    for t in report.tomorrow:
        due = format_date(t.due_on) if t.due_on else "—"
        lines.append(f"- [ ] {md(t.project_code)} — {md(t.title)} ({md(t.assignee)}, due {due})")
    return lines + [""]

"""Plain text for a terminal: fixed columns, no markup, nothing that can drive the terminal."""

from __future__ import annotations

from prodcom_tui.domain.dates import format_date
from prodcom_tui.domain.report import DayReport, ProjectLine

from .common import burn_pct, clean, eur, health_label, moved_scope, nothing_moved, text_bar, title


def cut(text: object, width: int) -> str:
    s = clean(text)
    return s if len(s) <= width else s[: width - 1] + "…"


def render_txt(report: DayReport) -> str:
    head = title(report)
    lines = [head, "=" * len(head), ""]
    lines += _moved(report) + _projects(report) + _totals(report) + _tomorrow(report)
    lines += [f"Note: {clean(note)}" for note in report.notes]
    return "\n".join(lines).rstrip() + "\n"


def _moved(report: DayReport) -> list[str]:
    lines = [f"What moved{moved_scope(report)}", "----------"]
    if report.nothing_moved:
        return lines + [nothing_moved(report), ""]
    for m in report.moved:
        lines.append(f"{m.label} ({len(m.items)})")
        lines += [f"  - {cut(item, 100)}" for item in m.items[:20]]
        if len(m.items) > 20:
            lines.append(f"  … and {len(m.items) - 20} more")
    return lines + [""]


def _projects(report: DayReport) -> list[str]:
    lines = ["Projects", "--------"]
    if not report.projects:
        return lines + ["No live project.", ""]
    lines.append(f"{'Project':<22} {'Status':<22} {'Tasks':>9} {'Deliv.':>7}  {'Burn':<26} {'Actual':>14} {'Estimate':>14} Risks")
    for p in report.projects:
        lines.append(_row(p))
        lines += [f"    {prefix}: {cut('; '.join(items), 110)}" for prefix, items in _details(p) if items]
    return lines + [""]


def _row(p: ProjectLine) -> str:
    burn = burn_pct(p)
    bar = f"{text_bar(p, 20):<21} {'—' if burn is None else f'{burn}%':>4}"
    return (f"{cut(p.code, 22):<22} {health_label(p):<22} {f'{p.tasks_done}/{p.tasks_total}':>9} "
            f"{f'{p.deliverables_done}/{p.deliverables_total}':>7}  {bar} {eur(p.actual_minor, p.currency):>14} "
            f"{eur(p.estimate_minor, p.currency):>14} {p.open_risks:>5}")


def _details(p: ProjectLine) -> list[tuple[str, tuple[str, ...]]]:
    comment = (p.comment,) if p.override and p.comment else ()
    return [("comment", comment), ("why", p.reasons), ("decide", p.decisions)]


def _totals(report: DayReport) -> list[str]:
    lines = ["Across projects", "---------------"]
    for t in report.totals:
        lines += [f"  {label:<10} {eur(value, t.currency):>16}" for label, value in (
            ("estimate", t.estimate_minor), ("committed", t.committed_minor),
            ("actual", t.actual_minor), ("forecast", t.forecast_minor))]
    return lines + [""]


def _tomorrow(report: DayReport) -> list[str]:
    lines = [f"Next: {format_date(report.next_day)}", "----"]
    if not report.tomorrow:
        return lines + ["Nothing due.", ""]
    for t in report.tomorrow:
        due = format_date(t.due_on) if t.due_on else "—"
        lines.append(f"  [ ] {cut(t.project_code, 20):<20} {cut(t.title, 60):<60} {cut(t.assignee, 20):<20} {due}")
    return lines + [""]

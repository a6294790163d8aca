"""What the evening screen's panes show, built from the report's plain values (no widgets here)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from rich.console import Group, RenderableType
from rich.text import Text

from prodcom_tui.domain.dates import format_date
from prodcom_tui.domain.money import Money, format_money
from prodcom_tui.domain.report import HEALTH_LABELS, DayReport, NextTask, ProjectLine
from prodcom_tui.domain.risks import RiskRow, level

from ..format import day, plain, priority
from ..widgets.burn_bar import burn_text

HEALTH_STYLES = {"on_track": "bold green", "at_risk": "bold yellow", "off_track": "bold red"}
HEALTH_MARKS = {"on_track": "●", "at_risk": "▲", "off_track": "■"}  # a shape as well as a colour
LEVEL_STYLES = {"high": "bold red", "medium": "yellow", "low": "green"}


@dataclass(frozen=True)
class EveningData:
    day: date
    report: DayReport | None
    message: str  # why there is no report, when there is none
    risks: list[RiskRow]
    heat: dict[tuple[int, int], int]


def health_cell(p: ProjectLine) -> Text:
    style = HEALTH_STYLES[p.health]
    text = Text(f"{HEALTH_MARKS[p.health]} {HEALTH_LABELS[p.health]}", style=style)
    if p.override:
        text.append(" ✎", style="dim")  # set by hand
    return text


def project_row(p: ProjectLine) -> tuple:
    decisions = "; ".join(p.decisions) if p.decisions else "—"
    return (
        plain(p.code, "bold"), health_cell(p),
        Text(f"{p.tasks_done}/{p.tasks_total} {p.tasks_pct:>3} %", justify="right"),
        Text(f"{p.deliverables_done}/{p.deliverables_total}", justify="right"),
        burn_text(p.estimate_minor, p.committed_minor, p.actual_minor, p.forecast_minor),
        Text(str(p.open_risks), justify="right"), plain(decisions),
    )


def risk_row(r: RiskRow, today: date) -> tuple:
    lvl = level(r.score)
    return (
        Text(f"{r.score:>2}", style=LEVEL_STYLES[lvl], justify="right"), plain(r.title), plain(r.project_code),
        plain(r.owner), Text(r.status), day(r.review_on, today), plain(r.mitigation or "—"), plain(r.contingency or "—"),
    )


def next_row(t: NextTask, today: date) -> tuple:
    """Due, task, who: the task's priority mark first, as in the morning's list, and its project after
    its title (an ellipsis at the pane's edge cuts the project before the title)."""
    # Assembled, not added: `Text + Text` gives the whole cell the first part's style (the mark's red).
    task = Text.assemble(priority(t.priority), " ", plain(t.title), plain(f" · {t.project_code}", "dim"),
                         no_wrap=True, overflow="ellipsis")
    return (day(t.due_on, today), task, plain(t.assignee))


def why_text(p: ProjectLine | None) -> RenderableType:
    """The highlighted project: why the rule rates it so, the producer's comment, what needs deciding."""
    if p is None:
        return Text("No project selected.", style="dim")
    # The panel is a few lines high: the project takes one line (its name cut short if need be) and what
    # needs deciding comes next. A long name or rule once pushed the decisions out of sight at 120x36.
    head = Text(no_wrap=True, overflow="ellipsis")
    head.append_text(plain(p.code, "bold"))
    if p.delivery_on:
        head.append(f" · delivery {format_date(p.delivery_on)}")
    head.append_text(plain(f" — {p.name}", "dim"))
    body = Text()
    if p.decisions:
        body.append("Decide: ", style="bold")
        body.append("; ".join(p.decisions) + "\n")
    body.append(f"Rule: {HEALTH_LABELS[p.computed]}", style=HEALTH_STYLES[p.computed])
    body.append(" — " + ("; ".join(p.reasons) if p.reasons else "nothing stands out"))
    if p.override:
        body.append(f"\nSet by hand: {HEALTH_LABELS[p.override]} — ", style=HEALTH_STYLES[p.override])
        body.append_text(plain(p.comment or "no comment", "italic"))
    return Group(head, body)


def moved_text(report: DayReport) -> Text:
    if report.nothing_moved:
        return Text(f"Nothing was recorded on {format_date(report.day)}.", style="dim")
    out = Text()
    for m in report.moved:
        out.append(f"{m.label} ({len(m.items)})\n", style="bold")
        for item in m.items[:12]:
            out.append("  · ")
            out.append_text(plain(item))
            out.append("\n")
        if len(m.items) > 12:
            out.append(f"  … and {len(m.items) - 12} more\n", style="dim")
    return out


def totals_text(report: DayReport) -> Text:
    out = Text()
    for t in report.totals:
        def m(minor: int) -> str:
            return format_money(Money(minor, t.currency))

        out.append("Across projects  ", style="bold")
        out.append(f"estimate {m(t.estimate_minor)} · committed {m(t.committed_minor)} · actual {m(t.actual_minor)}"
                   f" · forecast {m(t.forecast_minor)}  ")
        out.append_text(burn_text(t.estimate_minor, t.committed_minor, t.actual_minor, t.forecast_minor, 16))
        out.append("   ")
    for note in report.notes:
        out.append(f"  ! {note}", style="yellow")
    return out


def title_text(data: EveningData, today: date) -> Text:
    when = "today" if data.day == today else f"{(today - data.day).days} days ago"
    out = Text.assemble(("Evening report — ", "bold"), (f"{format_date(data.day)} {data.day.year}", "bold"), f" ({when})")
    if data.report is not None:
        counts = {h: sum(p.health == h for p in data.report.projects) for h in HEALTH_LABELS}
        out.append("   ")
        for h, n in counts.items():
            out.append(f"{HEALTH_MARKS[h]} {n} {HEALTH_LABELS[h]}  ", style=HEALTH_STYLES[h])
    out.append("   [ ] change day", style="dim")
    return out

"""What every report format shares: labels, money, and the burn figures."""

from __future__ import annotations

from prodcom_tui.domain.dates import format_date
from prodcom_tui.domain.money import Money, format_money
from prodcom_tui.domain.report import HEALTH_LABELS, DayReport, ProjectLine, Totals
from prodcom_tui.domain.text import safe_terminal

TITLE = "Evening report"


def title(report: DayReport) -> str:
    scope = f" — {report.project_code}" if report.project_code else ""
    return f"{TITLE}{scope} — {format_date(report.day)} {report.day.year}"


def clean(text: object) -> str:
    """Text typed by people, without control or bidi characters, on one line."""
    return safe_terminal(str(text)).replace("\n", " ")


def health_label(p: ProjectLine) -> str:
    label = HEALTH_LABELS[p.health]
    return f"{label} (set by hand)" if p.override else label


def eur(minor: int, currency: str) -> str:
    return format_money(Money(minor, currency), "fr")


def burn_pct(p: ProjectLine | Totals) -> int | None:
    """Actual spend as a share of the estimate (None when nothing was estimated)."""
    return None if p.estimate_minor <= 0 else round(100 * p.actual_minor / p.estimate_minor)


def commit_pct(p: ProjectLine | Totals) -> int | None:
    return None if p.estimate_minor <= 0 else round(100 * p.committed_minor / p.estimate_minor)


def text_bar(p: ProjectLine | Totals, width: int = 20) -> str:
    """█ actual, ▒ committed beyond actual, ░ the rest of the estimate; '!' past it."""
    if p.estimate_minor <= 0:
        return "·" * width
    actual = min(width, round(width * max(p.actual_minor, 0) / p.estimate_minor))
    committed = min(width, round(width * max(p.committed_minor, 0) / p.estimate_minor))
    extra = max(0, committed - actual)
    bar = "█" * actual + "▒" * extra + "░" * (width - actual - extra)
    over = max(p.actual_minor, p.committed_minor, p.forecast_minor) > p.estimate_minor
    return bar + ("!" if over else "")


def nothing_moved(report: DayReport) -> str:
    return f"Nothing was recorded on {format_date(report.day)} {report.day.year}."


def moved_scope(report: DayReport) -> str:
    """The change log is agency-wide: say so when the report is about one project."""
    return " (whole agency)" if report.project_code else ""

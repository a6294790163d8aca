"""The evening report as plain values, and the rule that calls a project on track, at risk or off track."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from .budget import WARN_PCT, forecast_at_completion
from .money import Money

ON_TRACK, AT_RISK, OFF_TRACK = "on_track", "at_risk", "off_track"
HEALTH_LABELS = {ON_TRACK: "on track", AT_RISK: "at risk", OFF_TRACK: "off track"}
# Beyond these a project is off track, not merely at risk.
OFF_TRACK_SLIP_DAYS = 5
OFF_TRACK_OVERDUE_DAYS = 5
OFF_TRACK_OVERSPEND_PCT = 10
AT_RISK_USED_PCT = WARN_PCT

# Change-log kinds the report counts as "what moved", in the order the producer reads them.
MOVE_KINDS: dict[str, str] = {
    "task.done": "Tasks done",
    "request.triage": "Requests triaged",
    "quote.accept": "Quotes accepted",
    "delivery.receive": "Deliveries received",
    "expense.create": "Expenses recorded",
    "import.expenses": "Expenses recorded",
    "review.verdict": "Reviews done",
    "review.approve": "Reviews done",
    "review.changes": "Reviews done",
    "project.plan": "Projects planned",
    "project.health": "Statuses set by hand",
    "risk.create": "Risks logged or updated",
    "risk.update": "Risks logged or updated",
    "request.create": "Requests received",
    "import.mail": "Requests received",
}
OTHER_MOVES = "Other changes"


@dataclass(frozen=True, slots=True)
class HealthSignals:
    """What the health rule looks at; working days throughout."""

    overdue_tasks: int = 0
    worst_overdue_days: int = 0
    late_deliveries: int = 0
    reviews_waiting: int = 0
    serious_risks: int = 0
    slip_days: int = 0
    estimate_minor: int = 0
    forecast_minor: int = 0
    used_minor: int = 0  # the larger of committed and actual spend, as the afternoon's 90 % warning uses


def health(sig: HealthSignals) -> tuple[str, tuple[str, ...]]:
    """On track, at risk or off track, with the reasons a person can check."""
    overspend = _pct(sig.forecast_minor - sig.estimate_minor, sig.estimate_minor)
    used = _pct(sig.used_minor, sig.estimate_minor)
    off = [
        (sig.slip_days > OFF_TRACK_SLIP_DAYS, f"delivery slips by {sig.slip_days} working days"),
        (sig.worst_overdue_days > OFF_TRACK_OVERDUE_DAYS, _overdue(sig)),
        (overspend > OFF_TRACK_OVERSPEND_PCT, f"forecast {pct_text(overspend)} % over the estimate"),
    ]
    risky = [
        (0 < sig.slip_days <= OFF_TRACK_SLIP_DAYS, f"delivery slips by {sig.slip_days} working days"),
        (sig.overdue_tasks > 0, _overdue(sig)),
        (sig.late_deliveries > 0, f"{sig.late_deliveries} vendor deliver{'ies' if sig.late_deliveries != 1 else 'y'} late"),
        (sig.serious_risks > 0, f"{sig.serious_risks} serious risk{_s(sig.serious_risks)} open"),
        (0 < overspend <= OFF_TRACK_OVERSPEND_PCT, f"forecast {pct_text(overspend)} % over the estimate"),
        (overspend <= 0 and used >= AT_RISK_USED_PCT, f"{pct_text(used)} % of the budget ordered or spent"),
        (sig.reviews_waiting > 0, f"{sig.reviews_waiting} draft{_s(sig.reviews_waiting)} waiting for review"),
    ]
    off_reasons = tuple(text for hit, text in off if hit)
    risk_reasons = tuple(text for hit, text in risky if hit and text not in off_reasons)
    if off_reasons:
        return OFF_TRACK, off_reasons + risk_reasons
    # A draft waiting alone is routine work, not a risk to the project.
    if any(hit for hit, _ in risky[:-1]):
        return AT_RISK, risk_reasons
    return ON_TRACK, risk_reasons


def _overdue(sig: HealthSignals) -> str:
    n, days = sig.overdue_tasks, sig.worst_overdue_days
    oldest = f", the oldest by {days} working day{_s(days)}" if n > 1 else f" by {days} working day{_s(days)}"
    return f"{n} task{_s(n)} overdue" + (oldest if days else "")


def _pct(part: int, whole: int) -> float:
    return 0.0 if whole <= 0 else 100.0 * part / whole


def pct_text(value: float) -> str:
    """One decimal, without a trailing '.0': 0.1 % of a big budget is still money."""
    return f"{value:.1f}".removesuffix(".0")


def _s(n: int) -> str:
    return "" if n == 1 else "s"


@dataclass(frozen=True, slots=True)
class Moved:
    """One kind of thing that moved on the day, with each change's summary."""

    label: str
    items: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class ProjectLine:
    id: int
    code: str
    name: str
    client: str
    delivery_on: date | None
    currency: str
    computed: str
    reasons: tuple[str, ...]
    override: str | None
    comment: str
    tasks_done: int
    tasks_total: int
    deliverables_done: int
    deliverables_total: int
    estimate_minor: int
    committed_minor: int
    actual_minor: int
    forecast_minor: int
    open_risks: int
    decisions: tuple[str, ...]

    @property
    def health(self) -> str:
        return self.override or self.computed

    @property
    def tasks_pct(self) -> int:
        return 0 if self.tasks_total == 0 else round(100 * self.tasks_done / self.tasks_total)

    @property
    def deliverables_pct(self) -> int:
        return 0 if self.deliverables_total == 0 else round(100 * self.deliverables_done / self.deliverables_total)


@dataclass(frozen=True, slots=True)
class Totals:
    """Across projects, per currency (amounts in different currencies are never added)."""

    currency: str
    estimate_minor: int
    committed_minor: int
    actual_minor: int
    forecast_minor: int


@dataclass(frozen=True, slots=True)
class NextTask:
    id: int
    project_code: str
    title: str
    assignee: str
    due_on: date | None
    priority: int


@dataclass(frozen=True, slots=True)
class DayReport:
    day: date
    moved: tuple[Moved, ...]
    projects: tuple[ProjectLine, ...]
    totals: tuple[Totals, ...]
    tomorrow: tuple[NextTask, ...]
    next_day: date
    project_code: str | None = None
    notes: tuple[str, ...] = field(default=())

    @property
    def nothing_moved(self) -> bool:
        return not self.moved


def group_moves(batches: list[tuple[str, str]]) -> tuple[Moved, ...]:
    """(kind, summary) pairs of the day's change log, grouped under the report's headings."""
    groups: dict[str, list[str]] = {label: [] for label in (*dict.fromkeys(MOVE_KINDS.values()), OTHER_MOVES)}
    for kind, summary in batches:
        groups[MOVE_KINDS.get(kind, OTHER_MOVES)].append(summary)
    return tuple(Moved(label, tuple(items)) for label, items in groups.items() if items)


def forecast_minor(estimate: int, committed: int, actual: int) -> int:
    """The afternoon's forecast at completion, on bare minor units (the report's SQL computes the same)."""
    return forecast_at_completion(Money(estimate), Money(committed), Money(actual)).minor


def sum_totals(projects: tuple[ProjectLine, ...]) -> tuple[Totals, ...]:
    by_currency: dict[str, list[int]] = {}
    for p in projects:
        acc = by_currency.setdefault(p.currency, [0, 0, 0, 0])
        for i, value in enumerate((p.estimate_minor, p.committed_minor, p.actual_minor, p.forecast_minor)):
            acc[i] += value
    return tuple(Totals(cur, *values) for cur, values in sorted(by_currency.items()))


@dataclass(frozen=True, slots=True)
class CalendarItem:
    """A dated deadline or milestone for a calendar app; `uid` stays the same from one export to the next."""

    uid: str
    day: date
    summary: str
    description: str
    category: str


def read_health(text: str) -> str | None:
    """'on track', 'at risk', 'off track' (or on_track…) as typed; 'auto' or empty clears the override."""
    key = text.strip().lower().replace("_", " ").replace("-", " ")
    if key in ("", "auto", "computed"):
        return None
    for value, label in HEALTH_LABELS.items():
        if key == label:
            return value
    from .errors import InputError

    raise InputError(f"{text.strip()!r} is not a status: type on track, at risk, off track or auto", field="health")

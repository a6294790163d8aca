"""Turn the report's raw rows (ISO text dates, bare integers) into a DayReport: pure, so both paths agree."""

from __future__ import annotations

from collections.abc import Container
from datetime import date, datetime
from typing import Any

from .dates import FRENCH_HOLIDAYS, add_working_days, format_date, working_days_between
from .errors import InputError
from .report import DayReport, HealthSignals, NextTask, ProjectLine, group_moves, health, sum_totals


def as_date(value: Any) -> date | None:
    if value is None or isinstance(value, date) and not isinstance(value, datetime):
        return value
    if isinstance(value, datetime):
        return value.date()
    return date.fromisoformat(str(value)[:10])


def holidays_of(days: list[Any]) -> Container[date]:
    """The holidays the user keeps in the database; the French list when they keep none."""
    listed = {as_date(d) for d in days}
    return listed or FRENCH_HOLIDAYS


def next_working_day(day: date, holidays: Container[date]) -> date:
    return add_working_days(day, 1, holidays)


def check_day(day: date, today: date, first_day: tuple[Any, int]) -> None:
    """A report needs projects, and a day that has happened."""
    first, count = first_day
    if not count:
        raise InputError("there is nothing to report: the database holds no projects yet (try `prodcom demo`)", field="date")
    if day > today:
        raise InputError(f"{format_date(day)} {day.year} is in the future: report on today or an earlier day", field="date")
    start = as_date(first)
    if start is not None and day < start:
        raise InputError(
            f"there is no data on {format_date(day)} {day.year}: the first project was created on "
            f"{format_date(start)} {start.year}",
            field="date",
        )


def build(data: dict[str, Any], day: date, project_code: str | None = None) -> DayReport:
    holidays = holidays_of(data["holidays"])
    projects = tuple(_project(row, data, day, holidays) for row in data["projects"])
    tomorrow = tuple(
        NextTask(int(tid), code, title, who or "—", as_date(due), int(prio))
        for tid, code, title, who, due, prio in data["next_tasks"]
    )
    notes = _notes(data, projects)
    return DayReport(
        day, group_moves(list(data["moved"])), projects, sum_totals(projects), tomorrow,
        next_working_day(day, holidays), project_code, notes,
    )


def _notes(data: dict[str, Any], projects: tuple[ProjectLine, ...]) -> tuple[str, ...]:
    mixed = [p.code for p in projects if len(data["budget"].get(p.id, ())) > 1]
    if not mixed:
        return ()
    return (f"budget lines in a second currency are left out of {', '.join(mixed)}: convert them to compare",)


def _project(row: tuple, data: dict[str, Any], day: date, holidays: Container[date]) -> ProjectLine:
    pid, code, name, client, delivery, currency, override, comment = row
    delivery = as_date(delivery)
    total, done, overdue, oldest, last_due = data["tasks"].get(pid, (0, 0, 0, None, None))
    d_total, d_done = data["deliverables"].get(pid, (0, 0))
    estimate, committed, actual, forecast = _budget(data["budget"].get(pid, ()), currency)
    risks, serious = data["risks"].get(pid, (0, 0))
    signals = HealthSignals(
        overdue_tasks=int(overdue or 0),
        worst_overdue_days=working_days_between(as_date(oldest), day, holidays) if oldest else 0,
        late_deliveries=int(data["late_deliveries"].get(pid, (0,))[0]),
        reviews_waiting=int(data["reviews_waiting"].get(pid, (0,))[0]),
        serious_risks=int(serious or 0),
        slip_days=_slip(delivery, as_date(last_due), day, holidays),
        estimate_minor=estimate, forecast_minor=forecast, used_minor=max(committed, actual),
    )
    computed, reasons = health(signals)
    return ProjectLine(
        int(pid), code, name, client or "", delivery, currency, computed, reasons, override, comment or "",
        int(done or 0), int(total or 0), int(d_done or 0), int(d_total or 0),
        estimate, committed, actual, forecast, int(risks or 0), _decisions(pid, data, signals),
    )


def _budget(rows: Any, currency: str) -> tuple[int, int, int, int]:
    for row in rows:
        if row[0] == currency:
            return tuple(int(v or 0) for v in row[1:5])  # type: ignore[return-value]
    return 0, 0, 0, 0


def _slip(delivery: date | None, last_due: date | None, day: date, holidays: Container[date]) -> int:
    """Working days the work runs past the delivery date: planned tasks beyond it, or a date already gone."""
    if delivery is None:
        return 0
    planned = working_days_between(delivery, last_due, holidays) if last_due and last_due > delivery else 0
    gone = working_days_between(delivery, day, holidays) if last_due and delivery < day else 0
    return max(planned, gone)


def quote_decision(quotes: int, needs: int) -> str:
    """What the producer decides about the quotes waiting for one project's needs (each need one line)."""
    if quotes <= needs:  # one quote a need: nothing to compare, only to take each or not
        return f"accept or decline {quotes} quote{'s' if quotes != 1 else ''}"
    return f"choose among {quotes} quotes for {needs} need{'s' if needs != 1 else ''}"


def _decisions(pid: int, data: dict[str, Any], sig: HealthSignals) -> tuple[str, ...]:
    found = []
    quotes, needs = data["quotes"].get(pid, (0, 0))
    if quotes:
        found.append(quote_decision(quotes, needs))
    if sig.reviews_waiting:
        found.append(f"review {sig.reviews_waiting} draft{'s' if sig.reviews_waiting != 1 else ''}")
    if sig.serious_risks:
        found.append(f"act on {sig.serious_risks} serious risk{'s' if sig.serious_risks != 1 else ''}")
    if sig.estimate_minor and sig.forecast_minor > sig.estimate_minor:
        found.append("agree the overrun or cut scope")
    return tuple(found)

"""JSON for scripts: stable keys, amounts as integer minor units beside their currency."""

from __future__ import annotations

import json
from datetime import date
from typing import Any

from prodcom_tui.domain.report import DayReport, ProjectLine, Totals

SCHEMA = "prodcom.report/1"


def _day(d: date | None) -> str | None:
    return None if d is None else d.isoformat()


def _money(x: ProjectLine | Totals, currency: str) -> dict[str, Any]:
    return {
        "currency": currency, "estimate_minor": x.estimate_minor, "committed_minor": x.committed_minor,
        "actual_minor": x.actual_minor, "forecast_minor": x.forecast_minor,
    }


def _project(p: ProjectLine) -> dict[str, Any]:
    return {
        "id": p.id, "code": p.code, "name": p.name, "client": p.client, "delivery_on": _day(p.delivery_on),
        "health": p.health, "health_computed": p.computed, "health_override": p.override,
        "health_comment": p.comment, "reasons": list(p.reasons),
        "tasks": {"done": p.tasks_done, "total": p.tasks_total, "pct": p.tasks_pct},
        "deliverables": {"done": p.deliverables_done, "total": p.deliverables_total, "pct": p.deliverables_pct},
        "budget": _money(p, p.currency), "open_risks": p.open_risks, "decisions": list(p.decisions),
    }


def as_dict(report: DayReport) -> dict[str, Any]:
    return {
        "schema": SCHEMA,
        "day": _day(report.day),
        "next_working_day": _day(report.next_day),
        "project": report.project_code,
        "moved": [{"label": m.label, "count": len(m.items), "items": list(m.items)} for m in report.moved],
        "projects": [_project(p) for p in report.projects],
        "totals": [_money(t, t.currency) for t in report.totals],
        "tomorrow": [
            {"id": t.id, "project": t.project_code, "title": t.title, "assignee": t.assignee,
             "due_on": _day(t.due_on), "priority": t.priority}
            for t in report.tomorrow
        ],
        "notes": list(report.notes),
    }


def render_json(report: DayReport) -> str:
    return json.dumps(as_dict(report), ensure_ascii=False, indent=2) + "\n"

"""One self-contained HTML file: no scripts, no outside fonts or images, and a print stylesheet."""

from __future__ import annotations

from html import escape

from prodcom_tui.domain.dates import format_date
from prodcom_tui.domain.report import DayReport, ProjectLine, Totals

from .common import burn_pct, clean, commit_pct, eur, health_label, moved_scope, nothing_moved, title

STYLE = """
body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1d232a;margin:2rem auto;max-width:70rem;padding:0 1rem}
h1{font-size:1.6rem;margin:0 0 1rem}h2{font-size:1.15rem;border-bottom:2px solid #d5dbe1;padding-bottom:.2rem;margin-top:2rem}
table{border-collapse:collapse;width:100%}th,td{text-align:left;padding:.35rem .5rem;border-bottom:1px solid #e3e7eb;vertical-align:top}
th{font-size:.8rem;text-transform:uppercase;letter-spacing:.03em;color:#56606b}td.n{text-align:right;white-space:nowrap}
.h{display:inline-block;padding:.05rem .45rem;border-radius:.6rem;font-weight:600;font-size:.85rem;white-space:nowrap}
.on_track{background:#dff3e4;color:#155d27}.at_risk{background:#fff1cc;color:#7a4f00}.off_track{background:#fbd9d7;color:#8a1c14}
.bar{position:relative;height:.7rem;width:9rem;background:#eceff2;border-radius:.2rem;overflow:hidden;display:inline-block;vertical-align:middle}
.bar i{position:absolute;left:0;top:0;bottom:0}.bar .c{background:#9fb8d8}.bar .a{background:#2f5f98}.over .a{background:#c0392b}
.sub{color:#56606b;font-size:.85rem}ul{margin:.3rem 0 .8rem 1.2rem;padding:0}dl{display:grid;grid-template-columns:max-content auto;gap:.2rem 1rem}
dt{color:#56606b}dd{margin:0;font-variant-numeric:tabular-nums}
@media print{body{margin:0;max-width:none;font-size:11pt}h2{break-after:avoid}tr{break-inside:avoid}
.h,.bar,.bar i{-webkit-print-color-adjust:exact;print-color-adjust:exact}@page{margin:1.5cm}}
"""


def e(text: object) -> str:
    return escape(clean(text), quote=True)


def render_html(report: DayReport) -> str:
    parts = [
        "<!DOCTYPE html>", '<html lang="en"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width,initial-scale=1">',
        f"<title>{e(title(report))}</title><style>{STYLE}</style></head><body>",
        f"<h1>{e(title(report))}</h1>",
        *_moved(report), *_projects(report), *_totals(report), *_tomorrow(report),
        *(f'<p class="sub">{e(note)}</p>' for note in report.notes),
        "</body></html>",
    ]
    return "\n".join(parts) + "\n"


def _moved(report: DayReport) -> list[str]:
    out = [f"<h2>What moved{e(moved_scope(report))}</h2>"]
    if report.nothing_moved:
        return out + [f"<p>{e(nothing_moved(report))}</p>"]
    for m in report.moved:
        out.append(f"<p><strong>{e(m.label)}</strong> ({len(m.items)})</p><ul>")
        out += [f"<li>{e(item)}</li>" for item in m.items[:50]]
        if len(m.items) > 50:
            out.append(f"<li>… and {len(m.items) - 50} more</li>")
        out.append("</ul>")
    return out


def _bar(x: ProjectLine | Totals) -> str:
    actual, committed = burn_pct(x), commit_pct(x)
    if actual is None or committed is None:
        return '<span class="sub">no estimate</span>'
    over = " over" if x.forecast_minor > x.estimate_minor else ""
    return (f'<span class="bar{over}" role="img" aria-label="{actual} % spent, {committed} % committed">'
            f'<i class="c" style="width:{min(committed, 100)}%"></i><i class="a" style="width:{min(actual, 100)}%"></i>'
            f"</span> {actual} %")


def _projects(report: DayReport) -> list[str]:
    out = ["<h2>Projects</h2>"]
    if not report.projects:
        return out + ["<p>No live project.</p>"]
    out.append("<table><thead><tr><th>Project</th><th>Status</th><th>Tasks</th><th>Deliverables</th>"
               "<th>Budget burn</th><th>Actual / estimate</th><th>Risks</th><th>Decisions needed</th></tr></thead><tbody>")
    out += [_row(p) for p in report.projects]
    return out + ["</tbody></table>"]


def _row(p: ProjectLine) -> str:
    why = "".join(f"<br><span class=sub>{e(r)}</span>" for r in p.reasons)
    comment = f"<br><em>{e(p.comment)}</em>" if p.override and p.comment else ""
    due = f"<br><span class=sub>delivery {e(format_date(p.delivery_on))}</span>" if p.delivery_on else ""
    decisions = "".join(f"<li>{e(d)}</li>" for d in p.decisions)
    return (
        f"<tr><td><strong>{e(p.code)}</strong><br>{e(p.name)}{due}</td>"
        f'<td><span class="h {p.health}">{e(health_label(p))}</span>{comment}{why}</td>'
        f'<td class="n">{p.tasks_done}/{p.tasks_total}<br><span class=sub>{p.tasks_pct} %</span></td>'
        f'<td class="n">{p.deliverables_done}/{p.deliverables_total}</td><td>{_bar(p)}</td>'
        f'<td class="n">{e(eur(p.actual_minor, p.currency))}<br><span class=sub>of {e(eur(p.estimate_minor, p.currency))}</span></td>'
        f'<td class="n">{p.open_risks}</td><td>{f"<ul>{decisions}</ul>" if decisions else "—"}</td></tr>'
    )


def _totals(report: DayReport) -> list[str]:
    out = ["<h2>Across projects</h2>"]
    for t in report.totals:
        rows = [("Estimate", t.estimate_minor), ("Committed", t.committed_minor), ("Actual", t.actual_minor),
                ("Forecast", t.forecast_minor)]
        out.append("<dl>" + "".join(f"<dt>{k}</dt><dd>{e(eur(v, t.currency))}</dd>" for k, v in rows)
                   + f"<dt>Burn</dt><dd>{_bar(t)}</dd></dl>")
    return out


def _tomorrow(report: DayReport) -> list[str]:
    out = [f"<h2>Next: {e(format_date(report.next_day))}</h2>"]
    if not report.tomorrow:
        return out + ["<p>Nothing due.</p>"]
    items = "".join(
        f"<li><strong>{e(t.project_code)}</strong> — {e(t.title)} <span class=sub>({e(t.assignee)}, due "
        f"{e(format_date(t.due_on)) if t.due_on else '—'})</span></li>"
        for t in report.tomorrow
    )
    return out + [f"<ul>{items}</ul>"]

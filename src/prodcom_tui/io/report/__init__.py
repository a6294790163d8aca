"""The evening report written out: Markdown, self-contained HTML, stable JSON and plain text."""

from __future__ import annotations

from prodcom_tui.domain.errors import InputError
from prodcom_tui.domain.report import DayReport

FORMATS = ("md", "html", "json", "txt")
SUFFIX = {"md": ".md", "html": ".html", "json": ".json", "txt": ".txt"}


def render(report: DayReport, fmt: str) -> str:
    """The report as text in `fmt`; the app's ctrl+e and `prodcom report` both come through here."""
    if fmt == "md":
        from .markdown import render_md as fn
    elif fmt == "html":
        from .html import render_html as fn
    elif fmt == "json":
        from .jsonout import render_json as fn
    elif fmt == "txt":
        from .text import render_txt as fn
    else:
        raise InputError(f"unknown report format {fmt!r}: choose one of {', '.join(FORMATS)}", field="format")
    return fn(report)


def default_name(report: DayReport, fmt: str) -> str:
    scope = f"-{report.project_code}" if report.project_code else ""
    return f"prodcom-report-{report.day.isoformat()}{scope}{SUFFIX.get(fmt, '.txt')}"

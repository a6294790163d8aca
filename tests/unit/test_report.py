"""The evening report on the demo data: totals straight from the database, every format, the same content twice."""

from __future__ import annotations

import json
import sqlite3
import stat
from datetime import date

import pytest

from prodcom_tui.cli.main import main
from prodcom_tui.domain.budget import forecast_at_completion
from prodcom_tui.domain.errors import InputError
from prodcom_tui.domain.money import Money

DAY = date(2026, 11, 26)


def db_sums(path) -> dict[str, int]:
    """Live projects' budget figures summed line by line with sqlite3, outside prodcom's code."""
    conn = sqlite3.connect(path)
    lines = conn.execute(
        "SELECT bl.id, bl.estimate_minor FROM budgetline bl JOIN project p ON p.id = bl.project_id WHERE p.status = 'live'"
    ).fetchall()
    committed = dict(conn.execute(
        "SELECT budget_line_id, SUM(amount_minor) FROM purchaseorder WHERE status <> 'cancelled' GROUP BY budget_line_id"
    ).fetchall())
    actual = dict(conn.execute("SELECT budget_line_id, SUM(amount_minor) FROM expense GROUP BY budget_line_id").fetchall())
    conn.close()
    sums = {"estimate_minor": 0, "committed_minor": 0, "actual_minor": 0, "forecast_minor": 0}
    for line_id, estimate in lines:
        c, a = committed.get(line_id, 0), actual.get(line_id, 0)
        sums["estimate_minor"] += estimate
        sums["committed_minor"] += c
        sums["actual_minor"] += a
        sums["forecast_minor"] += forecast_at_completion(Money(estimate), Money(c), Money(a)).minor
    return sums


def run_cli(capsys, *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out = capsys.readouterr()
    return code, out.out, out.err


def test_json_totals_equal_the_database_sums(demo_path, capsys) -> None:
    code, out, _ = run_cli(capsys, "report", "--db", str(demo_path), "--format", "json")
    assert code == 0
    data = json.loads(out)
    assert data["schema"] == "prodcom.report/1" and data["day"] == DAY.isoformat()
    [totals] = data["totals"]
    assert totals.pop("currency") == "EUR"
    assert totals == db_sums(demo_path)
    assert sum(p["budget"]["actual_minor"] for p in data["projects"]) == totals["actual_minor"]
    assert all(isinstance(p["budget"]["estimate_minor"], int) for p in data["projects"])
    assert {p["health"] for p in data["projects"]} <= {"on_track", "at_risk", "off_track"}


def test_app_and_command_line_give_the_same_content(services, demo_path, capsys) -> None:
    for fmt in ("md", "html", "json", "txt"):
        code, out, _ = run_cli(capsys, "report", "--db", str(demo_path), "--format", fmt)
        assert code == 0
        assert out == services.report.render(fmt)


def test_what_moved_comes_from_the_change_log(services) -> None:
    with services.store.writing("task.done", "Done: call the printer"):
        pass
    with services.store.writing("expense.create", "Expense 120,00 € — Imprimerie [bold]X[/bold]"):
        pass
    report = services.report.day_report()
    labels = {m.label: m.items for m in report.moved}
    # The demo's own history of today is there too, so look for ours among it.
    assert "Done: call the printer" in labels["Tasks done"]
    assert "Expense 120,00 € — Imprimerie [bold]X[/bold]" in labels["Expenses recorded"]
    md = services.report.render("md")
    assert "Imprimerie \\[bold\\]X\\[/bold\\]" in md
    assert "&lt;" not in md
    html = services.report.render("html")
    assert "<script" not in html and "Imprimerie [bold]X[/bold]" in html


def test_undone_changes_do_not_count_as_moved(services) -> None:
    with services.store.writing("task.done", "Done: something"):
        pass
    services.system.undo_last()
    assert all("Done: something" not in m.items for m in services.report.day_report().moved)


def test_a_quiet_day_says_so(services) -> None:
    report = services.report.day_report(date(2026, 11, 21))
    assert report.nothing_moved
    assert "Nothing was recorded on Sat 21 Nov 2026." in services.report.render("txt", date(2026, 11, 21))


@pytest.mark.parametrize(("day", "message"), [(date(2026, 11, 27), "in the future"), (date(2020, 1, 6), "no data on")])
def test_a_day_without_data_is_refused_clearly(services, day, message) -> None:
    with pytest.raises(InputError, match=message):
        services.report.day_report(day)


def test_empty_database_says_there_is_nothing(store) -> None:
    from prodcom_tui.services.facade import Services

    with pytest.raises(InputError, match="no projects yet"):
        Services(store).report.day_report()


def test_one_project_report(services) -> None:
    code = services.overview.projects()[0].code
    report = services.report.day_report(project=code.lower())
    assert [p.code for p in report.projects] == [code]
    assert report.project_code == code
    assert "(whole agency)" in services.report.render("txt", project=code)


def test_export_is_atomic_and_private(services, tmp_path) -> None:
    target = services.report.export(tmp_path / "r.html", "html")
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert target.read_text().startswith("<!DOCTYPE html>")
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".r.html")] == []
    with pytest.raises(InputError, match="does not exist"):
        services.report.export(tmp_path / "missing" / "r.md", "md")
    assert not (tmp_path / "missing").exists()


def test_cli_output_file_and_bad_inputs(demo_path, tmp_path, capsys) -> None:
    out = tmp_path / "evening.md"
    code, said, _ = run_cli(capsys, "report", "--db", str(demo_path), "--format", "md", "--output", str(out))
    assert code == 0 and str(out) in said
    assert out.read_text().startswith("# Evening report — Thu 26 Nov 2026")
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    for args, message in (
        (("--output", str(tmp_path / "nope" / "r.md")), "does not exist"),
        (("--date", "2026-02-30"), "no 30 February"),
        (("--date", "2027-01-04"), "in the future"),
        (("--project", "NOPE"), "no project #NOPE"),
    ):
        code, _, err = run_cli(capsys, "report", "--db", str(demo_path), *args)
        assert code == 1 and message in err, err
    assert not (tmp_path / "nope").exists()


def test_report_path_imports_neither_textual_nor_sqlalchemy(demo_path) -> None:
    import subprocess
    import sys

    code = (
        "import sys; from prodcom_tui.cli.main import main; main(['report', '--db', sys.argv[1], '--format', 'json']);"
        "print([m for m in ('textual', 'sqlalchemy', 'sqlmodel') if m in sys.modules], file=sys.stderr)"
    )
    out = subprocess.run([sys.executable, "-c", code, str(demo_path)], capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    assert out.stderr.strip() == "[]"


def test_fast_reader_agrees_with_alembic_on_the_head() -> None:
    from prodcom_tui.store import fastread, migrate

    assert fastread.head_revision() == migrate.head_revision()


def test_report_on_a_file_without_schema_migrates_it_then_says_it_is_empty(tmp_path, capsys) -> None:
    from prodcom_tui.store.engine import create_private_file
    from prodcom_tui.store.fastread import connect_current

    path = tmp_path / "new.db"
    create_private_file(path)
    assert connect_current(path) is None
    code, _, err = run_cli(capsys, "report", "--db", str(path))
    assert code == 1 and "no projects yet" in err
    assert connect_current(path) is not None


def test_hostile_text_is_inert_in_every_format(services) -> None:
    from prodcom_tui.store.models import Project

    pid = services.overview.projects()[0].id
    evil = "<script>alert(1)</script> | *bold* \x1b]52;c;aGk=\x07 [red]x[/red]"
    with services.store.raw_writing() as s:
        project = s.get(Project, pid)
        project.name = evil
        s.add(project)
    html = services.report.render("html")
    assert "<script>" not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    for fmt in ("html", "md", "txt", "json"):
        out = services.report.render(fmt)
        assert "\x1b" not in out and "\x07" not in out, fmt
    md = services.report.render("md")
    assert "\\<script\\>" in md and "\\| \\*bold\\*" in md
    assert json.loads(services.report.render("json"))["projects"][0]["name"] != ""

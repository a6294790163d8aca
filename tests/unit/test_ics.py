"""The calendar export read back by a parser that is not ours, with every deadline of the database in it."""

from __future__ import annotations

import sqlite3
import stat
from datetime import date

from icalendar import Calendar

from prodcom_tui.cli.main import main


def deadlines_in_db(path) -> dict[str, date]:
    """Open tasks and deliverables of live projects, and the projects' delivery dates, read with sqlite3."""
    conn = sqlite3.connect(path)
    rows = conn.execute(
        "SELECT 'task-' || t.id, t.due_on FROM task t JOIN project p ON p.id = t.project_id "
        "WHERE p.status = 'live' AND t.status IN ('todo', 'doing') AND t.due_on IS NOT NULL "
        "UNION ALL SELECT 'deliverable-' || d.id, d.due_on FROM deliverable d JOIN project p ON p.id = d.project_id "
        "WHERE p.status = 'live' AND d.status <> 'delivered' AND d.due_on IS NOT NULL "
        "UNION ALL SELECT 'delivery-' || id, delivery_on FROM project WHERE status = 'live' AND delivery_on IS NOT NULL"
    ).fetchall()
    conn.close()
    return {f"{key}@prodcom": date.fromisoformat(day) for key, day in rows}


def unfolded_events(text: str) -> list[dict[str, str]]:
    """A deliberately naive second reader (RFC 5545 line unfolding only), so the check is not icalendar's alone."""
    lines = text.replace("\r\n ", "").replace("\r\n\t", "").split("\r\n")
    events, current = [], None
    for line in lines:
        if line == "BEGIN:VEVENT":
            current = {}
        elif line == "END:VEVENT":
            events.append(current)
            current = None
        elif current is not None and ":" in line:
            name, value = line.split(":", 1)
            current[name.split(";")[0]] = value
    return events


def test_ics_has_every_deadline_and_parses(demo_path, tmp_path, capsys) -> None:
    out = tmp_path / "deadlines.ics"
    assert main(["export", "ics", "--db", str(demo_path), "--output", str(out)]) == 0
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    raw = out.read_bytes()
    cal = Calendar.from_ical(raw)
    parsed = {str(ev["UID"]): ev.decoded("DTSTART") for ev in cal.walk("VEVENT")}
    expected = deadlines_in_db(demo_path)
    assert expected, "the demo data has deadlines"
    for uid, day in expected.items():
        assert parsed.get(uid) == day, uid
    naive = {ev["UID"]: ev["DTSTART"] for ev in unfolded_events(raw.decode("utf-8"))}
    assert len(naive) == len(parsed)
    assert all(naive[uid] == day.strftime("%Y%m%d") for uid, day in expected.items())
    assert all(len(line) <= 75 for line in raw.decode("utf-8").split("\r\n") if line.isascii())


def test_ics_to_a_missing_folder_writes_nothing(demo_path, tmp_path, capsys) -> None:
    assert main(["export", "ics", "--db", str(demo_path), "--output", str(tmp_path / "no" / "x.ics")]) == 1
    assert "does not exist" in capsys.readouterr().err
    assert not (tmp_path / "no").exists()

"""Hostile names and subjects reach no terminal: every mode and modal is drawn in a real pseudo-terminal
over a demo copy whose free-text columns hold markup, a clipboard-writing OSC 52, bidi overrides, C1
controls and a 5,000-character name; the bytes the app wrote are then scanned."""

from __future__ import annotations

import fcntl
import os
import pty
import re
import select
import signal
import sqlite3
import struct
import sys
import termios
import time
from pathlib import Path

import pytest

MARKUP = "[bold red]ACME[/]"
# Each value starts with something that must not reach the terminal, so that the first row of any list, cut
# to a few cells, still carries it; and every pane's first row (the one enter opens) holds one of them.
HOSTILE = (
    "\u202e" + MARKUP,
    "\x1b]52;c;ZXZpbA==\x07Devis urgent",
    "\u2066facture\u202egpj.exe",
    "\x9b31mC1 \x9d0;title\x9c \x85 end",
    "\x1b]0;pwned\x07" + "L" * 5000,
    "\x1b[2J\x1b[31mwiped\x1b]0;pwned\x07",
)
LAST_SUMMARY = "".join(HOSTILE[1:4]) + HOSTILE[5]
# Free-text columns a person or a file fills (codes, handles and closed lists are checked on the way in).
COLUMNS = {
    "vendor": ["name", "contact_name", "notes"], "person": ["name", "role"], "project": ["name", "client", "health_comment"],
    "budgetline": ["name"], "deliverable": ["name", "bat_signed_by"], "risk": ["title", "mitigation", "contingency"],
    "quote": ["description"], "task": ["title"], "note": ["body"], "request": ["requester", "subject", "body"],
    "delivery": ["description", "issue_note"], "expense": ["description", "invoice_ref"],
    "review": ["feedback", "signed_by"], "changebatch": ["summary"], "healthlog": ["comment"],
    "checklistitem": ["label"], "plantemplate": ["name"], "plantemplatestep": ["title"], "holiday": ["label"],
}


def poison(path: Path) -> None:
    """Write hostile text straight into the file, as another tool or an old version could have."""
    with sqlite3.connect(path) as conn:
        for table, columns in COLUMNS.items():
            sets = ", ".join(f"{c} = CASE rowid % {len(HOSTILE)} " + " ".join(
                f"WHEN {i} THEN :h{i}" for i in range(len(HOSTILE))) + " END" for c in columns)
            conn.execute(f"UPDATE {table} SET {sets}", {f"h{i}": h for i, h in enumerate(HOSTILE)})
        # The change `u` and `prodcom undo` reverse next: its summary is printed whole, so it holds every kind.
        conn.execute("UPDATE changebatch SET summary = ? WHERE id = (SELECT max(id) FROM changebatch)", (LAST_SUMMARY,))


def read_until_quiet(fd: int, quiet: float = 0.2, limit: float = 8.0, needle: bytes = b"") -> bytes:
    """What the app writes until it has been quiet for `quiet` seconds (and, if given, `needle` was drawn)."""
    out, start, last = bytearray(), time.monotonic(), time.monotonic()
    while time.monotonic() - start < limit and (time.monotonic() - last < quiet or not drawn(needle, out)):
        ready, _, _ = select.select([fd], [], [], 0.05)
        if ready:
            try:
                chunk = os.read(fd, 65536)
            except OSError:
                break
            if not chunk:
                break
            out += chunk
            last = time.monotonic()
    return bytes(out)


def drawn(needle: bytes, out: bytes | bytearray) -> bool:
    """Whether the text was drawn (Textual cuts a line into runs with CSI between them only where style changes)."""
    return not needle or needle in out or needle in CSI.sub(b"", bytes(out))


ESC, TAB, ENTER = "\x1b", "\t", "\r"
WIDE = (44, 170)  # rows, columns: the afternoon's side panel shows from 150 columns


def close(what: str) -> tuple[str, str, str]:
    return (f"close {what}", ESC, "")


def steps(good_csv: Path, bad_csv: Path) -> list[tuple[str, str, str]]:
    """(what, keys, text that proves it was drawn): every pane of every mode, and what enter and the row keys
    open there. `RESIZE` widens the terminal so the afternoon's side panel explains each pane's row."""
    morning = [
        ("request reader", ENTER, "Wanted by"), close("request"), ("triage form", "t", "Triage into a task"),
        close("triage"), ("morning help", "?", "Keys"), close("help"),
        ("roadblocks pane", TAB, ""), ("timelines pane", TAB, ""), ("project detail", ENTER, "Open risks"),
        close("project"), ("team pane", TAB, ""), ("task edit form", ENTER, "Edit task #"), close("task"),
        ("feedback form", "f", "Feedback to"), close("feedback"), ("due form", "d", "Due date"), close("due"),
        ("requests pane", TAB, ""), ("roadblocks pane again", TAB, ""), ("a roadblock's target", ENTER, ""),
    ]
    afternoon = [
        ("afternoon", "2", "late first"), ("afternoon help", "?", "Keys"), close("help"),
        ("receive form", ENTER, "Received:"), close("receive"),
        ("quotes pane", TAB, "cheapest first"), ("quote comparison", ENTER, "A accept"), close("comparison"),
        ("devis form", "n", "Devis: request"), close("devis"),
        ("reviews pane", TAB, "waiting first"), ("review", ENTER, "Brand checklist"), close("review"),
        ("budget pane", TAB, "Budget of live"), ("a budget line", "j", ""), ("estimate form", "E", "Re-estimate"),
        close("estimate"), ("expense form on the line", ENTER, "Record an expense"), close("expense"),
        ("csv import", "i", "Import expenses from"), ("csv preview", f"{good_csv}{ENTER}", "Already there"),
        close("import"), ("csv import again", "i", "Import expenses from"),
        ("csv error", f"{bad_csv}{ENTER}", "no vendor"), close("import"),
        ("expenses pane", TAB, "newest first"), ("expense form on a row", "e", "Record an expense"), close("expense"),
        ("vendors pane", TAB, "Spend"), ("vendor history", ENTER, "Spend to date"), close("history"),
        ("vendor form", "e", "Edit vendor"), close("vendor"),
        ("wide terminal", "RESIZE", ""),
    ] + [step for pane in ("deliveries", "quotes", "reviews", "budget", "expenses", "vendors")
         for step in ((f"{pane} pane, wide", TAB, ""), (f"{pane} side panel", "j", ""))]
    # The morning's first roadblock is a risk: its enter left the evening's focus on the register's row.
    evening = [
        ("evening", "3", "What moved"), ("charts", "c", ""), close("charts"),
        ("status form", "o", "Status of"), close("status"), ("move form", "m", "Move"), close("move"),
        ("risk detail", ENTER, "e edit"), ("risk form", "e", "Edit risk"), close("risk"),
        ("templates", "t", "Planning templates"), close("templates"), ("holidays", "h", "plans skip these days"),
        close("holidays"), ("plan form", "p", "Plan a new project"), close("plan"), ("undo", "u", "Undone"),
    ]
    rest = [("palette", "\x10", ""), ("palette search", "vendor", ""), close("palette"), ("standup", "4", "Slide 1")]
    rest += [(f"slide {n}", " ", f"Slide {n}") for n in range(2, 13)] + [("quit", "q", "")]
    return morning + afternoon + evening + rest


def run_in_pty(db: Path, data_dir: Path, keys: list[tuple[str, str, str]]) -> tuple[list[tuple[str, bytes]], list[str]]:
    """Each step's bytes, and the steps whose proof never showed."""
    pid, fd = pty.fork()
    if pid == 0:
        os.environ.update(PRODCOM_TODAY="2026-11-26", PRODCOM_DATA_DIR=str(data_dir), TERM="xterm-256color",
                          COLUMNS="120", LINES="36")
        os.execv(sys.executable, [sys.executable, "-m", "prodcom_tui", "--db", str(db)])
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", 36, 120, 0, 0))
    missing: list[str] = []
    try:
        written = [("start", read_until_quiet(fd, limit=30, needle=MARKUP.encode()))]  # the data is on screen
        for name, sent, proof in keys:
            if sent == "RESIZE":
                fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", *WIDE, 0, 0))
                os.kill(pid, signal.SIGWINCH)
            else:
                os.write(fd, sent.encode())
            chunk = read_until_quiet(fd, needle=proof.encode())
            written.append((name, chunk))
            if not drawn(proof.encode(), chunk):
                missing.append(name)
    finally:
        try:
            os.kill(pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        os.waitpid(pid, 0)
        os.close(fd)
    return written, missing


# Escape sequences Textual itself writes: CSI (cursor, colour, modes), and its OSC/DCS/APC queries and replies.
CSI = re.compile(rb"\x1b\[[0-?]*[ -/]*[@-~]")
OWN_OTHER = re.compile(rb"\x1b\]22;[a-z-]*\x07|\x1bP=[12]s\x1b\\|\x1b[=>78]|\x1b\]11;\?\x1b\\|\x1b\]11;\?\x07")


def foreign_sequences(data: bytes) -> list[bytes]:
    """Escape sequences that are not Textual's CSI or its own known queries."""
    rest = OWN_OTHER.sub(b"", CSI.sub(b"", data))
    return [rest[i:i + 24] for i in range(len(rest)) if rest[i] == 0x1B]


def leaks(chunk: bytes) -> list[str]:
    """What in these bytes came from the data and would drive the terminal."""
    found = [f"sequence {seq!r}" for seq in foreign_sequences(chunk)]
    if b"\x1b[31mwiped" in chunk or b"\x1b[2J\x1b[31m" in chunk:
        found.append("a CSI sequence from the data (clear screen, colour)")
    text = OWN_OTHER.sub(b"", chunk).decode("utf-8", errors="replace")
    found += [f"character U+{ord(c):04X}" for c in set(re.findall("[\x07\x80-\x9f\u202a-\u202e\u2066-\u2069]", text))]
    return found


def hostile_csvs(db: Path, folder: Path) -> tuple[Path, Path]:
    """A CSV whose rows land on a project's contingency line (its name is hostile in the file) with hostile
    descriptions, and one whose second line names a hostile vendor the directory does not have."""
    with sqlite3.connect(db) as conn:
        code = conn.execute("SELECT p.code FROM project p JOIN budgetline b ON b.project_id = p.id "
                            "WHERE b.is_contingency ORDER BY p.id LIMIT 1").fetchone()[0]
    good, bad = folder / "releve.csv", folder / "refus.csv"
    rows = "".join(f"2026-11-{10 + i},12.50,{h.replace(',', ' ')[:150]},{code}\n" for i, h in enumerate(HOSTILE))
    good.write_text("date,amount,description,project\n" + rows, encoding="utf-8")
    bad.write_text(f"date,amount,description,project,vendor\n2026-11-10,1.00,x,{code},{HOSTILE[5]}\n", encoding="utf-8")
    return good, bad


@pytest.mark.e2e
def test_hostile_text_reaches_no_terminal(demo_path: Path, tmp_path: Path) -> None:
    poison(demo_path)
    good, bad = hostile_csvs(demo_path, tmp_path)
    written, missing = run_in_pty(demo_path, tmp_path / "data", steps(good, bad))
    everything = b"".join(chunk for _, chunk in written)
    assert len(everything) > 10_000, "the app drew next to nothing"
    # The whole stream is scanned: on a loaded machine a step's frame can arrive after the quiet that ends
    # the step, and a sequence cut between two steps' bytes looked like a stray escape (a false alarm
    # seen once at a load of 7). The steps' own findings only say where to look.
    found = leaks(everything)
    assert not found, (found, {step: what for step, chunk in written if (what := leaks(chunk))})
    shown = CSI.sub(b"", everything).decode("utf-8", errors="replace")
    assert MARKUP in shown  # markup shows as typed, never as bold red ACME
    assert "Traceback" not in shown and "prodcom stopped" not in shown
    assert not missing, f"these screens never showed, so their text went unscanned: {missing}"

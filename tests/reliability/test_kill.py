"""SIGKILL a writer at 50 random moments: the file always opens whole, with every reported commit and no half change.

The writer is forked from the test process (the imports are already paid, so 50 short runs fit in seconds)
and is a real separate process with its own connections: SIGKILL leaves SQLite exactly what a power cut
of the process would. Between kills the same file is reused, so damage would accumulate and show.
"""

from __future__ import annotations

import os
import random
import signal
import time
from collections import Counter
from pathlib import Path

from sqlalchemy import text

import rel_writer
from prodcom_tui.store.check import run_checks
from prodcom_tui.store.open import open_store

KILLS = 50


def spawn(path: Path, seed: int) -> tuple[int, int]:
    """Fork a writer; returns its pid and the read end of the pipe it reports commits on."""
    read_fd, write_fd = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: write until killed, never return into pytest
        os.close(read_fd)
        try:
            rel_writer.run(path, write_fd, seed)
        finally:
            os._exit(0)
    os.close(write_fd)
    return pid, read_fd


def read_lines(fd: int, wanted: int) -> list[str]:
    """Block until the writer has reported `wanted` commits (or died); what it said so far."""
    data = b""
    while data.count(b"\n") < wanted and (chunk := os.read(fd, 4096)):
        data += chunk
    return [data.decode()]


def drain(fd: int, head: list[str]) -> list[str]:
    """Every complete line the dead writer reported (a line cut by the kill was not reported)."""
    chunks = [head[0].encode()]
    while chunk := os.read(fd, 65536):
        chunks.append(chunk)
    os.close(fd)
    return b"".join(chunks).decode().split("\n")[:-1]


def kill_at_random(path: Path, rng: random.Random) -> tuple[int, list[str]]:
    """Let the writer report 0-2 commits, wait a random moment more, SIGKILL it: the kill lands mid-work
    however slow the machine is (a plain timer could fire before the first write on a loaded machine)."""
    wanted = rng.randint(0, 2)
    pid, fd = spawn(path, rng.randrange(1 << 30))
    head = read_lines(fd, wanted)
    time.sleep(rng.uniform(0, 0.03))
    os.kill(pid, signal.SIGKILL)
    os.waitpid(pid, 0)
    return wanted, drain(fd, head)


def verify(path: Path, reported: list[str]) -> None:
    store = open_store(path)
    try:
        assert run_checks(store) == []  # integrity_check, foreign keys, accepted quote has its order
        with store.read_engine.connect() as conn:
            assert_reported_present(conn, reported)
            assert_no_half_change(conn)
    finally:
        store.dispose()


def assert_reported_present(conn, reported: list[str]) -> None:  # noqa: ANN001
    for line in reported:
        kind, *ids = line.split()
        if kind == "Q":
            row = conn.execute(text("SELECT q.status, p.id FROM quote q JOIN purchaseorder p ON p.quote_id = q.id "
                                    "WHERE q.id = :q"), {"q": int(ids[0])}).one()
            assert row == ("accepted", int(ids[1])), line
        else:
            assert conn.execute(text("SELECT count(*) FROM expense WHERE id = :e"), {"e": int(ids[0])}).scalar() == 1, line


def assert_no_half_change(conn) -> None:  # noqa: ANN001
    # An order is closed exactly when its invoice (same amount) is recorded.
    orders = conn.execute(text(
        "SELECT p.id, p.status, count(e.id), sum(e.amount_minor = p.amount_minor) FROM purchaseorder p "
        "LEFT JOIN expense e ON e.purchase_order_id = p.id GROUP BY p.id")).all()
    for po_id, status, invoices, matching in orders:
        assert (status, invoices, matching or 0) in {("open", 0, 0), ("closed", 1, 1)}, po_id
    # Devis come in threes (one transaction each): all received, or one accepted and two declined.
    statuses = conn.execute(text("SELECT id, status FROM quote ORDER BY id")).all()
    assert len(statuses) % 3 == 0
    for i in range(0, len(statuses), 3):
        trio = Counter(status for _, status in statuses[i:i + 3])
        assert trio in (Counter(received=3), Counter(accepted=1, declined=2)), statuses[i:i + 3]
    # Every recorded change has its change-log entries, and every change-log entry its batch.
    assert conn.execute(text("SELECT count(*) FROM changebatch b WHERE NOT EXISTS "
                             "(SELECT 1 FROM changeentry e WHERE e.batch_id = b.id)")).scalar() == 0


def test_sigkill_at_random_moments_loses_nothing_reported_and_leaves_nothing_half(tmp_path: Path) -> None:
    path = tmp_path / "kill.db"
    store = open_store(path)
    rel_writer.seed(store)
    store.dispose()
    rng = random.Random(20261126)
    reported: list[str] = []
    waited = 0
    for _ in range(KILLS):
        wanted, lines = kill_at_random(path, rng)
        assert len(lines) >= wanted
        reported += lines
        waited += wanted
        verify(path, reported)
    assert waited >= KILLS // 2 and any(line.startswith("E") for line in reported)

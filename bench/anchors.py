"""The outside anchors: hledger and taskwarrior fed the same amount of data as `large`.

Both are optional (`apt-get install -y hledger taskwarrior`); when missing the bench says so.
"""

from __future__ import annotations

import os
import random
import shutil
import statistics
import subprocess
import time
import uuid
from pathlib import Path

POSTINGS = 50_000  # as many as the expenses of `large`
TASKS = 10_000  # as many as the tasks of `large`


def timed(argv: list[str], runs: int, env: dict[str, str] | None = None) -> tuple[float, float]:
    """Median wall time of `runs` runs, and the peak memory (MiB) of the last one."""
    times, peak = [], 0.0
    for _ in range(runs):
        start = time.perf_counter()
        proc = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
        _, status, usage = os.wait4(proc.pid, 0)
        times.append(time.perf_counter() - start)
        if os.waitstatus_to_exitcode(status) != 0:
            raise RuntimeError(f"{' '.join(argv)} failed: {proc.stderr.read().decode()[:300]}")
        proc.stderr.close()
        proc.returncode, peak = 0, usage.ru_maxrss / 1024
    return statistics.median(times), peak


def write_journal(path: Path) -> None:
    """A journal of POSTINGS postings: invoices against project budget lines, paid from the bank."""
    rnd = random.Random(7)
    lines = []
    for i in range(POSTINGS // 2):
        day = f"2025-{rnd.randint(1, 12):02d}-{rnd.randint(1, 28):02d}"
        project, line = rnd.randrange(220), rnd.randrange(8)
        amount = rnd.randrange(1_000, 500_000) / 100
        lines.append(f"{day} Vendor {rnd.randrange(300)} invoice {i}\n"
                     f"    expenses:p{project:03d}:line{line}    {amount:.2f} EUR\n"
                     f"    assets:bank\n")
    path.write_text("\n".join(lines))


def write_tasks(folder: Path) -> Path:
    """A taskwarrior 2.x data dir with TASKS pending tasks over 220 projects; returns its taskrc."""
    folder.mkdir(parents=True, exist_ok=True)
    rnd = random.Random(7)
    with open(folder / "pending.data", "w") as out:
        for i in range(TASKS):
            stamp = 1_700_000_000 + i * 60
            out.write(f'[description:"task {i} for the client" entry:"{stamp}" modified:"{stamp}" '
                      f'project:"p{rnd.randrange(220):03d}" status:"pending" uuid:"{uuid.UUID(int=rnd.getrandbits(128))}"]\n')
    for name in ("completed.data", "undo.data", "backlog.data"):
        (folder / name).touch()
    rc = folder / "taskrc"
    rc.write_text(f"data.location={folder}\nconfirmation=off\nverbose=nothing\ngc=off\n")
    return rc


def hledger_bal(work: Path, runs: int) -> tuple[float, float] | None:
    exe = shutil.which("hledger")
    if exe is None:
        return None
    journal = work / "bench.journal"
    write_journal(journal)
    return timed([exe, "-f", str(journal), "bal"], runs)


def task_summary(work: Path, runs: int) -> tuple[float, float] | None:
    exe = shutil.which("task")
    if exe is None:
        return None
    rc = write_tasks(work / "taskdata")
    env = dict(os.environ, TASKRC=str(rc), TASKDATA=str(work / "taskdata"))
    return timed([exe, "rc.gc=off", "summary"], runs, env)

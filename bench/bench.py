"""prodcom's speed beside its anchors, measured in one run: `python bench/bench.py`.

Generates `large` and `huge` in a temporary folder, then measures start-up and key → frame
latency in a pseudo-terminal (against a minimal Textual app started the same way), `prodcom report`
(against `hledger bal` and `task summary` on the same amount of data, when installed) and peak
memory, and prints a Markdown table with each quality bar (docs: quality.md §Speed) and a verdict.
Public tools only; about three minutes on 2 cores. `--quick` halves the repetitions.
"""

from __future__ import annotations

import argparse
import compileall
import importlib.util
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import anchors  # noqa: E402
from keys import BACKSPACE, ESC, PAGE_DOWN, TAB, Action, median, run_actions  # noqa: E402
from ptyapp import PtyApp  # noqa: E402

TODAY = "2026-11-26"
COLS, ROWS = 120, 36
MINIMAL_READY = "minimal app ready"
SHELL_READY = "prodcom"  # the header's title: the shell has drawn its first frame
MORNING_DATA = "open, "  # the requests pane's title, set when the morning data is on screen
AFTERNOON_DATA = "late)"  # the deliveries tab's count, set when the afternoon data is on screen
TO_EXPENSES = b"2" + TAB * 4  # afternoon, then four panes on: the expenses list (50k rows on large)
EXPENSES_READY = "Expenses — newest first"  # that pane's title
FILTER_READY = "filter…"  # the filter box's placeholder: keys now go to the box, not to bindings
FILTER_WORD = b"coursier"  # typed one letter at a time into the expenses filter box, then erased


def actions(reps: int) -> list[Action]:
    """What a producer does all day, in the order the bench does it; the morning screen comes first."""
    typing = [bytes([c]) for c in FILTER_WORD] + [BACKSPACE] * len(FILTER_WORD)
    return [
        # Four panes a round, a round per rep (24 tabs by default): 8 tabs made the p95 the slowest of them.
        Action("focus (tab, morning panes)", [TAB], 4 * reps, 16.7),
        Action("mode switch (2, 1)", [b"2", b"1"], 2 * reps, 50.0, until={b"2": AFTERNOON_DATA, b"1": MORNING_DATA}),
        Action("move (j, expenses)", [b"j"], 5 * reps, 16.7, before=TO_EXPENSES, ready=EXPENSES_READY),
        Action("page (pagedown, expenses)", [PAGE_DOWN], 3 * reps, 16.7),
        Action("filter keystroke (expenses)", typing, len(typing) * max(reps // 3, 1), 50.0, before=b"/",
               ready=FILTER_READY, after=ESC, quiet=0.3),
    ]


def environment() -> dict[str, str]:
    env = dict(os.environ, TERM="xterm-256color", COLORTERM="truecolor", PRODCOM_TODAY=TODAY,
               TEXTUAL_ANIMATION="none")
    for name in ("TEXTUAL", "TEXTUAL_DEVTOOLS_PORT", "PRODCOM_DB"):
        env.pop(name, None)
    return env


def compile_package() -> None:
    """Byte-compile prodcom the way `pip install .` does when it installs it.

    Without it, an editable checkout in a shell that sets PYTHONDONTWRITEBYTECODE (this sandbox
    does) compiles every module from source at every start: a cost no installed copy pays, while
    the anchor's Textual, installed by pip, is compiled.
    """
    spec = importlib.util.find_spec("prodcom_tui")
    if spec is None or spec.origin is None:
        raise SystemExit("prodcom is not installed: pip install . first")
    compileall.compile_dir(Path(spec.origin).parent, quiet=1)


def prodcom_argv(db: Path) -> list[str]:
    return [sys.executable, "-m", "prodcom_tui", "--db", str(db)]


def generate(work: Path, size: str) -> tuple[Path, float]:
    db = work / f"{size}.db"
    if db.exists():  # --keep DIR from an earlier run
        return db, float("nan")
    start = time.perf_counter()
    out = subprocess.run(prodcom_argv(db)[:-2] + ["demo", "--db", str(db), "--size", size, "--today", TODAY],
                         capture_output=True, text=True, check=True, env=environment())
    wall = time.perf_counter() - start
    said = re.search(r"in ([\d.]+) s", out.stdout)
    return db, float(said.group(1)) if said else wall


def start_times(db: Path, runs: int) -> dict[str, list[float]]:
    """Minimal app and prodcom started in turn, `runs` times each, so load affects both alike."""
    env = environment()
    times: dict[str, list[float]] = {k: [] for k in ("minimal", "minimal_cpu", "minimal_mib", "first", "first_cpu",
                                                      "data", "data_cpu")}
    for _ in range(runs):
        app = PtyApp([sys.executable, str(HERE / "minimal_app.py")], env, COLS, ROWS)
        times["minimal"].append(app.wait_for(MINIMAL_READY))
        times["minimal_cpu"].append(app.cpu())
        app.settle(0.1)
        app.quit(b"\x11")
        times["minimal_mib"].append(app.peak_mib)
        app = PtyApp(prodcom_argv(db), env, COLS, ROWS)
        times["first"].append(app.wait_for(SHELL_READY))
        times["first_cpu"].append(app.cpu())
        times["data"].append(app.wait_for(MORNING_DATA))
        times["data_cpu"].append(app.cpu())
        app.settle(0.1)
        app.quit(b"q")
    return times


def key_session(db: Path, reps: int) -> tuple[dict, float, str]:
    """Key latencies on one database; a crash of the app ends the session and is reported, not hidden."""
    app = PtyApp(prodcom_argv(db), environment(), COLS, ROWS)
    results, crash = {}, ""
    try:
        app.wait_for(MORNING_DATA)
        # Keys are timed once the start-up work in threads (opening the store, warming the other
        # modes) is over: start-up has its own rows, and a key sharing the CPU with it measures both.
        app.idle()
        results = run_actions(app, actions(reps), results)
    except (EOFError, TimeoutError, RuntimeError) as exc:
        crash = " ".join(str(exc).split())[-300:] or f"{type(exc).__name__} (no output)"
    app.quit(b"q")
    return results, app.peak_mib, crash


def table_alone(reps: int) -> dict:
    """The windowed table with no screen around it, over 50,000 rows: the widget's own share of a key."""
    app = PtyApp([sys.executable, str(HERE / "table_app.py"), "50000"], environment(), COLS, ROWS)
    app.wait_for("table ready")
    app.settle(0.3)
    results = run_actions(app, [Action("move (j)", [b"j"], 4 * reps, 16.7),
                                Action("page (pagedown)", [PAGE_DOWN], 3 * reps, 16.7)], {})
    app.quit(b"\x11")
    return results


def report_time(db: Path, runs: int) -> tuple[float, float] | None:
    argv = prodcom_argv(db)[:-2] + ["report", "--format", "txt", "--db", str(db), "--today", TODAY]
    try:
        return anchors.timed(argv, runs, environment())
    except RuntimeError as exc:
        print(f"prodcom report missing or failing: {exc}", file=sys.stderr)
        return None


def verdict(ok: bool | None) -> str:
    return "—" if ok is None else ("pass" if ok else "**FAIL**")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="half the repetitions (noisier)")
    parser.add_argument("--keep", metavar="DIR", help="generate into DIR and keep it (reused if present)")
    args = parser.parse_args()
    reps = 3 if args.quick else 6
    work = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="prodcom-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    began = time.perf_counter()
    try:
        rows = measure(work, reps)
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
    print(table(rows))
    print(f"\n{os.cpu_count()} cores, Python {sys.version.split()[0]}, "
          f"load {os.getloadavg()[0]:.1f}; the whole run took {time.perf_counter() - began:.0f} s.")
    return 0


def measure(work: Path, reps: int) -> list[tuple]:
    rows: list[tuple] = []
    step = lambda what: print(f"… {what}", file=sys.stderr, flush=True)  # noqa: E731
    compile_package()  # as installed: see its docstring
    step("generating large and huge")
    large, gen_large = generate(work, "large")
    huge, gen_huge = generate(work, "huge")
    rows.append(("generate `large` (one transaction)", f"{gen_large:.2f} s", "", "", "≤ 2 s",
                 verdict(None if gen_large != gen_large else gen_large <= 2)))
    rows.append(("generate `huge`", f"{gen_huge:.1f} s", "", "", "", verdict(None)))
    step("start-up, interleaved with the minimal app")
    start = start_times(large, max(reps, 7))
    minimal = median(start["minimal"])
    minimal_cpu = median(start["minimal_cpu"])
    for label, key, bar in (("start → first frame (large)", "first", 1.3), ("start → morning data (large)", "data", 2.0)):
        ratio = median(start[key]) / minimal
        rows.append((label, f"{median(start[key]) * 1000:.0f} ms (CPU {median(start[key + '_cpu']) * 1000:.0f} ms)",
                     f"minimal app {minimal * 1000:.0f} ms (CPU {minimal_cpu * 1000:.0f} ms)",
                     f"{ratio:.2f}×", f"≤ {bar}×", verdict(ratio <= bar)))
    sessions = {}
    for size, db in (("large", large), ("huge", huge)):
        step(f"key → frame on {size}")
        sessions[size] = key_session(db, reps)
    step("the windowed table alone")
    rows += latency_rows(sessions, table_alone(reps))
    rows += memory_rows(median(start["minimal_mib"]), sessions)
    step("prodcom report against hledger and taskwarrior")
    rows += report_rows(work, large, reps)
    return rows


def latency_row(label: str, timings, bar: float, base=None) -> tuple:  # noqa: ANN001
    s = timings.summary()
    worst = max(s["first_p95"], s["settled_p95"])
    if base is None:
        ok, bar_text = worst <= bar, f"p95 ≤ {bar:g} ms"
    else:
        ok, bar_text = worst <= max(1.2 * base, bar), "≤ 1.2× large (or within the bar)"
    note = f"; {timings.missing} keys unanswered" if timings.missing else ""
    return (label, f"p50 {s['first_p50']:.1f} / p95 {s['first_p95']:.1f} ms",
            f"with data p50 {s['settled_p50']:.1f} / p95 {s['settled_p95']:.1f} ms; CPU {timings.cpu_ms:.1f} ms/key{note}",
            "", bar_text, verdict(ok and not timings.missing))


def latency_rows(sessions: dict, alone: dict) -> list[tuple]:
    rows = []
    bars = {a.name: a.bar_ms for a in actions(1)}
    for size in ("large", "huge"):
        crash = sessions[size][2]
        if crash:
            rows.append((f"key session on {size}", "**stopped early**", crash, "", "", verdict(False)))
    for name, bar in bars.items():
        large = sessions["large"][0].get(name)
        if large is not None:
            rows.append(latency_row(f"key → frame: {name}, large", large, bar))
        huge = sessions["huge"][0].get(name)
        if huge is not None:
            base = max(large.summary()["first_p95"], large.summary()["settled_p95"]) if large else bar
            rows.append(latency_row(f"key → frame: {name}, huge", huge, bar, base))
    for name, timings in alone.items():
        rows.append(latency_row(f"windowed table alone, 50k rows: {name}", timings, 16.7))
    return rows


def memory_rows(minimal_mib: float, sessions: dict) -> list[tuple]:
    large, huge = sessions["large"][1], sessions["huge"][1]
    return [
        ("peak memory, `large` session", f"{large:.0f} MiB", f"minimal app {minimal_mib:.0f} MiB",
         f"{large / minimal_mib:.2f}×", "≤ 2.5×", verdict(large <= 2.5 * minimal_mib)),
        ("peak memory, `huge` session", f"{huge:.0f} MiB", f"`large` {large:.0f} MiB", f"+{huge - large:.0f} MiB",
         "≤ +40 MiB", verdict(huge - large <= 40)),
    ]


def report_rows(work: Path, large: Path, reps: int) -> list[tuple]:
    runs = max(reps // 2, 3)
    report = report_time(large, runs)
    ledger = anchors.hledger_bal(work, runs)
    tasks = anchors.task_summary(work, runs)
    rows = []
    if report is None:
        rows.append(("`prodcom report --format txt` (large)", "missing", "", "", "≤ 0.5× hledger", verdict(False)))
    elif ledger is None:
        rows.append(("`prodcom report --format txt` (large)", f"{report[0] * 1000:.0f} ms", "hledger not installed",
                     "", "≤ 0.5× hledger", verdict(None)))
    else:
        ratio = report[0] / ledger[0]
        rows.append(("`prodcom report --format txt` (large)", f"{report[0] * 1000:.0f} ms, {report[1]:.0f} MiB",
                     f"`hledger bal`, 50k postings: {ledger[0] * 1000:.0f} ms, {ledger[1]:.0f} MiB",
                     f"{ratio:.2f}×", "≤ 0.5×", verdict(ratio <= 0.5)))
    if tasks is not None and report is not None:
        rows.append(("`prodcom report` beside taskwarrior", f"{report[0] * 1000:.0f} ms",
                     f"`task summary`, 10k tasks: {tasks[0] * 1000:.0f} ms", f"{report[0] / tasks[0]:.2f}×", "", verdict(None)))
    elif tasks is None:
        rows.append(("`task summary`, 10k tasks", "taskwarrior not installed", "", "", "", verdict(None)))
    return rows


def table(rows: list[tuple]) -> str:
    head = ("what", "prodcom", "anchor, same run", "ratio", "bar", "verdict")
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    lines += ["| " + " | ".join(str(c) for c in row) + " |" for row in rows]
    return "\n".join(lines)


if __name__ == "__main__":
    raise SystemExit(main())

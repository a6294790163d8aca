"""What a person sees when prodcom stops on a bug: what happened and where the log is, never any values.

Textual's own crash screen prints a traceback with local variables, which can hold names, amounts,
mail subjects or a database URL; this replaces it with a few plain lines.
"""

from __future__ import annotations

import traceback
from pathlib import Path

from rich.text import Text

PACKAGE = "prodcom_tui"


def where(exc: BaseException) -> str:
    """The innermost prodcom frame as `module.py:line in function` (code location, not data)."""
    from prodcom_tui.logs import causes

    frames = [f for err in causes(exc) for f in traceback.extract_tb(err.__traceback__)]
    ours = [f for f in frames if f"{PACKAGE}/" in f.filename.replace("\\", "/")] or frames
    if not ours:
        return "an unknown place"
    frame = ours[-1]
    short = frame.filename.replace("\\", "/").split(f"{PACKAGE}/")[-1]
    return f"{short}:{frame.lineno} in {frame.name}"


def write_log(exc: BaseException) -> Path | None:
    """The log of the crash (types and code locations only); None when even the log cannot be written."""
    from prodcom_tui.logs import log_crash

    try:
        return log_crash(exc)
    except OSError:
        return None


def crash_report(exc: BaseException) -> Text:
    """The message printed when the app stops: the error's type and place, the log file, what to do."""
    log = write_log(exc)
    lines = Text()
    lines.append("prodcom stopped because of an unexpected error", style="bold red")
    from prodcom_tui.logs import causes

    lines.append(f" ({causes(exc)[-1].__class__.__name__} at {where(exc)}).\n")
    lines.append("Every change you had saved is in the database; a change still in progress was not saved.\n")
    if log is None:
        lines.append("The error could not be written to the log file either: check the disk space.\n")
    else:
        lines.append(f"Details (code locations only, none of your data) are in {log}\n")
    lines.append("Start prodcom again to carry on; please send that file if this happens twice.")
    return lines

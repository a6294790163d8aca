"""The log file: errors only, with no personal data (no local variables, no SQL parameters)."""

from __future__ import annotations

import os
import traceback
from datetime import datetime
from pathlib import Path

from prodcom_tui import paths


def log_crash(exc: BaseException) -> Path:
    """Append the exception's type and stack (file, line, function), never its values."""
    target = paths.log_path()
    paths.ensure_private_dir(target.parent)
    frames = traceback.extract_tb(exc.__traceback__)
    lines = [f"{datetime.now():%Y-%m-%d %H:%M:%S} {type(exc).__module__}.{type(exc).__name__}"]
    lines += [f"  {f.filename}:{f.lineno} in {f.name}" for f in frames]
    fd = os.open(target, os.O_CREAT | os.O_APPEND | os.O_WRONLY, 0o600)
    with os.fdopen(fd, "a", encoding="utf-8") as handle:
        handle.write("\n".join(lines) + "\n")
    return target

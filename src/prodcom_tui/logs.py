"""The log file: errors only, with no personal data (no local variables, no SQL parameters)."""

from __future__ import annotations

import os
import traceback
from datetime import datetime
from pathlib import Path

from prodcom_tui import paths


def causes(exc: BaseException) -> list[BaseException]:
    """The error and what caused it, outermost first (a failed worker wraps the real error)."""
    chain: list[BaseException] = []
    current: BaseException | None = exc
    while current is not None and current not in chain and len(chain) < 10:
        chain.append(current)
        inner = getattr(current, "error", None)  # textual.worker.WorkerFailed keeps the real one here
        current = inner if isinstance(inner, BaseException) else current.__cause__ or current.__context__
    return chain


def describe_frames(exc: BaseException) -> list[str]:
    """Type and stack (file, line, function) of every error in the chain, never their values."""
    lines = []
    for i, err in enumerate(causes(exc)):
        lines.append(f"{'caused by ' if i else ''}{type(err).__module__}.{type(err).__name__}")
        lines += [f"  {f.filename}:{f.lineno} in {f.name}" for f in traceback.extract_tb(err.__traceback__)]
    return lines


def log_crash(exc: BaseException) -> Path:
    """Append the exception's type and stack (file, line, function), never its values."""
    target = paths.log_path()
    paths.ensure_private_dir(target.parent)
    lines = [f"{datetime.now():%Y-%m-%d %H:%M:%S} " + "\n".join(describe_frames(exc))]
    fd = os.open(target, os.O_CREAT | os.O_APPEND | os.O_WRONLY, 0o600)
    with os.fdopen(fd, "a", encoding="utf-8") as handle:
        handle.write("\n".join(lines) + "\n")
    return target

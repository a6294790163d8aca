"""Drive a terminal program in a pseudo-terminal and time what it writes.

Everything is read from the terminal side, as a person's terminal would see it: a frame counts
when its bytes arrive on the pty, so the numbers include Textual's compositor and driver.
"""

from __future__ import annotations

import fcntl
import os
import pty
import re
import select
import signal
import struct
import subprocess
import termios
import time
from dataclasses import dataclass

ANSI = re.compile(rb"\x1b(\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]*(\x07|\x1b\\)|P[^\x1b]*\x1b\\|[@-Z\\-_])")
BURST_GAP = 0.004  # bytes closer than this belong to the same frame write


@dataclass
class Reply:
    """What came back after a key: the end of the first frame and of the last one before quiet."""

    first: float
    settled: float
    frames: int
    found: bool = True  # the marker asked for did appear


class PtyApp:
    def __init__(self, argv: list[str], env: dict[str, str], cols: int = 120, rows: int = 36) -> None:
        self.master, slave = pty.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))
        self.started = time.perf_counter()
        self.proc = subprocess.Popen(argv, stdin=slave, stdout=slave, stderr=slave, env=env,
                                     start_new_session=True, close_fds=True)
        os.close(slave)
        self.text = bytearray()  # everything written, escape sequences removed
        self.raw = bytearray()
        self._held = b""
        self.rusage = None

    def _read(self, timeout: float) -> float | None:
        """Read what is there within `timeout`; returns the arrival time, or None if nothing came."""
        ready, _, _ = select.select([self.master], [], [], max(timeout, 0))
        if not ready:
            return None
        now = time.perf_counter()
        try:
            data = os.read(self.master, 1 << 16)
        except OSError:  # the child closed the terminal
            raise EOFError(self.tail()) from None
        if not data:
            raise EOFError(self.tail())
        self.raw += data
        self._strip(data)
        return now

    def _strip(self, data: bytes) -> None:
        """Append `data` without escape sequences, holding back one cut in half by the read."""
        chunk = self._held + data
        cut = chunk.rfind(b"\x1b")
        if cut >= 0 and len(chunk) - cut < 256 and not ANSI.match(chunk, cut):
            chunk, self._held = chunk[:cut], chunk[cut:]
        else:
            self._held = b""
        self.text += ANSI.sub(b"", chunk)

    def tail(self, size: int = 1500) -> str:
        """The end of what the program wrote, without escape sequences (for error messages)."""
        return bytes(self.text[-size:]).decode(errors="replace")

    def wait_for(self, marker: str, timeout: float = 30.0) -> float:
        """Seconds from spawn until `marker` shows up in the text written so far."""
        needle = marker.encode()
        deadline = time.perf_counter() + timeout
        while needle not in self.text:
            if time.perf_counter() > deadline:
                tail = bytes(self.text[-600:]).decode(errors="replace")
                raise TimeoutError(f"{marker!r} never appeared; last output: {tail!r}")
            self._read(deadline - time.perf_counter())
        return time.perf_counter() - self.started

    def cpu(self) -> float:
        """CPU seconds the program has used so far, all threads (steadier than wall time on a busy machine)."""
        with open(f"/proc/{self.proc.pid}/stat") as f:
            fields = f.read().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")

    def settle(self, quiet: float = 0.15, limit: float = 5.0) -> None:
        """Read until the program has written nothing for `quiet` seconds."""
        end = time.perf_counter() + limit
        while time.perf_counter() < end and self._read(quiet) is not None:
            pass

    def idle(self, quiet: float = 1.2, limit: float = 20.0) -> float:
        """Wait until the program has used no CPU for `quiet` seconds (its start-up work in threads is
        done), reading what it writes meanwhile; returns the seconds waited."""
        start = time.perf_counter()
        last, still = self.cpu(), time.perf_counter()
        while time.perf_counter() - start < limit:
            self.settle(0.05, limit=0.2)
            now = self.cpu()
            if now != last:
                last, still = now, time.perf_counter()
            elif time.perf_counter() - still >= quiet:
                break
        return time.perf_counter() - start

    def press(self, keys: bytes, quiet: float = 0.08, limit: float = 5.0, until: str | None = None) -> Reply | None:
        """Write `keys`, then time the frames that follow.

        They end when `until` has appeared in what was written since the key (and its frame is
        complete), or else when `quiet` seconds pass with no output.
        """
        self.settle(0.03)
        mark = len(self.text)
        needle = until.encode() if until else None
        sent = time.perf_counter()
        os.write(self.master, keys)
        arrivals: list[float] = []
        while time.perf_counter() - sent < limit:
            found = needle is not None and needle in self.text[mark:]
            wait = BURST_GAP * 3 if found else (quiet if arrivals and needle is None else limit)
            at = self._read(wait)
            if at is None:
                if needle is None or found:
                    break
                continue
            arrivals.append(at)
        if not arrivals:
            return None
        first = arrivals[0]
        for at in arrivals[1:]:
            if at - first > BURST_GAP:
                break
            first = at
        frames = 1 + sum(1 for a, b in zip(arrivals, arrivals[1:]) if b - a > BURST_GAP)
        found = needle is None or needle in self.text[mark:]
        return Reply(first - sent, arrivals[-1] - sent, frames, found)

    def quit(self, keys: bytes = b"q", timeout: float = 10.0) -> int:
        """Ask the program to quit, reap it and keep its resource usage (peak memory)."""
        try:
            os.write(self.master, keys)
        except OSError:
            pass
        deadline = time.perf_counter() + timeout
        while time.perf_counter() < deadline:
            pid, status, usage = os.wait4(self.proc.pid, os.WNOHANG)
            if pid:
                self.rusage = usage
                self.proc.returncode = os.waitstatus_to_exitcode(status)
                break
            try:
                self._read(0.05)
            except EOFError:
                time.sleep(0.01)
        else:
            os.killpg(self.proc.pid, signal.SIGKILL)
            _, status, self.rusage = os.wait4(self.proc.pid, 0)
            self.proc.returncode = os.waitstatus_to_exitcode(status)
        os.close(self.master)
        return self.proc.returncode

    @property
    def peak_mib(self) -> float:
        return self.rusage.ru_maxrss / 1024 if self.rusage else float("nan")

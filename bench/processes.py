"""Child processes for benchmarks: the sandbox, the echo bot and signbot, each on its own."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CLOCK_TICKS = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100


def free_port() -> int:
    """A TCP port on loopback that nothing listens on right now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@dataclass
class Child:
    """A running child process with its log file."""

    process: subprocess.Popen[bytes]
    log: Path

    def cpu_seconds(self) -> float | None:
        """User plus system CPU time so far (Linux /proc), or None elsewhere."""
        try:
            fields = Path(f"/proc/{self.process.pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            return None
        return (int(fields[11]) + int(fields[12])) / CLOCK_TICKS

    def errors(self) -> int:
        """How many ERROR records the child logged (each is a failed update)."""
        return sum(" ERROR " in line for line in self.log.read_text(errors="replace").splitlines())


@contextmanager
def child(args: list[str], *, log: Path, env: dict[str, str] | None = None) -> Iterator[Child]:
    """Start `python ARGS` from the repository root; interrupt it (like Ctrl-C) at the end."""
    with log.open("wb") as output:
        process = subprocess.Popen(
            [sys.executable, *args],
            cwd=ROOT,
            env={**os.environ, **(env or {})},
            stdout=output,
            stderr=subprocess.STDOUT,
        )
    try:
        yield Child(process, log)
    finally:
        process.send_signal(signal.SIGINT)
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()

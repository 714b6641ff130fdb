"""How fast the command line starts: `signbot --help` beside `python -c pass`, in one run.

Each is started --runs times, alternating, as a fresh process; the median wall time of each is
printed, and their ratio. The baseline shows what the machine and its load cost any Python
process, so figures from a busy machine can still be compared.
Target: `signbot --help` under 0.3 s.

Run: .venv/bin/python bench/cli_startup.py [--runs 11] [--command "kb --help"]
"""

from __future__ import annotations

import argparse
import shlex
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TARGET_SECONDS = 0.3


def signbot() -> list[str]:
    """The installed console script beside this Python, else `python -m bot` (the same app)."""
    script = Path(sys.executable).with_name("signbot")
    return [str(script)] if script.exists() else [sys.executable, "-m", "bot"]


def elapsed(command: list[str]) -> float:
    """Wall seconds from starting the process to its exit."""
    started = time.perf_counter()
    subprocess.run(command, cwd=ROOT, check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=11, help="Starts of each command.")
    parser.add_argument("--command", default="--help", help="signbot's arguments to time.")
    args = parser.parse_args()
    baseline_command = [sys.executable, "-c", "pass"]
    cli_command = [*signbot(), *shlex.split(args.command)]
    elapsed(cli_command)  # the first start compiles and caches bytecode: not counted
    baseline, cli = [], []
    for _ in range(args.runs):
        baseline.append(elapsed(baseline_command))
        cli.append(elapsed(cli_command))
    base, took = statistics.median(baseline), statistics.median(cli)
    print(f"python -c pass:         median {base:.3f} s over {args.runs} runs")
    print(f"signbot {args.command + ':':<15} median {took:.3f} s (target under {TARGET_SECONDS} s)")
    print(f"ratio:                  {took / base:.1f}x the bare interpreter")


if __name__ == "__main__":
    main()

"""Time `python -m ingest build` on the bundled corpus as a user runs it (a fresh process each run).

Usage: .venv/bin/python benchmarks/build_time.py [--runs 3]
Prints each run's wall time and the median. The budget is 10 s per build.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    times = []
    with tempfile.TemporaryDirectory() as tmp:
        command = [sys.executable, "-m", "ingest", "build", "--corpus", "data/corpus", "--out", tmp]
        for run in range(1, args.runs + 1):
            started = time.perf_counter()
            subprocess.run(command, cwd=ROOT, check=True, capture_output=True)
            times.append(time.perf_counter() - started)
            print(f"run {run}: {times[-1]:.2f} s")
    print(f"median `python -m ingest build` time: {statistics.median(times):.2f} s over {args.runs} runs")


if __name__ == "__main__":
    main()

"""Whole builds as a user runs them, each in a fresh process: `--jobs 1` against `--jobs N`.

Each build runs through `benchmarks.probe` (the build of `python -m ingest build --no-cache`), so its
phases and the peak memory of the build process and of its workers are known. The two graphs must be
the same bytes; the speed-up is the ratio of the wall times.
"""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def probed_build(corpus: Path, out: Path, jobs: int) -> dict:
    """One build of `corpus` into `out` with `jobs` processes: wall seconds, phases and memory."""
    started = time.perf_counter()
    result = subprocess.run([sys.executable, "-m", "benchmarks.probe", str(corpus), str(out), "--jobs", str(jobs)],
                            cwd=ROOT, check=True, capture_output=True, text=True)
    wall = time.perf_counter() - started
    probe = json.loads(result.stdout)
    marks = probe.pop("marks")
    phases, previous = {}, 0.0
    for name, at in marks.items():
        phases[name] = round(at - previous, 3)
        previous = at
    return {"jobs": jobs, "wall_s": round(wall, 3), "phases_s": phases, **probe}


def compare_jobs(corpus: Path, workdir: Path, jobs: int) -> dict:
    """Build `corpus` with one process and with `jobs`; both runs, the speed-up, whether the graphs match."""
    one = probed_build(corpus, workdir / "jobs-1", 1)
    many = probed_build(corpus, workdir / f"jobs-{jobs}", jobs)
    same = (workdir / "jobs-1" / "graph.jsonl").read_bytes() == (workdir / f"jobs-{jobs}" / "graph.jsonl").read_bytes()
    per_document = sum(one["phases_s"].get(p, 0.0) for p in ("read", "extract"))
    per_document_many = sum(many["phases_s"].get(p, 0.0) for p in ("read", "extract"))
    return {
        "one": one,
        "many": many,
        "speed_up": round(one["wall_s"] / many["wall_s"], 3),
        "extract_speed_up": round(one["phases_s"]["extract"] / many["phases_s"]["extract"], 3),
        "per_document_speed_up": round(per_document / per_document_many, 3),
        "byte_identical": same,
    }

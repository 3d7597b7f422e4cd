"""One `ingest build` in a fresh process, reporting what the benchmark cannot see from outside: JSON on stdout.

    python -m benchmarks.probe CORPUS OUT --jobs N

Runs `ingest.build.build` (as `python -m ingest build --no-cache --jobs N` does) and prints the seconds
from this process's start to the end of each build phase (imports, read, extract, relate: resolve,
relations and targets, assemble, load: the stores and `graph.jsonl`), the resident memory at each,
and the peak resident memory of this process and of its largest worker.
"""

from __future__ import annotations

import time

STARTED = time.perf_counter()

import argparse  # noqa: E402
import json  # noqa: E402
import resource  # noqa: E402
import sys  # noqa: E402
from pathlib import Path  # noqa: E402


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", type=Path)
    parser.add_argument("out", type=Path)
    parser.add_argument("--jobs", type=int, default=1)
    args = parser.parse_args(argv)

    from benchmarks.clock import current_rss_mb, peak_rss_mb
    from ingest.build import build

    marks = {"imports": time.perf_counter() - STARTED}
    resident = {"imports": current_rss_mb()}
    phases = {("read", True): "read", ("relate", False): "extract", ("relate", True): "relate",
              ("load", False): "assemble"}

    def progress(stage: str, done: int, total: int) -> None:
        phase = phases.get((stage, done == total))
        if phase is not None and phase not in marks:
            marks[phase] = time.perf_counter() - STARTED
            resident[phase] = current_rss_mb()

    report = build(args.corpus, args.out, cache=False, jobs=args.jobs, progress=progress)
    marks["load"] = time.perf_counter() - STARTED
    resident["load"] = current_rss_mb()
    json.dump({"marks": marks, "rss_after_mb": resident, "documents": report.documents, "jobs": report.jobs,
               "rss_mb": round(peak_rss_mb(), 1), "worker_rss_mb": round(peak_rss_mb(resource.RUSAGE_CHILDREN), 1)},
              sys.stdout)


if __name__ == "__main__":
    main()

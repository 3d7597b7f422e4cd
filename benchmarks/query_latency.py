"""Latency of every library query on the built graph, in-process (target: a median under 50 ms each).

Usage: python benchmarks/query_latency.py [--build-dir data/build] [--runs 20]
Each query runs with the example values of its parameters, once to warm up, then `--runs` times.
`python -m benchmarks run` reports the p50 and p95 of the same measurement at each corpus scale.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from rich.console import Console  # noqa: E402
from rich.table import Table  # noqa: E402

from jig.core.errors import JilinGraphError  # noqa: E402
from queries.catalog import load_catalog, run_named  # noqa: E402
from queries.store import GraphStore, open_store  # noqa: E402

TARGET_MS = 50.0


def measure(build_dir: Path, runs: int) -> list[tuple[str, int, float, float]]:
    """(query, rows, median ms, max ms) for every library query."""
    store = open_store(build_dir)
    try:
        return [(name, rows, statistics.median(times), max(times)) for name, rows, times in timings(store, runs)]
    finally:
        store.close()


def timings(store: GraphStore, runs: int) -> list[tuple[str, int, list[float]]]:
    """(query, rows, the milliseconds of each run) for every library query, after one warm-up run each."""
    results = []
    for name, query in sorted(load_catalog().items()):
        params = {p.name: p.example for p in query.parameters}
        rows = len(run_named(store, name, params).rows)
        times = []
        for _ in range(runs):
            started = time.perf_counter()
            run_named(store, name, params)
            times.append((time.perf_counter() - started) * 1000)
        results.append((name, rows, times))
    return results


def percentile(values: list[float], share: float) -> float:
    """The `share` quantile of `values` (0.95: p95), interpolated between the nearest ranks."""
    ordered = sorted(values)
    position = share * (len(ordered) - 1)
    low = int(position)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (position - low)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--build-dir", type=Path, default=Path("data/build"))
    parser.add_argument("--runs", type=int, default=20)
    args = parser.parse_args()
    console = Console()
    try:
        results = measure(args.build_dir, args.runs)
    except JilinGraphError as exc:
        console.print(f"[bold red]error:[/] {exc}")
        return 1
    table = Table("query", "rows", "median ms", "max ms", title=f"library query latency ({args.runs} runs each)")
    for name, rows, median, worst in results:
        colour = "green" if median < TARGET_MS else "red"
        table.add_row(name, str(rows), f"[{colour}]{median:.1f}[/]", f"{worst:.1f}")
    console.print(table)
    slow = [name for name, _, median, _ in results if median >= TARGET_MS]
    console.print(f"{len(results) - len(slow)}/{len(results)} queries under {TARGET_MS:g} ms"
                  + (f"; slow: {', '.join(slow)}" if slow else ""))
    return 1 if slow else 0


if __name__ == "__main__":
    sys.exit(main())

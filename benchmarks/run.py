"""One benchmark run at one corpus scale: the scaled corpus, its stages, its builds, its queries and its pages.

For a scale N: the bundled corpus ×N is written (`benchmarks.corpus`); every stage is timed in this
process on one core, with jieba alone as the floor (`benchmarks.stages`); the corpus is built in fresh
processes with `--jobs 1` and with every core (`benchmarks.builds`); each library query runs against
the second build's embedded store, in this process (p50 and p95 over `runs`); and, when Chromium is
installed, the overview and the entity page of 吉林大学 are rendered warm in headless Chromium.
"""

from __future__ import annotations

import gc
import statistics
from pathlib import Path

from benchmarks.builds import compare_jobs
from benchmarks.clock import load_average
from benchmarks.corpus import write_scaled_corpus
from benchmarks.page_render import browser_times
from benchmarks.query_latency import percentile, timings
from benchmarks.stages import run_stages
from jig.core.paths import CORPUS_DIR

#: The entity page rendered: the most connected institution of the corpus.
ENTITY = "inst_jlu"
ENTITY_NAME = "吉林大学"


def run_scale(scale: int, workdir: Path, *, jobs: int, runs: int, browser: bool, corpus: Path = CORPUS_DIR) -> dict:
    """Every measurement at `scale` (files under `workdir/x<scale>`), as a JSON-ready dict."""
    folder = workdir / f"x{scale}"
    load_before = load_average()
    scaled = folder / "corpus"
    write_scaled_corpus(corpus, scaled, scale)
    stages = run_stages(scaled, folder / "stages").as_json()
    gc.collect()
    builds = compare_jobs(scaled, folder / "builds", jobs)
    store_dir = folder / "builds" / f"jobs-{jobs}"
    result = {"scale": scale, "stages": stages, "builds": builds, "queries": query_figures(store_dir, runs)}
    if browser:
        result["render"] = render_figures(store_dir, runs)
    result["load_average"] = {"before": round(load_before, 2), "after": round(load_average(), 2)}
    return result


def query_figures(build_dir: Path, runs: int) -> dict:
    """p50 and p95 latency of every library query on the embedded store of `build_dir`, and the worst."""
    from queries.embedded import EmbeddedStore

    with EmbeddedStore.open(build_dir) as store:
        measured = timings(store, runs)
    per_query = {name: {"rows": rows, "p50_ms": round(percentile(times, 0.5), 2),
                        "p95_ms": round(percentile(times, 0.95), 2)} for name, rows, times in measured}
    slowest = max(per_query, key=lambda name: per_query[name]["p95_ms"])
    return {"runs": runs, "p50_ms": max(q["p50_ms"] for q in per_query.values()),
            "p95_ms": per_query[slowest]["p95_ms"], "slowest": slowest, "per_query": per_query}


def render_figures(build_dir: Path, runs: int) -> dict | None:
    """Warm render seconds of the overview and of the entity page (a sidebar click to the end of the rerun)."""
    from tests.browser import CHROMIUM

    if not CHROMIUM.exists():
        return None
    clicks, _ = browser_times(build_dir.resolve(), runs, pages=("overview", "entity"),
                              start=f"entity?entity={ENTITY}", expect={"entity": ENTITY_NAME}, reload=False)
    return {page: {"median_s": round(statistics.median(times), 3), "max_s": round(max(times), 3), "clicks": len(times)}
            for page, times in clicks.items() if times}


def linearity(scales: list[dict]) -> dict | None:
    """How the cost per document changes from the smallest scale of at least ×10 to the largest: of the build
    (all cores, wall; its fixed costs — starting Python, jieba's dictionary — spread over more documents)
    and of each stage run on its own (CPU), where a cost growing faster than the corpus would show."""
    large = sorted((r for r in scales if r["scale"] >= 10), key=lambda r: r["scale"])
    if len(large) < 2:
        return None
    first, last = large[0], large[-1]

    def change(figure) -> float:
        before, after = (figure(r) / r["stages"]["documents"] for r in (first, last))
        return round(after / before - 1, 3) if before else 0.0

    stages = {name: change(lambda r, name=name: r["stages"]["stages"][name]["cpu_s"])
              for name in first["stages"]["stages"] if name not in ("warm-up", "store load")}
    worst = max(stages, key=stages.get)
    return {"from": first["scale"], "to": last["scale"], "build": change(lambda r: r["builds"]["many"]["wall_s"]),
            "stages": stages, "worst_stage": worst, "worst_change": stages[worst]}

"""Warm render time of every explorer page (Streamlit AppTest, in-process), against a built graph.

    python benchmarks/page_render.py [--build-dir data/build] [--runs 5] [--target 1.5]

Each page is rendered once to warm the caches, then `--runs` more times; the median and the worst
warm time are printed per page. Exits 1 when a page's median exceeds the target (seconds).
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PAGES = {
    "overview": {},
    "entity": {"entity": "inst_jlu"},
    "industry": {"industry": "ind_automotive"},
    "gallery": {},
    "console": {},
    "documents": {},
    "trends": {},
}


def render_times(page: str, query: dict[str, str], runs: int) -> list[float]:
    """Seconds for `runs` warm renders of one page (after one warm-up render)."""
    from streamlit.testing.v1 import AppTest

    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120).run()
    at.switch_page(f"explorer/pages/{page}.py")
    at.query_params.update(query)
    at.run()
    if at.exception:
        raise RuntimeError(f"{page}: {at.exception[0].value}")
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        at.run()
        times.append(time.perf_counter() - start)
    return times


def main(argv: list[str] | None = None) -> int:
    """Print warm render times per page; 1 if any median is over the target."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--build-dir", type=Path, default=Path(os.environ.get("JIG_BUILD_DIR", ROOT / "data/build")))
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--target", type=float, default=1.5)
    args = parser.parse_args(argv)
    os.environ["JIG_BUILD_DIR"] = str(args.build_dir.resolve())
    sys.path.insert(0, str(ROOT))
    over = []
    print(f"{'page':<10} {'median s':>9} {'max s':>7}")
    for page, query in PAGES.items():
        times = render_times(page, query, args.runs)
        median = statistics.median(times)
        print(f"{page:<10} {median:9.3f} {max(times):7.3f}")
        if median > args.target:
            over.append(page)
    if over:
        print(f"over the {args.target:g} s target: {', '.join(over)}")
        return 1
    print(f"every page under the {args.target:g} s target")
    return 0


if __name__ == "__main__":
    sys.exit(main())

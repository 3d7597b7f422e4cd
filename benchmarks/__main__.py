"""`python -m benchmarks run | check | table`: the benchmark suite against the floor, at any corpus scale.

    python -m benchmarks run [--scale N ...] [--json PATH] [--jobs N] [--runs N] [--no-browser] [--keep DIR]
    python -m benchmarks check          # the speed guards (CPU-time ratios against jieba), exit 1 when one fails
    python -m benchmarks table [--json PATH]   # README's table from a results file

`run` measures each scale (default ×1; `--scale 1 --scale 10 --scale 100` several) as `benchmarks.run`
describes, prints a table, and with `--json` writes every figure there (README's come from
`benchmarks/results.json`). The scaled corpora and builds go to a temporary folder, or `--keep DIR`.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "benchmarks" / "results.json"


def _run(args: argparse.Namespace) -> int:
    from benchmarks.report import machine, markdown_table, write_results
    from benchmarks.run import linearity, run_scale
    from ingest.build import default_jobs

    jobs = args.jobs or default_jobs()
    results: dict = {"machine": machine(), "jobs": jobs, "scales": []}
    with tempfile.TemporaryDirectory(prefix="jig-bench-") as tmp:
        workdir = args.keep or Path(tmp)
        for scale in args.scale or [1]:
            print(f"×{scale} …", file=sys.stderr, flush=True)
            results["scales"].append(run_scale(scale, workdir, jobs=jobs, runs=args.runs, browser=not args.no_browser))
            if args.json:  # after each scale: a long run leaves what it measured
                write_results(results, args.json)
    spread = linearity(results["scales"])
    if spread:
        results["linearity"] = spread
    if args.json:
        write_results(results, args.json)
    print(markdown_table(results))
    identical = all(r["builds"]["byte_identical"] for r in results["scales"])
    if not identical:
        print("the graphs of --jobs 1 and --jobs N differ", file=sys.stderr)
    return 0 if identical else 1


def _table(args: argparse.Namespace) -> int:
    from benchmarks.report import markdown_table

    print(markdown_table(json.loads(args.json.read_text(encoding="utf-8"))))
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)
    run = commands.add_parser("run", help="measure the build, the store, the queries and the pages at some scales")
    run.add_argument("--scale", type=int, action="append", help="copies of the bundled corpus (repeatable)")
    run.add_argument("--json", type=Path, help=f"write the results here (README's: {RESULTS.relative_to(ROOT)})")
    run.add_argument("--jobs", type=int, help="processes of the parallel build (default: the machine's cores)")
    run.add_argument("--runs", type=int, default=20, help="timed runs of each query and page (default 20)")
    run.add_argument("--no-browser", action="store_true", help="leave the page renders out")
    run.add_argument("--keep", type=Path, help="keep the scaled corpora and builds in this folder")
    commands.add_parser("check", help="the speed guards: CPU-time ratios against jieba alone")
    table = commands.add_parser("table", help="print README's table from a results file")
    table.add_argument("--json", type=Path, default=RESULTS)
    args = parser.parse_args(argv)
    if args.command == "check":
        from benchmarks.check import main as check

        return check()
    return _run(args) if args.command == "run" else _table(args)


if __name__ == "__main__":
    sys.exit(main())

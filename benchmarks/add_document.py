"""Time `python -m ingest add` of one document to a 30-document build against a full rebuild (fresh processes).

Usage: .venv/bin/python benchmarks/add_document.py [--runs 3] [--json]
Thirty documents of the bundled corpus (with their manifest entries) are built into a temporary folder.
Each run then times a full rebuild with a cold cache (the cache folder removed first), a rebuild with a
warm cache (every document cached: the fixed cost of a build), and `add` of a 31st document to the warm
30-document build. Prints the medians and the ratio of add to the full rebuild.
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "data" / "corpus"
DOCUMENTS = 30


def copy_documents(names: list[str], folder: Path) -> None:
    """Copy documents of the bundled corpus into `folder`, with their entries of its manifest."""
    folder.mkdir(parents=True)
    for name in names:
        shutil.copy(CORPUS / name, folder / name)
    manifest = yaml.safe_load((CORPUS / "manifest.yaml").read_text(encoding="utf-8"))
    entries = {name: entry for name, entry in manifest["documents"].items() if name in names}
    (folder / "manifest.yaml").write_text(yaml.safe_dump({"documents": entries}, allow_unicode=True), encoding="utf-8")


def timed(*args: str) -> float:
    """Wall time of one `python -m ingest …` in a fresh process."""
    started = time.perf_counter()
    subprocess.run([sys.executable, "-m", "ingest", *args], cwd=ROOT, check=True, capture_output=True)
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--json", action="store_true", help="Print one JSON object instead of lines.")
    args = parser.parse_args()
    names = sorted(p.name for p in CORPUS.iterdir() if p.name != "manifest.yaml")
    times: dict[str, list[float]] = {"full_rebuild_cold_cache": [], "rebuild_warm_cache": [], "add_one_document": []}
    with tempfile.TemporaryDirectory() as tmp:
        corpus, incoming, out = Path(tmp) / "corpus", Path(tmp) / "incoming", Path(tmp) / "build"
        copy_documents(names[:DOCUMENTS], corpus)
        copy_documents([names[DOCUMENTS]], incoming)
        build = ("build", "--corpus", str(corpus), "--out", str(out))
        for run in range(1, args.runs + 1):
            shutil.rmtree(out / "cache", ignore_errors=True)
            times["full_rebuild_cold_cache"].append(timed(*build))
            times["rebuild_warm_cache"].append(timed(*build))
            times["add_one_document"].append(timed("add", str(incoming / names[DOCUMENTS]), "--out", str(out)))
            if not args.json:
                print(f"run {run}: " + ", ".join(f"{name} {seconds[-1]:.2f} s" for name, seconds in times.items()))
    medians = {name: statistics.median(seconds) for name, seconds in times.items()}
    ratio = medians["add_one_document"] / medians["full_rebuild_cold_cache"]
    if args.json:
        json.dump({"documents": DOCUMENTS, "runs": args.runs, "median_seconds": medians, "times": times,
                   "add_to_full_ratio": ratio}, sys.stdout, indent=1)
        sys.stdout.write("\n")
        return
    for name, seconds in medians.items():
        print(f"median {name.replace('_', ' ')}: {seconds:.2f} s")
    print(f"add / full rebuild: {ratio:.2f} over {args.runs} runs ({DOCUMENTS} documents, +1 added)")


if __name__ == "__main__":
    main()

"""The machine a benchmark ran on, the results file, and the Markdown table README shows."""

from __future__ import annotations

import json
import os
import platform
import sys
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

#: Libraries whose speed the figures depend on.
LIBRARIES = ("jieba", "python-crfsuite", "ladybug", "streamlit", "neo4j")


def machine() -> dict:
    """What the figures depend on: CPU, cores, memory, system, Python and library versions."""
    return {
        "cpu": _cpuinfo("model name") or platform.processor() or platform.machine(),
        "cores": os.cpu_count(),
        "memory_gb": _memory_gb(),
        "system": platform.platform(),
        "python": sys.version.split()[0],
        "libraries": {name: _version(name) for name in LIBRARIES},
    }


def _cpuinfo(field: str) -> str | None:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith(field):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return None


def _memory_gb() -> float | None:
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                return round(int(line.split()[1]) / 1024 / 1024, 1)
    except OSError:
        pass
    return None


def _version(name: str) -> str | None:
    try:
        return version(name)
    except PackageNotFoundError:
        return None


def write_results(results: dict, path: Path) -> None:
    """Write the results as indented JSON (keys in the order they were measured)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(results, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


#: (column title, how to read it from one scale's results), in README's order.
_COLUMNS = (
    ("scale", lambda r: f"×{r['scale']}"),
    ("documents", lambda r: f"{r['stages']['documents']:,}"),
    ("characters", lambda r: f"{r['stages']['characters'] / 1e6:.2f} M"),
    ("build, 1 process", lambda r: f"{r['builds']['one']['wall_s']:.1f} s"),
    ("build, all cores", lambda r: f"{r['builds']['many']['wall_s']:.1f} s"),
    ("speed-up (extract)", lambda r: f"{r['builds']['speed_up']:.2f}× ({r['builds']['extract_speed_up']:.2f}×)"),
    ("pipeline / jieba (CPU)", lambda r: f"{r['stages']['pipeline_to_jieba']:.2f}×"),
    ("peak RSS (worker)", lambda r: f"{r['builds']['many']['rss_mb']:,.0f} MB ({r['builds']['many']['worker_rss_mb']:,.0f} MB)"),
    ("nodes / relationships", lambda r: f"{r['stages']['graph']['nodes']:,} / {r['stages']['graph']['relationships']:,}"),
    ("store", lambda r: f"{r['stages']['store_bytes'] / 2**20:,.0f} MB"),
    ("bulk load", lambda r: f"{r['stages']['embedded_rows_per_s']:,} rows/s"),
    ("query p50 / p95 (worst)", lambda r: f"{r['queries']['p50_ms']:.1f} / {r['queries']['p95_ms']:.1f} ms "
                                          f"({r['queries']['slowest']})"),
    ("render overview / entity", lambda r: "—" if not {"overview", "entity"} <= set(r.get("render") or ()) else
     f"{r['render']['overview']['median_s']:.2f} / {r['render']['entity']['median_s']:.2f} s"),
)


def markdown_table(results: dict) -> str:
    """README's table: one row per scale of `results`, then the machine."""
    header = "| " + " | ".join(title for title, _ in _COLUMNS) + " |"
    rule = "|" + "|".join("---" for _ in _COLUMNS) + "|"
    rows = ["| " + " | ".join(cell(run) for _, cell in _COLUMNS) + " |" for run in results["scales"]]
    info = results["machine"]
    described = (f"{info['cpu']}, {info['cores']} cores, {info['memory_gb']} GB; {info['system']}; "
                 f"Python {info['python']}")
    lines = [header, rule, *rows, "", f"Machine: {described}."]
    if "linearity" in results:
        spread = results["linearity"]
        lines.append(f"Cost per document from ×{spread['from']} to ×{spread['to']}: build {spread['build']:+.0%}; "
                     f"every stage within {spread['worst_change']:+.0%} (the most: {spread['worst_stage']}).")
    return "\n".join(lines)

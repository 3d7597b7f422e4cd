"""The harness of the bad-input suite: a good build to spoil, the real CLI in a fresh process, and what
a refused run must leave behind (everything byte-identical, nothing new beside the build)."""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

from tests.conftest import ROOT

#: A short notice: two lines, a name, and 一 (U+4E00), whose UTF-16 holds a NUL byte at an even position.
TEXT = "吉林省科技厅关于开展工作的通知\n各有关单位：吉林大学牵头建设汽车产业创新中心，统一部署。\n"
#: TEXT as the reader gives it: one paragraph per line, nothing around them.
READ = TEXT.strip()


@dataclass(frozen=True)
class Run:
    """One run of `python -m ingest`: its exit code and output, and the state of the build around it."""

    returncode: int
    stdout: str
    stderr: str
    before: dict[str, str]
    after: dict[str, str]

    @property
    def output(self) -> str:
        return self.stdout + self.stderr


@dataclass
class Case:
    """A corpus copied from the good one, a copy of its build, and the folder around both."""

    root: Path
    corpus: Path
    out: Path
    runs: list[Run] = field(default_factory=list)

    def write(self, name: str, data: bytes | str, folder: Path | None = None) -> Path:
        """A file of the corpus (or of `folder`) with `data` (text as UTF-8)."""
        path = (folder or self.corpus) / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
        return path

    def build(self, corpus: Path | None = None, *options: str) -> Run:
        return self.cli("build", "--corpus", str(corpus or self.corpus), "--out", str(self.out), *options)

    def add(self, *files: Path | str, cwd: Path = ROOT) -> Run:
        return self.cli("add", "--out", str(self.out), *map(str, files), cwd=cwd)

    def cli(self, *args: str, cwd: Path = ROOT) -> Run:
        """`python -m ingest ARGS` in a fresh process, with the state of the build before and after."""
        before = state(self.out)
        env = {**os.environ, "PYTHONPATH": str(ROOT)}
        result = subprocess.run([sys.executable, "-m", "ingest", *args], cwd=cwd, env=env, capture_output=True,
                                text=True, timeout=300)
        run = Run(result.returncode, result.stdout, result.stderr, before, state(self.out))
        self.runs.append(run)
        return run

    def documents(self) -> dict[str, str]:
        """The text of each Document node of the build's graph.jsonl, by file name."""
        lines = (json.loads(line) for line in (self.out / "graph.jsonl").read_text(encoding="utf-8").splitlines())
        return {r["properties"]["file"]: r["properties"]["text"] for r in lines if r.get("label") == "Document"}


def state(out: Path) -> dict[str, str]:
    """Every entry under the build folder and beside it: a file by the hash of its bytes, a folder as such."""
    entries = {f"../{p.name}": "" for p in out.parent.iterdir()}
    if out.is_dir():
        for path in sorted(out.rglob("*")):
            digest = hashlib.sha256(path.read_bytes()).hexdigest() if path.is_file() else "folder"
            entries[str(path.relative_to(out))] = digest
    return entries


def copy_case(template: Path, root: Path) -> Case:
    """A Case in `root`: the template's corpus and build, copied."""
    corpus = Path(shutil.copytree(template / "corpus", root / "corpus", symlinks=True))
    out = Path(shutil.copytree(template / "build", root / "build", symlinks=True))
    return Case(root, corpus, out)


def assert_refused(run: Run, path: Path | str, problem: str) -> None:
    """Exit code 1, one line `error: PATH: PROBLEM` on stderr, no traceback, the build and what is beside it
    exactly as before."""
    assert "Traceback" not in run.output, run.output
    assert run.returncode == 1, run.output
    assert run.stderr.strip() == f"error: {path}: {problem}"
    assert run.stdout == ""
    assert run.after == run.before


def assert_accepted(run: Run, warning: str = "") -> None:
    """Exit code 0, no traceback, `warning` among the log lines (or none), no new entry in or beside the build."""
    assert "Traceback" not in run.output, run.output
    assert run.returncode == 0, run.output
    warnings = [line for line in run.stderr.splitlines() if line.startswith(("WARNING", "ERROR"))]
    assert warnings == ([warning] if warning else []), run.stderr
    assert _outside_cache(run.after) == _outside_cache(run.before)


def _outside_cache(entries: dict[str, str]) -> set[str]:
    """The entries' names but the cache's, each store folder (`ladybug-<n>`, one per build kept) as `ladybug-*`."""
    return {re.sub(r"^ladybug-\d+", "ladybug-*", name) for name in entries if not name.startswith("cache")}

"""Parallel ingest: `build --jobs N` analyses documents in worker processes and gives the graph of `--jobs 1`,
byte for byte; the cache still answers first, and progress still advances document by document."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from ingest.build import build, default_jobs
from jig.core.errors import DocumentReadError
from tests.conftest import ROOT
from tests.ingest.conftest import SMALL_CORPUS, copy_corpus

#: Enough documents for two workers to share: the small corpus and three more of the bundled one.
MORE = (
    "009_jilin_2015_makerspaces_opinion.txt",
    "011_changchun_2016_makerspaces_opinion.txt",
    "016_jilin_kjt_2018_research_integrity_system_plan.txt",
)


def test_jobs_two_workers_give_the_graph_of_one_byte_for_byte(tmp_path: Path) -> None:
    corpus = copy_corpus(tmp_path / "corpus", (*SMALL_CORPUS, *MORE))
    one = build(corpus, tmp_path / "one", cache=False, jobs=1)
    two = build(corpus, tmp_path / "two", cache=False, jobs=2)
    assert (one.jobs, two.jobs) == (1, 2)
    assert two.extracted == len(SMALL_CORPUS) + len(MORE)
    assert (tmp_path / "two" / "graph.jsonl").read_bytes() == (tmp_path / "one" / "graph.jsonl").read_bytes()
    assert (tmp_path / "two" / "documents.json").read_bytes() == (tmp_path / "one" / "documents.json").read_bytes()


def test_jobs_cache_hits_skip_the_workers(tmp_path: Path) -> None:
    corpus = copy_corpus(tmp_path / "corpus", (*SMALL_CORPUS, *MORE))
    out = tmp_path / "build"
    first = build(corpus, out, jobs=2)
    changed = corpus / MORE[0]
    changed.write_text(changed.read_text(encoding="utf-8") + "\n支持吉林大学建设重点实验室。\n", encoding="utf-8")
    second = build(corpus, out, jobs=2)
    assert (first.extracted, first.jobs) == (6, 2)
    assert (second.extracted, second.cached, second.jobs) == (1, 5, 1)  # one document left: no worker needed
    assert build(corpus, out, jobs=2).cached == 6


def test_jobs_cache_entries_are_the_same_bytes_from_a_worker(tmp_path: Path) -> None:
    corpus = copy_corpus(tmp_path / "corpus", (*SMALL_CORPUS, *MORE))
    build(corpus, tmp_path / "one", jobs=1)
    build(corpus, tmp_path / "two", jobs=2)
    one, two = ({p.name: p.read_bytes() for p in (tmp_path / name / "cache").iterdir()} for name in ("one", "two"))
    assert len(one) == 6
    assert one == two


def test_jobs_progress_advances_per_document(tmp_path: Path) -> None:
    corpus = copy_corpus(tmp_path / "corpus", (*SMALL_CORPUS, *MORE))
    calls: list[tuple[int, int]] = []

    def progress(stage: str, done: int, total: int) -> None:
        if stage == "extract":
            calls.append((done, total))

    build(corpus, tmp_path / "build", cache=False, jobs=2, progress=progress)
    assert calls == [(done, 6) for done in range(7)]


def test_jobs_default_is_the_machines_cores() -> None:
    assert default_jobs() >= 1


def test_jobs_cli_option(tmp_path: Path) -> None:
    corpus = copy_corpus(tmp_path / "corpus", (*SMALL_CORPUS, *MORE))
    result = subprocess.run(
        [sys.executable, "-m", "ingest", "build", "--corpus", str(corpus), "--out", str(tmp_path / "b"), "--jobs", "2"],
        cwd=ROOT, capture_output=True, text=True, timeout=300,
    )
    assert result.returncode == 0, result.stderr
    assert "6 extracted by 2 processes" in result.stdout


def test_jobs_a_file_a_worker_cannot_read_is_the_readers_error(tmp_path: Path) -> None:
    corpus = copy_corpus(tmp_path / "corpus", (*SMALL_CORPUS, *MORE))
    (corpus / "broken.txt").write_bytes(b"\x00\x01\x02PK\x03\x04" * 50)
    with pytest.raises(DocumentReadError) as raised:
        build(corpus, tmp_path / "build", jobs=2)
    assert raised.value.path == str(corpus / "broken.txt")
    assert "binary" in raised.value.problem and str(raised.value).startswith(str(corpus / "broken.txt"))
    assert not (tmp_path / "build" / "graph.jsonl").exists()

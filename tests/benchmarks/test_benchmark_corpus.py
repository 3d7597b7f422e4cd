"""The benchmark's scaled corpus: N copies of every document, no two alike, each finding what the original finds;
and the small figures the benchmark derives (percentiles, linearity)."""

from __future__ import annotations

from pathlib import Path

import pytest

from benchmarks.corpus import perturbed, write_scaled_corpus
from benchmarks.query_latency import percentile
from benchmarks.run import linearity
from ingest.read.document import read_corpus
from tests.ingest.conftest import SMALL_CORPUS, copy_corpus


def test_benchmark_scaled_copies_differ_in_text_but_not_in_view(tmp_path: Path) -> None:
    source = copy_corpus(tmp_path / "source", SMALL_CORPUS)
    originals = {d.id: d for d in read_corpus(source)}
    files = write_scaled_corpus(source, tmp_path / "scaled", 4)
    copies = read_corpus(tmp_path / "scaled")
    assert len(files) == len(copies) == 4 * len(originals)
    assert len({d.id for d in copies}) == len({d.text for d in copies}) == len(copies)
    for copy in copies:
        original = originals[copy.id.rsplit(".c", 1)[0]]
        assert copy.view == original.view
        assert (copy.title, copy.date, copy.doc_number) == (original.title, original.date, original.doc_number)


def test_benchmark_copy_zero_is_the_original(tmp_path: Path) -> None:
    document = read_corpus(copy_corpus(tmp_path / "source", SMALL_CORPUS[:1]))[0]
    assert perturbed(document, 0) == document.text
    assert perturbed(document, 1) != document.text


def test_benchmark_percentile_interpolates() -> None:
    values = [float(v) for v in range(1, 21)]
    assert percentile(values, 0.5) == pytest.approx(10.5)
    assert percentile(values, 0.95) == pytest.approx(19.05)
    assert percentile([3.0], 0.95) == 3.0


def test_benchmark_linearity_compares_the_cost_per_document() -> None:
    def run(scale: int, seconds: float, relate: float) -> dict:
        stages = {"warm-up": {"cpu_s": 1.0}, "extract": {"cpu_s": 0.1 * scale}, "relate": {"cpu_s": relate}}
        return {"scale": scale, "stages": {"documents": 33 * scale, "stages": stages},
                "builds": {"many": {"wall_s": seconds}}}

    spread = linearity([run(1, 3.0, 0.01), run(10, 10.0, 0.1), run(100, 105.0, 1.2)])
    assert (spread["from"], spread["to"], spread["build"]) == (10, 100, 0.05)
    assert spread["stages"] == {"extract": 0.0, "relate": 0.2}
    assert (spread["worst_stage"], spread["worst_change"]) == ("relate", 0.2)
    assert linearity([run(1, 3.0, 0.01), run(10, 10.0, 0.1)]) is None

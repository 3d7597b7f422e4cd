"""Extraction stays cheap next to jieba: at most 50% on top of segmentation, on the bundled corpus."""

from __future__ import annotations

import time
from pathlib import Path

from ingest.read import read_corpus
from tests.extract_helpers import stages


def test_extract_adds_at_most_half_of_segmentation_time(corpus_dir: Path) -> None:
    segmenter, extractor = stages()
    documents = read_corpus(corpus_dir)
    extractor.run(segmenter.run(documents[0]))  # warm both up
    started = time.perf_counter()
    sentences = [s for d in documents for s in segmenter.run(d)]
    segmented = time.perf_counter()
    found = extractor.run(sentences)
    extracted = time.perf_counter()
    assert found
    assert extracted - segmented <= 0.5 * (segmented - started)

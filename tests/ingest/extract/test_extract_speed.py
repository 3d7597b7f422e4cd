"""Extraction stays cheap next to jieba, on the bundled corpus: segmenting and extracting (with the
jieba cutting that extraction asks for) take at most 25% longer than jieba tokenizing all the text
alone (about 0.9× when measured).

Best of five runs each, taking turns, in CPU seconds of this process. The benchmark
(`python -m benchmarks.extraction_throughput`) measures the whole pipeline on a larger corpus.
"""

from __future__ import annotations

from pathlib import Path

from ingest.read.document import read_corpus
from tests.extract_helpers import best_cpu, stages

MAX_SHARE_OF_JIEBA = 1.25


def test_extract_segment_and_extract_cost_little_more_than_jieba_alone(corpus_dir: Path) -> None:
    segmenter, extractor = stages()
    documents = read_corpus(corpus_dir)
    assert extractor.run(segmenter.run(documents[0]))  # warm both up

    jieba, pipeline = best_cpu(lambda: [list(segmenter.tokenizer.tokenize(d.view)) for d in documents],
                               lambda: [extractor.run(segmenter.run(d)) for d in documents])
    assert pipeline <= MAX_SHARE_OF_JIEBA * jieba, f"segment + extract {pipeline:.3f} s CPU vs jieba {jieba:.3f} s"

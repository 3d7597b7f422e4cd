"""ingest.relate and ingest.targets stay cheap next to segmentation (the throughput issue's guard).

The benchmark (`python -m benchmarks.extraction_throughput`) measures the whole pipeline against jieba;
this test guards the two stages loosely and quickly: on the bundled corpus, relate + targets must take
at most half the CPU time segmentation (jieba) takes, each the best of three runs in process time.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from ingest.gazetteer import default_gazetteer
from ingest.pipeline import extract_documents
from ingest.read import read_corpus
from ingest.relate import relate
from ingest.segment import Segmenter
from ingest.targets import extract_targets
from tests.conftest import CORPUS

MAX_SHARE_OF_SEGMENTATION = 0.5


def _best_cpu(run: Callable[[], object], times: int = 3) -> float:
    best = float("inf")
    for _ in range(times):
        started = time.process_time()
        run()
        best = min(best, time.process_time() - started)
    return best


def test_relate_and_targets_cost_little_next_to_segmentation() -> None:
    gazetteer = default_gazetteer()
    documents = read_corpus(CORPUS)
    extraction = extract_documents(documents, gazetteer)  # warms the segmenter, cue lexicon and metrics
    segmenter = Segmenter.shared(gazetteer)
    by_id = {d.id: d for d in documents}

    segmentation = _best_cpu(lambda: [segmenter.run(d) for d in documents])
    stages = _best_cpu(lambda: (relate(extraction.sentences, extraction.resolution, gazetteer),
                                extract_targets(extraction.sentences, by_id)))
    assert stages <= MAX_SHARE_OF_SEGMENTATION * segmentation, (
        f"relate + targets {stages:.3f} s CPU vs segmentation {segmentation:.3f} s")

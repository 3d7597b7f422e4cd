"""ingest.relate.relations and ingest.targets.goals stay cheap next to segmentation (the throughput issue's guard).

The benchmark (`python -m benchmarks.extraction_throughput`) measures the whole pipeline against jieba;
this test guards the two stages loosely and quickly: on the bundled corpus, relate + targets must take
at most half the CPU time jieba takes to tokenize the text, each the best of five runs in process time.
"""

from __future__ import annotations

from ingest.lexicon.gazetteer import default_gazetteer
from ingest.pipeline import extract_documents
from ingest.read.document import read_corpus
from ingest.relate.relations import relate
from ingest.segment.sentences import Segmenter
from ingest.targets.goals import extract_targets
from tests.conftest import CORPUS
from tests.extract_helpers import best_cpu

MAX_SHARE_OF_JIEBA = 0.5


def test_relate_and_targets_cost_little_next_to_jieba() -> None:
    gazetteer = default_gazetteer()
    documents = read_corpus(CORPUS)
    extraction = extract_documents(documents, gazetteer)  # warms the segmenter, cue lexicon and metrics
    segmenter = Segmenter.shared(gazetteer)
    by_id = {d.id: d for d in documents}

    jieba, stages = best_cpu(lambda: [list(segmenter.tokenizer.tokenize(d.view)) for d in documents],
                             lambda: (relate(extraction.sentences, extraction.resolution, gazetteer),
                                      extract_targets(extraction.sentences, by_id)))
    assert stages <= MAX_SHARE_OF_JIEBA * jieba, f"relate + targets {stages:.3f} s CPU vs jieba {jieba:.3f} s"

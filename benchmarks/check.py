"""The speed guards, run by CI apart from the unit suite (`make bench-check`): CPU-time ratios against jieba alone.

On the bundled corpus, in CPU seconds of this process, each the best of five runs taking turns (so a
busy spell of a shared machine slows all alike), the garbage collector paused as the build does:

- segment + extract (with the jieba cutting extraction asks for) against jieba tokenizing all the text;
- the corpus-wide stages (resolve, relate, targets, instruments) against the same;
- the whole text pipeline against the same.

Each limit is about 1.5× the figure measured when it was set, so a 2× regression fails and ordinary
noise does not. Exit status 1 when a ratio is over its limit.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path

from benchmarks.clock import best_cpu
from ingest.extract.mentions import Extractor
from ingest.instruments.coding import code_instruments
from ingest.lexicon.gazetteer import default_gazetteer
from ingest.pipeline import extract_documents, gc_paused
from ingest.read.document import read_corpus
from ingest.relate.relations import relate
from ingest.resolve.entities import resolve
from ingest.segment.sentences import Segmenter
from ingest.targets.goals import extract_targets
from jig.core.paths import CORPUS_DIR


@dataclass(frozen=True)
class Guard:
    """One ratio against jieba alone: its measured value and its limit."""

    name: str
    ratio: float
    limit: float

    @property
    def passed(self) -> bool:
        return self.ratio <= self.limit


#: name → limit: about 1.5× the ratio measured when set (1.9, 0.92 and 2.83 on the 2-core machine of README's
#: "Benchmarks"), so that a 2× regression fails.
LIMITS = {
    "segment + extract": 2.8,
    "corpus-wide stages": 1.4,
    "text pipeline": 4.2,
}


def guards(corpus: Path = CORPUS_DIR, times: int = 5) -> list[Guard]:
    """Measure every guarded ratio on `corpus`."""
    gazetteer = default_gazetteer()
    documents = read_corpus(corpus)
    segmenter, extractor = Segmenter.shared(gazetteer), Extractor.shared(gazetteer)
    by_id = {d.id: d for d in documents}
    with gc_paused():
        extraction = extract_documents(documents, gazetteer)  # warms the segmenter, cue lexicon and metrics

        def later_stages() -> None:
            resolution = resolve(extraction.mentions, gazetteer)
            relate(extraction.sentences, resolution, gazetteer)
            targets = extract_targets(extraction.sentences, by_id)
            code_instruments(extraction.sentences, resolution, targets, by_id)

        jieba, first, later = best_cpu(
            lambda: [list(segmenter.tokenizer.tokenize(d.view)) for d in documents],
            lambda: [extractor.run(segmenter.run(d)) for d in documents],
            later_stages,
            times=times,
        )
    ratios = {"segment + extract": first / jieba, "corpus-wide stages": later / jieba,
              "text pipeline": (first + later) / jieba}
    return [Guard(name, round(ratio, 3), LIMITS[name]) for name, ratio in ratios.items()]


def main(corpus: Path = CORPUS_DIR) -> int:
    """Print each guard; 1 if one is over its limit."""
    results = guards(corpus)
    for guard in results:
        verdict = "ok" if guard.passed else "OVER THE LIMIT"
        print(f"{guard.name:<28} {guard.ratio:6.2f}× jieba alone (limit {guard.limit:g}×)  {verdict}")
    return 0 if all(g.passed for g in results) else 1


if __name__ == "__main__":
    sys.exit(main())

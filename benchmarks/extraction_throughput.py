"""Extraction throughput: the full text pipeline against jieba alone on the same text.

The bundled corpus is read once and repeated ×20 (each copy its own document id). Two timings:
the project's jieba tokenizer (`ingest.segment.sentences.new_tokenizer`) tokenizing every document's view,
and `ingest.pipeline.extract_documents` (segment + extract + resolve + relate + targets) on the same
documents. Each includes building its own tokenizer once. Both are measured in CPU seconds of this
process (the ratio that is checked: the machine may be shared) and wall-clock seconds. The target is a
ratio of at most 1.5: extraction adds at most 50% over jieba alone.

A third, separate run (not part of the ratio) breaks the pipeline down by stage; it finds the data
files (jieba's part-of-speech tags, cues, metrics) already loaded by the timed run. The pipeline asks
jieba to cut only the stretches of text a stage looks into (`ingest.segment.sentences.JiebaTokens`): the
breakdown says how much of the text that was and how long the cutting took, inside `extract`.

Run from the repository root: `.venv/bin/python -m benchmarks.extraction_throughput [--repeat N] [--corpus DIR]`
"""

from __future__ import annotations

import argparse
import dataclasses
import gc
import sys
import time
from collections.abc import Callable
from pathlib import Path

from benchmarks.clock import Clock
from benchmarks.stages import text_stages
from ingest.extract.mentions import Extractor
from ingest.extract.tagger import SpanTagger
from ingest.lexicon.gazetteer import Gazetteer, default_gazetteer
from ingest.pipeline import extract_documents
from ingest.read.document import read_corpus
from ingest.segment.sentences import JiebaTokens, Segmenter, new_tokenizer
from jig.core.records import Document

ROOT = Path(__file__).resolve().parent.parent

TARGET_RATIO = 1.5


def repeated(documents: list[Document], times: int) -> list[Document]:
    """`times` copies of the documents, each copy with its own document ids."""
    return [dataclasses.replace(d, id=f"{d.id}.r{n:02d}") for n in range(times) for d in documents]


def jieba_alone(documents: list[Document], gazetteer: Gazetteer) -> int:
    """Tokenize every document's view with the project's tokenizer; return the number of tokens."""
    tokenizer = new_tokenizer(gazetteer)
    return sum(1 for d in documents for _ in tokenizer.tokenize(d.view))


def full_extraction(documents: list[Document], gazetteer: Gazetteer) -> int:
    """Run the text stages on the documents; return the number of mentions found."""
    return len(extract_documents(documents, gazetteer).mentions)


@dataclasses.dataclass(frozen=True)
class Timing:
    """One timed run: wall-clock and CPU seconds of this process, and what the run counted."""

    wall_s: float
    cpu_s: float
    count: int


def timed(run: Callable[[list[Document], Gazetteer], int], documents: list[Document], gazetteer: Gazetteer) -> Timing:
    """Time one run."""
    wall, cpu = time.perf_counter(), time.process_time()
    count = run(documents, gazetteer)
    return Timing(time.perf_counter() - wall, time.process_time() - cpu, count)


class _CountingSegmenter(Segmenter):
    """A segmenter that adds up the CPU time and characters of the jieba cuts its sentences ask for."""

    def __init__(self, gazetteer: Gazetteer) -> None:
        super().__init__(gazetteer)
        self.cut_s = 0.0
        self.cut_chars = 0

    def tokens(self, view: str) -> JiebaTokens:
        return JiebaTokens(view, self._cut)

    def _cut(self, block: str) -> list[str]:
        started = time.process_time()
        words = list(self.tokenizer.cut(block))
        self.cut_s += time.process_time() - started
        self.cut_chars += len(block)
        return words


def breakdown(documents: list[Document], gazetteer: Gazetteer) -> list[tuple[str, float]]:
    """CPU seconds of each stage of the pipeline, run stage by stage, and of the jieba cuts in them
    (timing each cut adds a little). The garbage collector is paused, as `extract_documents` does."""
    gc.disable()
    try:
        return _stages(documents, gazetteer)
    finally:
        gc.enable()


def _stages(documents: list[Document], gazetteer: Gazetteer) -> list[tuple[str, float]]:
    clock = Clock()
    segmenter = clock.time("build tokenizer", lambda: _CountingSegmenter(gazetteer))
    cuts: dict[str, float] = {}
    clock.observe = lambda name: cuts.setdefault(name, segmenter.cut_s)
    extractor = clock.time("build extractor", lambda: Extractor(gazetteer, SpanTagger.load()))
    extraction = text_stages(documents, gazetteer, clock, segmenter, extractor)
    stages = [(step.name, step.cpu_s) for step in clock.steps]
    stages.append(("  of which jieba cuts", cuts["extract"]))
    characters = sum(len(s.view) for s in extraction.sentences)
    stages.append((f"jieba cuts, all stages ({segmenter.cut_chars / characters:.0%} of the text)", segmenter.cut_s))
    return stages


def main(argv: list[str] | None = None) -> int:
    """Time both, print the figures and the ratio; exit status 1 when the ratio exceeds the target."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=20, help="copies of the corpus (default 20)")
    parser.add_argument("--corpus", type=Path, default=ROOT / "data" / "corpus", help="corpus directory")
    args = parser.parse_args(argv)

    gazetteer = default_gazetteer()
    documents = repeated(read_corpus(args.corpus), args.repeat)
    characters = sum(len(d.text) for d in documents)
    new_tokenizer(gazetteer)  # warm jieba's dictionary cache so that neither timing pays for creating it

    jieba = timed(jieba_alone, documents, gazetteer)
    full = timed(full_extraction, documents, gazetteer)
    ratio = full.cpu_s / jieba.cpu_s
    print(f"corpus: {len(documents)} documents ({args.repeat} × {len(documents) // args.repeat}), "
          f"{characters:,} characters")
    print(f"jieba alone:     {jieba.cpu_s:7.2f} s CPU {jieba.wall_s:7.2f} s wall  "
          f"({characters / jieba.cpu_s:,.0f} chars/CPU s, {jieba.count:,} tokens)")
    print(f"full extraction: {full.cpu_s:7.2f} s CPU {full.wall_s:7.2f} s wall  "
          f"({characters / full.cpu_s:,.0f} chars/CPU s, {full.count:,} mentions)")
    print(f"ratio full/jieba: {ratio:.2f} CPU, {full.wall_s / jieba.wall_s:.2f} wall (target ≤ {TARGET_RATIO})")
    print("breakdown (a separate run, CPU s):")
    for name, seconds in breakdown(documents, gazetteer):
        print(f"  {name:<40} {seconds:6.2f}")
    return 0 if ratio <= TARGET_RATIO else 1


if __name__ == "__main__":
    sys.exit(main())

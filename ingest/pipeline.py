"""The text stages in order, on documents already read: segment → extract → resolve → relate → targets → instruments.

Two stages: `analyse_document` segments one document and finds its mentions (what depends on that
document alone, so its result can be cached or computed in another process); `combine_analyses`
resolves, relates, finds targets and codes policy instruments over all of them (what depends on the
whole corpus).
`extract_documents` runs both. Nothing here writes a file or opens a database; `ingest.build` adds
reading a corpus, the per-document cache, assembling the graph and loading the stores.
"""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass

from ingest.extract.mentions import Extractor
from ingest.instruments.coding import code_instruments
from ingest.lexicon.gazetteer import Gazetteer, default_gazetteer
from ingest.relate.relations import relate
from ingest.resolve.entities import resolve
from ingest.segment.sentences import Segmenter
from ingest.targets.goals import extract_targets
from jig.core.records import Document, Extraction, Mention, Sentence

#: Called as progress(stage, done, total) while the pipeline runs.
Progress = Callable[[str, int, int], None]


def quiet(stage: str, done: int, total: int) -> None:
    """A progress callback that reports nothing."""


@dataclass(frozen=True)
class DocumentAnalysis:
    """What the per-document stage found in one document: its sentences and its mentions, in order."""

    document: Document
    sentences: tuple[Sentence, ...]
    mentions: tuple[Mention, ...]


def segment_document(document: Document, gazetteer: Gazetteer | None = None) -> tuple[Sentence, ...]:
    """The sentences of a document (their jieba tokens are cut when first asked about)."""
    return tuple(Segmenter.shared(gazetteer or default_gazetteer()).run(document))


def analyse_document(
    document: Document, gazetteer: Gazetteer | None = None, *, learned: bool = True,
) -> DocumentAnalysis:
    """Segment one document and find its mentions; `learned` False leaves the learned span tagger out."""
    gazetteer = gazetteer or default_gazetteer()
    sentences = segment_document(document, gazetteer)
    mentions = Extractor.shared(gazetteer, learned=learned).run(sentences)
    return DocumentAnalysis(document, sentences, tuple(mentions))


def with_sentences(
    document: Document, mentions: tuple[Mention, ...], gazetteer: Gazetteer | None = None,
) -> DocumentAnalysis:
    """The analysis of a document whose mentions were found elsewhere (the cache, a worker process).

    A sentence's jieba tokens hold the tokenizer, which does not pickle, so only the mentions travel;
    the sentences are cut again here: a regular expression (their tokens are cut when first asked about).
    """
    return DocumentAnalysis(document, segment_document(document, gazetteer), mentions)


def warm_up(gazetteer: Gazetteer | None = None, *, learned: bool = True) -> None:
    """Build this process's segmenter (jieba's dictionary) and extractor (the tagger model), about a second."""
    gazetteer = gazetteer or default_gazetteer()
    Segmenter.shared(gazetteer)
    Extractor.shared(gazetteer, learned=learned)


def combine_analyses(
    analyses: Sequence[DocumentAnalysis], gazetteer: Gazetteer | None = None, progress: Progress = quiet,
) -> Extraction:
    """Resolve, relate, find targets and code instruments over the analyses of a corpus's documents, in order."""
    gazetteer = gazetteer or default_gazetteer()
    documents = [a.document for a in analyses]
    sentences = [s for a in analyses for s in a.sentences]
    mentions = [m for a in analyses for m in a.mentions]
    resolution = resolve(mentions, gazetteer)
    progress("relate", 0, 1)
    edges = relate(sentences, resolution, gazetteer)
    by_id = {d.id: d for d in documents}
    targets = extract_targets(sentences, by_id)
    instruments = code_instruments(sentences, resolution, targets, by_id)
    progress("relate", 1, 1)
    return Extraction(documents, sentences, mentions, resolution, edges, targets, instruments)


@contextmanager
def gc_paused() -> Iterator[None]:
    """Pause Python's cyclic garbage collector, and set it back as it was afterwards.

    The stages make hundreds of thousands of small records that live to the end of the run; the
    collector would walk them again and again (about a fifth of the run's time).
    """
    collecting = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if collecting:
            gc.enable()


def extract_documents(
    documents: Sequence[Document], gazetteer: Gazetteer | None = None, progress: Progress = quiet,
    *, learned: bool = True,
) -> Extraction:
    """Run segment, extract, resolve, relate, targets and instruments over documents already read (collector paused).

    `learned` False leaves the learned span tagger out: the rules and the gazetteer alone (the ablation).
    """
    gazetteer = gazetteer or default_gazetteer()
    with gc_paused():
        analyses = []
        for done, document in enumerate(documents, start=1):
            analyses.append(analyse_document(document, gazetteer, learned=learned))
            progress("extract", done, len(documents))
        return combine_analyses(analyses, gazetteer, progress)

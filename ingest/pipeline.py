"""The text stages in order: segment → extract → resolve → relate → targets, on documents already read.

`extract_documents` writes nothing and opens no database; `ingest.build` adds reading a corpus,
assembling the graph and loading the stores.
"""

from __future__ import annotations

import gc
import logging
from collections.abc import Callable, Sequence

from ingest.extract.mentions import Extractor
from ingest.lexicon.gazetteer import Gazetteer, default_gazetteer
from ingest.relate.relations import relate
from ingest.resolve.entities import resolve
from ingest.segment.sentences import Segmenter
from ingest.targets.goals import extract_targets
from jig.core.records import Document, Extraction, Mention, Sentence

log = logging.getLogger(__name__)

#: Called as progress(stage, done, total) while the pipeline runs.
Progress = Callable[[str, int, int], None]



def quiet(stage: str, done: int, total: int) -> None:
    """A progress callback that reports nothing."""


def extract_documents(
    documents: Sequence[Document], gazetteer: Gazetteer | None = None, progress: Progress = quiet,
    *, learned: bool = True,
) -> Extraction:
    """Run segment, extract, resolve, relate and targets over documents already read.

    `learned` False leaves the learned span tagger out: the rules and the gazetteer alone (the ablation).

    The stages make hundreds of thousands of small records that live to the end of the run; Python's
    cyclic garbage collector would walk them again and again (about a fifth of the run's time), so it
    is paused while they run and set back as it was afterwards.
    """
    gazetteer = gazetteer or default_gazetteer()
    collecting = gc.isenabled()
    gc.disable()
    try:
        segmenter = Segmenter.shared(gazetteer)
        extractor = Extractor.shared(gazetteer, learned=learned)
        sentences: list[Sentence] = []
        mentions: list[Mention] = []
        for done, document in enumerate(documents, start=1):
            document_sentences = segmenter.run(document)
            sentences.extend(document_sentences)
            mentions.extend(extractor.run(document_sentences))
            progress("extract", done, len(documents))
        resolution = resolve(mentions, gazetteer)
        progress("relate", 0, 1)
        edges = relate(sentences, resolution, gazetteer)
        targets = extract_targets(sentences, {d.id: d for d in documents})
        progress("relate", 1, 1)
    finally:
        if collecting:
            gc.enable()
    return Extraction(list(documents), sentences, mentions, resolution, edges, targets)

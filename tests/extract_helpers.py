"""Helpers for the extraction and resolution tests: text → sentences → mentions with the real stages."""

from __future__ import annotations

from functools import cache

from ingest.extract.mentions import Extractor
from ingest.lexicon.gazetteer import default_gazetteer
from ingest.segment.sentences import Segmenter
from jig.core.records import Document, Mention, Sentence
from jig.core.text import simplified_view


@cache
def stages() -> tuple[Segmenter, Extractor]:
    """One segmenter and one extractor over the project gazetteer, shared by the tests."""
    gazetteer = default_gazetteer()
    return Segmenter(gazetteer), Extractor(gazetteer)


def sentences(text: str, doc_id: str = "t") -> list[Sentence]:
    """The sentences of a one-off document holding `text`."""
    document = Document(id=doc_id, file=f"{doc_id}.txt", path=f"{doc_id}.txt", text=text,
                        view=simplified_view(text))
    return stages()[0].run(document)


def mentions(*texts: str) -> list[Mention]:
    """Mentions of one or more documents (one per text), extracted in a single run."""
    return stages()[1].run([s for i, text in enumerate(texts) for s in sentences(text, f"d{i}")])


def found(text: str) -> set[tuple[str, str, str]]:
    """(normalised name, label, kind) of every mention in `text`."""
    return {(m.normalized, m.label.value, m.kind) for m in mentions(text)}

"""A learned span tagger: a character CRF (crfsuite) that proposes entity spans and their labels.

It runs beside the rules of `ingest.extract.mentions`: it sees the same evidence they use (gazetteer,
name forms, jieba tokens, cues; `ingest.extract.features`) and learns from the gold sets where names start
and end. Tags are BIO over the characters of a sentence's `view` (B-Institution, I-Institution, …, O);
only the entity labels of the ontology are tagged. The model is `model/tagger.crfsuite`, built by
`python -m evaluation.train_tagger` (`make model`); nothing is downloaded.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import NamedTuple

import pycrfsuite

from ingest.extract.features import FeatureExtractor
from ingest.lexicon.gazetteer import default_gazetteer
from jig.core.errors import DataFileError
from jig.core.records import Sentence
from jig.core.schema import ENTITY_LABELS, Label

MODEL_PATH = Path(__file__).resolve().parent / "model" / "tagger.crfsuite"
OUTSIDE = "O"
#: Every tag the model may use.
TAGS: frozenset[str] = frozenset({OUTSIDE} | {f"{p}-{label}" for label in ENTITY_LABELS for p in "BI"})
_REBUILD = "rebuild it with `make model`"
#: A crfsuite model starts with this magic and then its own size (little-endian uint32).
_MAGIC = b"lCRF"


class Extent(NamedTuple):
    """A labelled span of a sentence's view, ``[start, end)``."""

    start: int
    end: int
    label: Label


@dataclass(frozen=True)
class TaggedSpan:
    """A span the tagger proposes: sentence-local offsets into the view, its label, and the least
    marginal probability of its tags (an upper bound on the probability of the span as a whole)."""

    start: int
    end: int
    label: Label
    probability: float


def encode(length: int, extents: Iterable[Extent]) -> list[str]:
    """BIO tags of a sentence of `length` characters holding non-overlapping `extents`."""
    tags = [OUTSIDE] * length
    for start, end, label in extents:
        tags[start] = f"B-{label}"
        tags[start + 1:end] = [f"I-{label}"] * (end - start - 1)
    return tags


def decode(tags: Sequence[str]) -> list[Extent]:
    """The spans of a BIO tag sequence; an I- tag that does not continue a span of its label starts one."""
    spans: list[Extent] = []
    start, label = 0, None
    for i, tag in enumerate([*tags, OUTSIDE]):
        prefix, _, name = tag.partition("-")
        if label is not None and (prefix != "I" or name != label):
            spans.append(Extent(start, i, Label(label)))
            label = None
        if prefix in ("B", "I") and label is None:
            start, label = i, name
    return spans


class SpanTagger:
    """Proposes entity spans in sentences. Load once (`SpanTagger.load`); not safe to share across threads."""

    def __init__(self, model: pycrfsuite.Tagger, features: FeatureExtractor) -> None:
        self._model = model
        self._features = features

    @classmethod
    def load(cls, path: Path = MODEL_PATH, features: FeatureExtractor | None = None) -> SpanTagger:
        """The tagger of a model file, with `features` (default: those of the project's gazetteer and cues).

        Raises DataFileError naming the file when it is missing, not a complete crfsuite model, or a
        model with tags other than the BIO tags of the entity labels.
        """
        try:
            data = Path(path).read_bytes()
        except OSError as exc:
            raise DataFileError(path, f"tagger model cannot be read ({exc.strerror}); {_REBUILD}") from None
        if data[:4] != _MAGIC or int.from_bytes(data[4:8], "little") != len(data):
            raise DataFileError(path, f"not a complete crfsuite model; {_REBUILD}")
        model = pycrfsuite.Tagger()
        try:
            model.open(str(path))
        except (OSError, ValueError) as exc:
            raise DataFileError(path, f"tagger model unreadable ({exc}); {_REBUILD}") from None
        unknown = sorted(set(model.labels()) - TAGS)
        if unknown:
            raise DataFileError(path, f"tagger model has unknown tags; {_REBUILD}", text=", ".join(unknown))
        return cls(model, features or FeatureExtractor(default_gazetteer()))

    def propose(self, sentence: Sentence, windows: Sequence[tuple[int, int]] | None = None) -> list[TaggedSpan]:
        """The spans the model finds in `sentence`, in order, with their probabilities; with `windows`
        (sentence-local ``[start, end)`` stretches, e.g. clauses) only those are tagged."""
        model = self._model
        found = []
        for start, end in windows if windows is not None else [(0, len(sentence.view))]:
            if start >= end:
                continue
            tags = model.tag(self._features.features(sentence, start, end))
            found.extend(
                TaggedSpan(start + first, start + last, label,
                           min(model.marginal(tags[i], i) for i in range(first, last)))
                for first, last, label in decode(tags)
            )
        return found

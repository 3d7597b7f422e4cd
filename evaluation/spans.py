"""Gold entities as spans: the training and scoring data of the span tagger (`ingest.extract.tagger`).

A gold item lists unique entities with their surface forms (`also`), not spans. `project` finds every
occurrence of every normalised surface form in the item's view and keeps the longest non-overlapping
ones: the outermost names (nested names stay the rules' job). Each item is read as the evaluator reads
it (`evaluation.run`), split into sentences by the project's segmenter, and each sentence gets its
sentence-local spans. `span_scores` compares the tagger's spans with them, exactly (start, end, label).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from evaluation.gold import GoldEntity, GoldItem, load_gold, normalize_name
from evaluation.report import score_table
from evaluation.run import _document
from evaluation.scoring import Score
from ingest.extract.tagger import MODEL_PATH, Extent, SpanTagger, encode
from ingest.lexicon.gazetteer import default_gazetteer
from ingest.segment.sentences import Segmenter
from jig.core.paths import CORPUS_DIR, GOLD_DIR
from jig.core.records import Sentence
from jig.core.schema import ENTITY_LABELS, Label

DEV_DIR = GOLD_DIR / "real" / "dev"


@dataclass(frozen=True)
class GoldSentence:
    """A sentence of a gold item and the outermost gold names in it (sentence-local)."""

    item_id: str
    sentence: Sentence
    spans: tuple[Extent, ...]

    @property
    def tags(self) -> list[str]:
        """The BIO tags of the sentence's characters."""
        return encode(len(self.sentence.view), self.spans)


def project(view: str, entities: Sequence[GoldEntity]) -> list[Extent]:
    """Every occurrence in `view` of a normalised surface form of `entities`, longest first without
    overlaps (ties: the earlier start, then the entity listed first), in text order.

    Forms are compared as `normalize_name` compares them: characters it drops (blanks, quotation
    marks) are skipped in the view, so a span may hold them inside (“双十”工程 → 双十”工程).
    """
    kept = [i for i, char in enumerate(view) if _normal(char)]
    squeezed = "".join(_normal(view[i]) for i in kept)
    found: list[tuple[int, int, int, Label]] = []
    for order, entity in enumerate(entities):
        for key in sorted(entity.keys):
            at = squeezed.find(key) if key else -1
            while at >= 0:
                start, end = kept[at], kept[at + len(key) - 1] + 1
                found.append((start - end, start, order, entity.label))
                at = squeezed.find(key, at + 1)
    taken = [False] * len(view)
    chosen = []
    for negative_length, start, _, label in sorted(found):
        end = start - negative_length
        if not any(taken[start:end]):
            taken[start:end] = [True] * (end - start)
            chosen.append(Extent(start, end, label))
    return sorted(chosen)


@cache
def _normal(char: str) -> str:
    """The one character `normalize_name` makes of `char`, '' when it drops it, `char` when it would
    make several (the view keeps its length)."""
    normal = normalize_name(char)
    return normal if len(normal) <= 1 else char


def item_sentences(item: GoldItem, gold_dir: Path, corpus_dir: Path = CORPUS_DIR) -> list[GoldSentence]:
    """The sentences of a gold item, each with its projected spans; a span across sentences is dropped."""
    document = _document(item, gold_dir, corpus_dir)
    spans = project(document.view, item.entities)
    return [
        GoldSentence(item.id, sentence, tuple(
            Extent(s.start - sentence.start, s.end - sentence.start, s.label)
            for s in spans if sentence.start <= s.start and s.end <= sentence.end
        ))
        for sentence in Segmenter.shared(default_gazetteer()).run(document)
    ]


def gold_sentences(gold_dir: Path, corpus_dir: Path = CORPUS_DIR) -> list[GoldSentence]:
    """The sentences of every item of a gold folder, items sorted by id."""
    items = sorted(load_gold(gold_dir), key=lambda item: item.id)
    return [s for item in items for s in item_sentences(item, gold_dir, corpus_dir)]


def span_scores(sentences: Sequence[GoldSentence], tagger: SpanTagger) -> dict[Label, Score]:
    """Span-level counts per label of the tagger's proposals against the gold spans (exact match)."""
    scores = {label: Score() for label in ENTITY_LABELS}
    for gold in sentences:
        expected = set(gold.spans)
        for span in tagger.propose(gold.sentence):
            scores[span.label] += Score(tp=int(Extent(span.start, span.end, span.label) in expected), predicted=1)
        for span in expected:
            scores[span.label] += Score(gold=1)
    return scores


def span_report(gold_dir: Path = DEV_DIR, model: Path = MODEL_PATH) -> str:
    """The tagger's span precision, recall and F1 per label on a gold folder, as a table.

    `.venv/bin/python -c "from evaluation.spans import span_report; print(span_report())"`
    """
    scores = span_scores(gold_sentences(gold_dir), SpanTagger.load(model))
    rows = {str(label): score for label, score in scores.items()}
    return "\n".join(score_table(f"spans ({gold_dir.name})", rows, sum(scores.values(), Score())))

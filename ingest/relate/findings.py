"""What the relation rules work with: entity occurrences (arguments), findings, run-in topics, and
how findings merge into edges and co-mentions."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from itertools import combinations

from jig.core.records import Edge, Evidence, Sentence
from jig.core.schema import Label, RelType


@dataclass(frozen=True)
class Arg:
    """An entity mention inside a sentence, with the label and kind of its resolved entity."""

    entity_id: str
    label: Label
    kind: str
    start: int
    end: int
    outer: bool


@dataclass(frozen=True)
class Found:
    """One sentence-level finding of a relation, before duplicates are merged."""

    source: str
    type: RelType
    target: str
    strength: float
    evidence: tuple[Evidence, ...]
    cues: tuple[str, ...] = ()


@dataclass(frozen=True)
class Topic:
    """The industries named by a run-in heading and the heading sentence itself."""

    industries: tuple[Arg, ...]
    heading: Sentence


def evidence_of(sentence: Sentence) -> Evidence:
    """The verbatim evidence record of a sentence."""
    return Evidence(sentence.id, sentence.doc_id, sentence.start, sentence.end, sentence.text)


def co_mention(sentence: Sentence, args: list[Arg], pairs: dict[tuple[str, str], list[Evidence]]) -> None:
    """Add the sentence to the evidence of every pair of distinct entities it names (weight: one per sentence)."""
    ids = sorted({a.entity_id for a in args})
    if len(ids) > 1:
        evidence = evidence_of(sentence)
        for pair in combinations(ids, 2):
            pairs[pair].append(evidence)


def merge(found: Iterable[Found]) -> list[Edge]:
    """One edge per (source, type, target): evidence in first-seen order, weight summed per sentence."""
    groups: dict[tuple[str, RelType, str], list[Found]] = defaultdict(list)
    for item in found:
        groups[(item.source, item.type, item.target)].append(item)
    edges = []
    for (source, relation, target), items in groups.items():
        per_sentence: dict[str, float] = {}
        for item in items:
            primary = item.evidence[0].sentence_id
            per_sentence[primary] = max(per_sentence.get(primary, 0.0), item.strength)
        evidence = {e.sentence_id: e for item in items for e in item.evidence}
        cues = dict.fromkeys(c for item in items for c in item.cues)
        edges.append(Edge(source, relation, target, round(sum(per_sentence.values()), 4),
                          tuple(evidence.values()), tuple(cues)))
    return edges


def as_found(edges: Iterable[Edge]) -> Iterator[Found]:
    """Merged edges back as findings, so derived findings can merge with them (weights kept)."""
    for edge in edges:
        yield Found(edge.source, edge.type, edge.target, edge.weight, edge.evidence, edge.cues)


def with_outer(arg: Arg, args: list[Arg]) -> Arg:
    outer = not any(nested_in(arg, other) for other in args)
    return arg if outer else Arg(arg.entity_id, arg.label, arg.kind, arg.start, arg.end, False)


def nested_in(inner: Arg, outer: Arg) -> bool:
    return outer.start <= inner.start and inner.end <= outer.end and (inner.start, inner.end) != (outer.start, outer.end)


def overlap(one: Arg, two: Arg) -> bool:
    return one.start < two.end and two.start < one.end

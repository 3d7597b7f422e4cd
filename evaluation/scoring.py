"""Scoring predictions against a gold item: one-to-one entity matching, relation matching, summaries."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from evaluation.gold import EVALUATED_RELATIONS, GoldEntity, GoldItem, expected_relations, normalize_name, relation_key
from jig.core.schema import ENTITY_LABELS, Label, RelType

# --- scoring -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Score:
    """Counts of one comparison: true positives, predictions, gold annotations."""

    tp: int = 0
    predicted: int = 0
    gold: int = 0

    @property
    def precision(self) -> float:
        """tp / predicted (0 when nothing was predicted)."""
        return self.tp / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        """tp / gold (0 when there is no gold annotation)."""
        return self.tp / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        """Harmonic mean of precision and recall."""
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def __add__(self, other: Score) -> Score:
        return Score(self.tp + other.tp, self.predicted + other.predicted, self.gold + other.gold)


@dataclass(frozen=True)
class PredictedEntity:
    """An entity the pipeline found in an item: its id, label and every name it goes by there."""

    id: str
    label: Label
    names: tuple[str, ...]

    @property
    def keys(self) -> frozenset[str]:
        """The normalised names."""
        return frozenset(normalize_name(n) for n in self.names)


@dataclass(frozen=True)
class PredictedRelation:
    """A typed relation the pipeline found in an item, between predicted entity ids."""

    type: RelType
    source: str
    target: str


@dataclass(frozen=True)
class ItemScore:
    """The scores of one gold item, with what was missed and what was predicted wrongly."""

    id: str
    unseen: bool
    entities: dict[Label, Score]
    relations: dict[RelType, Score]
    missed_entities: tuple[str, ...] = ()
    spurious_entities: tuple[str, ...] = ()
    missed_relations: tuple[str, ...] = ()
    spurious_relations: tuple[str, ...] = ()


def match_entities(predicted: Sequence[PredictedEntity], gold: Sequence[GoldEntity]) -> dict[int, int]:
    """A one-to-one matching of predicted to gold entities (indices), as large as possible.

    A pair may match when the labels agree and a predicted name equals a gold name or alternative
    (normalised). Pairs whose first predicted name equals the gold canonical name are tried first.
    """
    gold_keys = [g.keys for g in gold]
    candidates: list[list[int]] = []
    for p in predicted:
        keys = p.keys
        options = [j for j, g in enumerate(gold) if g.label == p.label and keys & gold_keys[j]]
        first = normalize_name(p.names[0]) if p.names else ""
        options.sort(key=lambda j: normalize_name(gold[j].name) != first)
        candidates.append(options)
    owner: dict[int, int] = {}  # gold index -> predicted index

    def augment(i: int, visited: set[int]) -> bool:
        for j in candidates[i]:
            if j in visited:
                continue
            visited.add(j)
            if j not in owner or augment(owner[j], visited):
                owner[j] = i
                return True
        return False

    for i in range(len(predicted)):
        augment(i, set())
    return {i: j for j, i in owner.items()}


def score_item(
    item: GoldItem, predicted: Sequence[PredictedEntity], relations: Iterable[PredictedRelation]
) -> ItemScore:
    """Score what the pipeline found in one item against its gold annotations."""
    matching = match_entities(predicted, item.entities)
    entity_scores: dict[Label, Score] = {}
    for label in {e.label for e in item.entities} | {p.label for p in predicted}:
        entity_scores[label] = Score(
            tp=sum(1 for i in matching if predicted[i].label == label),
            predicted=sum(1 for p in predicted if p.label == label),
            gold=sum(1 for g in item.entities if g.label == label),
        )
    gold_name = {predicted[i].id: item.entities[j].name for i, j in matching.items()}
    shown = {p.id: p.names[0] if p.names else p.id for p in predicted}

    gold_rel = {relation_key(r.type, r.source, r.target) for r in expected_relations(item)}
    pred_rel = {
        relation_key(r.type, gold_name.get(r.source, f"#{r.source}"), gold_name.get(r.target, f"#{r.target}"))
        for r in relations
        if r.type in EVALUATED_RELATIONS
    }
    relation_scores = {
        t: Score(
            tp=sum(1 for r in pred_rel & gold_rel if r[0] == t),
            predicted=sum(1 for r in pred_rel if r[0] == t),
            gold=sum(1 for r in gold_rel if r[0] == t),
        )
        for t in {r[0] for r in gold_rel | pred_rel}
    }
    matched_gold = set(matching.values())

    def rel_text(r: tuple[RelType, str, str]) -> str:
        return f"{r[0]} {_shown(r[1], shown)} → {_shown(r[2], shown)}"

    return ItemScore(
        id=item.id,
        unseen=item.unseen,
        entities=entity_scores,
        relations=relation_scores,
        missed_entities=tuple(f"{g.label} {g.name}" for j, g in enumerate(item.entities) if j not in matched_gold),
        spurious_entities=tuple(f"{p.label} {shown[p.id]}" for i, p in enumerate(predicted) if i not in matching),
        missed_relations=tuple(sorted(rel_text(r) for r in gold_rel - pred_rel)),
        spurious_relations=tuple(sorted(rel_text(r) for r in pred_rel - gold_rel)),
    )


def _shown(name: str, shown: dict[str, str]) -> str:
    """A gold name as is; an unmatched predicted entity ("#id") as [its name]."""
    return f"[{shown.get(name[1:], name[1:])}]" if name.startswith("#") else name


# --- the report ----------------------------------------------------------------------------------


@dataclass(frozen=True, repr=False)
class EvaluationReport:
    """Extraction quality over the gold set.

    `entities`/`relations` are per label / per relation type; `entity_overall`/`relation_overall`
    are micro-averaged over all items; `unseen` is the entity score over the passages marked
    unseen (its recall is the unseen-institution recall); `items` are the per-item scores.
    """

    entities: dict[str, Score]
    entity_overall: Score
    relations: dict[str, Score]
    relation_overall: Score
    unseen: Score
    items: tuple[ItemScore, ...] = field(default_factory=tuple)
    gold_set: str = "the gold set"

    @property
    def unseen_recall(self) -> float:
        """Entity recall on the passages marked unseen."""
        return self.unseen.recall

    def __repr__(self) -> str:
        e, r = self.entity_overall, self.relation_overall
        return (f"EvaluationReport(items={len(self.items)}, entities P={e.precision:.3f} R={e.recall:.3f}, "
                f"relations F1={r.f1:.3f}, unseen recall={self.unseen_recall:.3f})")


def summarize(items: Sequence[ItemScore]) -> EvaluationReport:
    """Add up per-item scores into per-label, per-type, overall and unseen-passage figures."""
    entities: dict[str, Score] = defaultdict(Score)
    relations: dict[str, Score] = defaultdict(Score)
    unseen = Score()
    for item in items:
        for label, score in item.entities.items():
            entities[str(label)] += score
            if item.unseen:
                unseen += score
        for type_, score in item.relations.items():
            relations[str(type_)] += score
    ordered_entities = {str(x): entities[str(x)] for x in ENTITY_LABELS if str(x) in entities}
    ordered_relations = {str(t): relations[str(t)] for t in EVALUATED_RELATIONS if str(t) in relations}
    return EvaluationReport(
        entities=ordered_entities,
        entity_overall=sum(ordered_entities.values(), Score()),
        relations=ordered_relations,
        relation_overall=sum(ordered_relations.values(), Score()),
        unseen=unseen,
        items=tuple(items),
    )

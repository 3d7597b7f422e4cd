"""Extraction quality against the hand-annotated dev gold set in `tests/gold/`.

The gold set (annotation guidelines in `tests/gold/README.md`) has bundled corpus documents annotated
in full (`documents.yaml`) and short passages with inline text (`passages.yaml`), some marked
`unseen` because they name institutions the gazetteer does not hold. `evaluate` runs the real
pipeline (`ingest.pipeline.extract_documents`) on those inputs and scores, per item, the unique
entities it mentions and the typed relations whose evidence lies in it: precision, recall and F1 per
label and per relation type, overall (micro-averaged), and the entity recall on the unseen passages.

ANCHORS is scored as the ontology defines it: stated by the text, or derived (an institution that is
not a government body hosts, leads or is supported by something that focuses on an industry). The
expected ANCHORS of an item are its annotated ones plus that derivation applied to its annotated
HOSTED_BY, LEADS, SUPPORTS and FOCUSES_ON relations (`expected_relations`).
"""

from __future__ import annotations

import logging
import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from functools import cache
from pathlib import Path

from opencc import OpenCC

from ingest.datafile import line_of, load_yaml, top_level
from ingest.errors import DataFileError
from ingest.model import Document
from ingest.relate import anchoring_party, can_anchor
from ontology.schema import ENTITY_LABELS, KINDS, RELATIONS, Label, RelType

log = logging.getLogger(__name__)

_ROOT = Path(__file__).resolve().parent.parent
GOLD_DIR = _ROOT / "tests" / "gold"
CORPUS_DIR = _ROOT / "data" / "corpus"
DOCUMENTS_FILE = "documents.yaml"
PASSAGES_FILE = "passages.yaml"

#: The typed relation types the gold set annotates (CO_MENTIONED and the structural types are not).
EVALUATED_RELATIONS: tuple[RelType, ...] = (
    RelType.HOSTED_BY,
    RelType.LEADS,
    RelType.MEMBER_OF,
    RelType.SUPPORTS,
    RelType.FOCUSES_ON,
    RelType.LOCATED_IN,
    RelType.PART_OF,
    RelType.COOPERATES_WITH,
    RelType.ANCHORS,
)
_SYMMETRIC = frozenset({RelType.COOPERATES_WITH})
SCRIPTS = ("simplified", "traditional")

#: The targets of the "Extraction quality" issue, printed under the report.
TARGETS = "targets: entities P ≥ 0.90 and R ≥ 0.90, unseen-passage recall ≥ 0.85, relation F1 ≥ 0.75"

_IGNORED_IN_NAMES = re.compile(r"[\s“”‘’「」『』\"'\u3000]")


# --- names -------------------------------------------------------------------------------------


def normalize_name(name: str) -> str:
    """The comparison key of a name: simplified script, half-width forms, no blanks or quotation marks."""
    simplified = _t2s().convert(name)
    return _IGNORED_IN_NAMES.sub("", unicodedata.normalize("NFKC", simplified))


@cache
def _t2s() -> OpenCC:
    return OpenCC("t2s")


# --- the gold set --------------------------------------------------------------------------------


@dataclass(frozen=True)
class GoldEntity:
    """An annotated entity: label, canonical name, accepted alternative surface forms and, where the
    annotation says, its kind (government bodies are marked `Government`: they anchor no industry)."""

    label: Label
    name: str
    also: tuple[str, ...] = ()
    kind: str | None = None

    @property
    def keys(self) -> frozenset[str]:
        """The normalised forms a predicted name may take to match this entity."""
        return frozenset(normalize_name(n) for n in (self.name, *self.also))


@dataclass(frozen=True)
class GoldRelation:
    """An annotated relation between two annotated entities, named by their canonical names."""

    type: RelType
    source: str
    target: str


@dataclass(frozen=True)
class GoldItem:
    """A gold document or passage: where its text comes from and what it should yield.

    `file` is set for corpus documents (a file name in the corpus directory), `text` for passages;
    `script` (passages) says whether the text is written in simplified or traditional script.
    """

    id: str
    entities: tuple[GoldEntity, ...]
    relations: tuple[GoldRelation, ...]
    unseen: bool = False
    file: str | None = None
    text: str | None = None
    script: str | None = None


def load_gold(gold_dir: Path = GOLD_DIR) -> list[GoldItem]:
    """Read and check `documents.yaml` and `passages.yaml` of a gold directory.

    Raises DataFileError naming the file and line of any malformed entry: a missing or unknown key,
    an unknown label or relation type, a relation whose endpoints are not annotated entities of the
    labels its type allows, a duplicate entity, item or relation.
    """
    items: list[GoldItem] = []
    found = False
    for name, kind in ((DOCUMENTS_FILE, "documents"), (PASSAGES_FILE, "passages")):
        path = gold_dir / name
        if path.exists():
            found = True
            items.extend(_read_items(path, kind))
    if not found:
        raise DataFileError(gold_dir, f"no gold files: expected {DOCUMENTS_FILE} and/or {PASSAGES_FILE}")
    seen: set[str] = set()
    for item in items:
        if item.id in seen:
            raise DataFileError(gold_dir, "two gold items have the same id", text=item.id)
        seen.add(item.id)
    return items


def _read_items(path: Path, kind: str) -> list[GoldItem]:
    return [_item(path, kind, record) for record in top_level(path, load_yaml(path, "gold file"), kind)]


def _item(path: Path, kind: str, record: object) -> GoldItem:
    required, optional = (("file", "entities"), ("relations",)) if kind == "documents" else (
        ("id", "text", "entities"), ("relations", "unseen", "script"))
    record = _mapping(path, record, required, optional, what="a gold item")
    line = line_of(record)
    entities = tuple(_entity(path, e) for e in _list(path, record, "entities"))
    by_name: dict[str, GoldEntity] = {}
    keys: dict[tuple[Label, str], str] = {}
    for raw, entity in zip(record["entities"], entities, strict=True):
        if entity.name in by_name:
            raise DataFileError(path, "entity annotated twice in one item", line=line_of(raw), text=entity.name)
        for key in entity.keys:
            other = keys.setdefault((entity.label, key), entity.name)
            if other != entity.name:
                raise DataFileError(path, f"name form shared with {other!r}", line=line_of(raw), text=key)
        by_name[entity.name] = entity
    relations: dict[tuple[RelType, str, str], GoldRelation] = {}
    for raw in _list(path, record, "relations"):
        relation = _relation(path, raw, by_name)
        key = relation_key(relation.type, relation.source, relation.target)
        if key in relations:
            raise DataFileError(path, "relation annotated twice in one item", line=line_of(raw), text=" ".join(key))
        relations[key] = relation
    unseen = record.get("unseen", False)
    if not isinstance(unseen, bool):
        raise DataFileError(path, "'unseen' must be true or false", line=line, text=str(unseen))
    script = record.get("script")
    if script not in (None, *SCRIPTS):
        raise DataFileError(path, f"'script' must be one of {', '.join(SCRIPTS)}", line=line, text=str(script))
    found = (entities, tuple(relations.values()), unseen)
    if kind == "documents":
        file = _text(path, record, "file")
        return GoldItem(Path(file).stem, *found, file=file)
    return GoldItem(_text(path, record, "id"), *found, text=_text(path, record, "text"), script=script)


def relation_key(type_: RelType, source: str, target: str) -> tuple[RelType, str, str]:
    """The comparison key of a relation: COOPERATES_WITH is symmetric, the others are directed."""
    return (type_, *sorted((source, target))) if type_ in _SYMMETRIC else (type_, source, target)


def _entity(path: Path, record: object) -> GoldEntity:
    record = _mapping(path, record, ("label", "name"), ("also", "kind"), what="an entity")
    label = _text(path, record, "label")
    if label not in {str(x) for x in ENTITY_LABELS}:
        raise DataFileError(path, "unknown entity label", line=line_of(record), text=label)
    also = record.get("also") or []
    if not isinstance(also, list) or not all(isinstance(a, str) and a.strip() for a in also):
        raise DataFileError(path, "'also' must be a list of names", line=line_of(record), text=str(also))
    kind = record.get("kind")
    if kind is not None and kind not in KINDS[Label(label)]:
        raise DataFileError(path, f"unknown kind for {label}", line=line_of(record), text=str(kind))
    return GoldEntity(Label(label), _text(path, record, "name"), tuple(also), kind)


def _relation(path: Path, record: object, entities: dict[str, GoldEntity]) -> GoldRelation:
    record = _mapping(path, record, ("type", "source", "target"), (), what="a relation")
    line = line_of(record)
    type_ = _text(path, record, "type")
    if type_ not in {str(t) for t in EVALUATED_RELATIONS}:
        raise DataFileError(path, f"unknown relation type; annotated types: {', '.join(EVALUATED_RELATIONS)}",
                            line=line, text=type_)
    rel_type = RelType(type_)
    ends = []
    for end in ("source", "target"):
        name = _text(path, record, end)
        if name not in entities:
            raise DataFileError(path, f"relation {end} is not an entity annotated in this item", line=line, text=name)
        ends.append(entities[name])
    if (ends[0].label, ends[1].label) not in RELATIONS[rel_type].pairs():
        raise DataFileError(path, f"{rel_type} does not allow {ends[0].label} → {ends[1].label}", line=line,
                            text=f"{ends[0].name} → {ends[1].name}")
    return GoldRelation(rel_type, ends[0].name, ends[1].name)


def _mapping(path: Path, record: object, required: Sequence[str], optional: Sequence[str], *, what: str) -> dict:
    if not isinstance(record, dict):
        raise DataFileError(path, f"{what} must be a mapping", text=str(record))
    line = line_of(record)
    missing = [k for k in required if record.get(k) in (None, "")]
    if missing:
        raise DataFileError(path, f"{what} lacks {', '.join(missing)}", line=line)
    unknown = sorted(set(record) - set(required) - set(optional))
    if unknown:
        raise DataFileError(path, f"{what} has unknown keys; allowed: {', '.join((*required, *optional))}",
                            line=line, text=", ".join(map(str, unknown)))
    return record


def _list(path: Path, record: dict, key: str) -> list:
    value = record.get(key) or []
    if not isinstance(value, list):
        raise DataFileError(path, f"'{key}' must be a list", line=line_of(record))
    return value


def _text(path: Path, record: dict, key: str) -> str:
    value = record[key]
    if not isinstance(value, str) or not value.strip():
        raise DataFileError(path, f"'{key}' must be a non-empty string", line=line_of(record), text=str(value))
    return value.strip()


def expected_relations(item: GoldItem) -> tuple[GoldRelation, ...]:
    """The relations an item should yield: the annotated ones, then the ANCHORS derived from them.

    An institution that is not a government body anchors an industry when it hosts (HOSTED_BY), leads
    (LEADS) or is supported by (SUPPORTS) a platform, alliance or programme that focuses on that
    industry (FOCUSES_ON): the rule of `ingest.relate` (`anchoring_party`, `can_anchor`).
    """

    entities = {e.name: e for e in item.entities}
    focus: dict[str, list[str]] = defaultdict(list)
    for relation in item.relations:
        if relation.type is RelType.FOCUSES_ON and entities[relation.target].label is Label.INDUSTRY:
            focus[relation.source].append(relation.target)
    found = {relation_key(r.type, r.source, r.target): r for r in item.relations}
    for relation in item.relations:
        party = anchoring_party(relation.type, relation.source, relation.target)
        if party is None or not can_anchor(entities[party[0]].label, entities[party[0]].kind):
            continue
        institution, thing = party
        for industry in focus.get(thing, ()):
            found.setdefault(relation_key(RelType.ANCHORS, institution, industry),
                             GoldRelation(RelType.ANCHORS, institution, industry))
    return tuple(found.values())


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


def evaluate(gold_dir: Path = GOLD_DIR, corpus_dir: Path = CORPUS_DIR) -> EvaluationReport:
    """Run the pipeline on the gold inputs and score it.

    Corpus documents are read with `ingest.read.read_document` from `corpus_dir`; passages become
    documents with their inline text. All of them go through `ingest.pipeline.extract_documents`
    together. Raises DataFileError for a malformed gold file or a document it names that is missing.
    """
    from ingest.pipeline import extract_documents

    items = load_gold(gold_dir)
    documents = [_document(item, gold_dir, corpus_dir) for item in items]
    log.info("evaluating on %d gold items", len(items))
    extraction = extract_documents(documents)
    entities = {e.id: e for e in extraction.resolution.entities}
    surfaces: dict[str, dict[str, dict[str, None]]] = defaultdict(lambda: defaultdict(dict))
    for resolved in extraction.resolution.mentions:
        surfaces[resolved.mention.doc_id][resolved.entity_id][resolved.mention.surface] = None
    relations: dict[str, set[PredictedRelation]] = defaultdict(set)
    for edge in extraction.edges:
        for doc_id in edge.docs:
            relations[doc_id].add(PredictedRelation(edge.type, edge.source, edge.target))
    scores = []
    for item, document in zip(items, documents, strict=True):
        predicted = [
            PredictedEntity(entity_id, entities[entity_id].label,
                            (entities[entity_id].name, *entities[entity_id].aliases, *forms))
            for entity_id, forms in surfaces[document.id].items()
        ]
        scores.append(score_item(item, predicted, relations[document.id]))
    return replace(summarize(scores), gold_set=_display_path(gold_dir))


def _display_path(path: Path) -> str:
    """`path` relative to the working directory when it lies below it (tests/gold), else as given."""
    try:
        return str(path.resolve().relative_to(Path.cwd()))
    except ValueError:
        return str(path)


def _document(item: GoldItem, gold_dir: Path, corpus_dir: Path) -> Document:
    from ingest.read import read_document
    from ingest.text import simplified_view

    if item.file is not None:
        path = corpus_dir / item.file
        if not path.is_file():
            raise DataFileError(gold_dir / DOCUMENTS_FILE, f"gold document not found in {corpus_dir}", text=item.file)
        return read_document(path)
    text = item.text or ""
    return Document(id=item.id, file=f"{item.id}.txt", path=str(gold_dir / PASSAGES_FILE), text=text,
                    view=simplified_view(text))


def format_report(report: EvaluationReport, details: bool = False) -> str:
    """The report as plain-text tables; with `details`, also what each item missed or got wrong."""
    items = report.items
    unseen_items = sum(1 for i in items if i.unseen)
    lines = [f"Extraction quality on {report.gold_set} ({len(items)} items, {unseen_items} unseen-institution passages)",
             ""]
    lines += _table("entities", report.entities, report.entity_overall)
    lines.append("")
    lines += _table("relations", report.relations, report.relation_overall)
    lines += ["", f"unseen-passage entity recall: {report.unseen_recall:.3f} "
                  f"({report.unseen.tp}/{report.unseen.gold})", TARGETS]
    if details:
        lines += ["", "[name]: a predicted entity that matches no gold entity of the item"]
        for item in items:
            for title, values in (("missed entities", item.missed_entities),
                                  ("spurious entities", item.spurious_entities),
                                  ("missed relations", item.missed_relations),
                                  ("spurious relations", item.spurious_relations)):
                if values:
                    lines += ["", f"{item.id}: {title}", *(f"  {v}" for v in values)]
    return "\n".join(lines)


def _table(title: str, rows: dict[str, Score], overall: Score) -> list[str]:
    header = f"{title:<16}{'pred':>6}{'gold':>6}{'tp':>6}{'P':>8}{'R':>8}{'F1':>8}"
    body = [
        f"{name:<16}{s.predicted:>6}{s.gold:>6}{s.tp:>6}{s.precision:>8.3f}{s.recall:>8.3f}{s.f1:>8.3f}"
        for name, s in [*rows.items(), ("overall", overall)]
    ]
    return [header, "-" * len(header), *body[:-1], "-" * len(header), body[-1]]

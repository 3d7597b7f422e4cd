"""The gold sets: their files, loaders and checks, name normalisation and the expected relations.

A gold folder (guidelines in `tests/gold/README.md`) holds bundled corpus documents annotated in full
(`documents.yaml`) and passages with inline text (`passages.yaml`). ANCHORS is expected as the
ontology defines it: annotated, or derived from the annotated HOSTED_BY, LEADS, SUPPORTS and
FOCUSES_ON relations (`expected_relations`).
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from opencc import OpenCC

from ingest.relate.anchors import anchoring_party, can_anchor
from jig.core.datafile import line_of, load_yaml, top_level
from jig.core.errors import DataFileError
from jig.core.paths import GOLD_DIR
from jig.core.schema import ENTITY_LABELS, KINDS, RELATIONS, Label, RelType

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
#: Where a passage of a real public text comes from (optional keys of a passage).
PROVENANCE = ("genre", "source", "date", "note")
GENRES = ("news", "notice", "plan", "university", "institute", "company")

#: The targets of the "Extraction quality" issue, printed under the report.
TARGETS = "targets on held-out text: entities P ≥ 0.90 and R ≥ 0.85, relation F1 ≥ 0.60 (aim 0.95 / 0.95 / 0.80)"

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
    `script` (passages) says whether the text is written in simplified or traditional script. Passages
    excerpted from real public texts also record where they come from: `genre` (news, notice, plan,
    university, institute, company), `source` (the page address), `date` (the text's own date, ISO,
    possibly only YYYY-MM or YYYY) and a free `note`.
    """

    id: str
    entities: tuple[GoldEntity, ...]
    relations: tuple[GoldRelation, ...]
    unseen: bool = False
    file: str | None = None
    text: str | None = None
    script: str | None = None
    genre: str | None = None
    source: str | None = None
    date: str | None = None
    note: str | None = None


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
        ("id", "text", "entities"), ("relations", "unseen", "script", *PROVENANCE))
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
    provenance = {key: _text(path, record, key) for key in PROVENANCE if key in record}
    if provenance.get("genre", GENRES[0]) not in GENRES:
        raise DataFileError(path, f"'genre' must be one of {', '.join(GENRES)}", line=line, text=provenance["genre"])
    return GoldItem(_text(path, record, "id"), *found, text=_text(path, record, "text"), script=script, **provenance)


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
    industry (FOCUSES_ON): the rule of `ingest.relate.relations` (`anchoring_party`, `can_anchor`).
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

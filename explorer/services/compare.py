"""Documents compared: what is new in a document against the earlier ones, and two documents side by side.

Every figure comes from the library queries (`new_in_document`, `document_entities`, `document_instruments`),
so the explorer and `python -m queries run` always agree. Documents are ordered as on the Documents page:
by year, then date (undated documents first), then id; "earlier" means before in that order.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from explorer.services.models import DocumentInfo
from explorer.services.trends import TargetPoint
from jig.core.schema import ENTITY_LABELS, INSTRUMENT_SIDES
from queries.catalog import run_named

if TYPE_CHECKING:
    from queries.store import GraphStore

ROW_CAP = 50_000
_LABEL_ORDER = {label.value: index for index, label in enumerate(ENTITY_LABELS)}
_KIND_ORDER = {kind: index for index, kind in enumerate(INSTRUMENT_SIDES)}


@dataclass(frozen=True)
class Named:
    """An entity, target metric or instrument type found in a document, with the number of its sentences naming it.

    For an entity `id` is its id and `label` its node label; for a metric both `id` and `name` are the metric
    (label "Target"); for an instrument `id` is its type (label "Instrument").
    """

    id: str
    label: str
    kind: str
    name: str
    name_en: str
    sentences: int

    def display(self, lang: str) -> str:
        """The name to show in `lang`; the Chinese one when there is no English name."""
        return self.name_en if lang == "en" and self.name_en else self.name


@dataclass(frozen=True)
class Novelty:
    """What a document brings that no earlier document has: entities, target metrics, instrument types."""

    document: str
    earlier: int
    entities: tuple[Named, ...]
    metrics: tuple[Named, ...]
    instruments: tuple[Named, ...]


@dataclass(frozen=True)
class Profile:
    """One document for a side-by-side view: its metadata, entities, targets and instrument mix."""

    document: DocumentInfo
    entities: tuple[Named, ...]
    targets: tuple[TargetPoint, ...]
    instruments: tuple[Named, ...]

    def label_counts(self) -> dict[str, int]:
        """How many distinct entities of each label the document mentions (ontology order, none left out)."""
        counts = Counter(e.label for e in self.entities)
        return {label.value: counts[label.value] for label in ENTITY_LABELS}


@dataclass(frozen=True)
class Comparison:
    """Two documents side by side and the entities they share or hold alone."""

    a: Profile
    b: Profile
    shared: tuple[Named, ...]
    only_a: tuple[Named, ...]
    only_b: tuple[Named, ...]

    def sentences(self, entity_id: str) -> tuple[int, int]:
        """The sentences naming an entity in A and in B (0 where it is absent)."""
        return _sentences(self.a.entities, entity_id), _sentences(self.b.entities, entity_id)

    def instrument_kinds(self) -> tuple[str, ...]:
        """The instrument types of either document, in the schema's order."""
        kinds = {i.id for i in (*self.a.instruments, *self.b.instruments)}
        return tuple(k for k in INSTRUMENT_SIDES if k in kinds)


def earlier_documents(documents: Sequence[DocumentInfo], document_id: str) -> list[DocumentInfo]:
    """The documents before `document_id` in document order (year, date, id); [] for the first or an unknown id."""
    ordered = sorted(documents, key=_order)
    ids = [d.id for d in ordered]
    return ordered[:ids.index(document_id)] if document_id in ids else []


def whats_new(store: GraphStore, documents: Sequence[DocumentInfo], document_id: str) -> Novelty:
    """The entities, target metrics and instrument types of a document that no earlier document has."""
    rows = run_named(store, "new_in_document", {"document": document_id}, row_cap=ROW_CAP).rows
    found: dict[str, list[Named]] = {"entity": [], "metric": [], "instrument": []}
    for row in rows:
        found[row["category"]].append(_named(row))
    return Novelty(
        document=document_id,
        earlier=len(earlier_documents(documents, document_id)),
        entities=_sorted_entities(found["entity"]),
        metrics=tuple(sorted(found["metric"], key=lambda m: (-m.sentences, m.id))),
        instruments=_sorted_instruments(found["instrument"]),
    )


def profile(store: GraphStore, document: DocumentInfo, targets: Sequence[TargetPoint]) -> Profile:
    """A document's entities, targets (taken from `targets`, every target of the graph) and instrument mix."""
    entities = run_named(store, "document_entities", {"document": document.id}, row_cap=ROW_CAP).rows
    instruments = run_named(store, "document_instruments", {"document": document.id}, row_cap=ROW_CAP).rows
    return Profile(
        document=document,
        entities=_sorted_entities(_named(r) for r in entities),
        targets=tuple(t for t in targets if t.document == document.id),
        instruments=_sorted_instruments(
            Named(r["instrument"], "Instrument", r["instrument"], r["instrument"], r["instrument"], int(r["sentences"]))
            for r in instruments
        ),
    )


def compare(a: Profile, b: Profile) -> Comparison:
    """The entities both documents mention (as A names them), and those only one of them mentions."""
    in_a = {e.id for e in a.entities}
    in_b = {e.id for e in b.entities}
    return Comparison(
        a=a,
        b=b,
        shared=tuple(e for e in a.entities if e.id in in_b),
        only_a=tuple(e for e in a.entities if e.id not in in_b),
        only_b=tuple(e for e in b.entities if e.id not in in_a),
    )


def _order(document: DocumentInfo) -> tuple[int, str, str]:
    return (document.year or 0, document.date, document.id)


def _named(row: dict) -> Named:
    return Named(row["id"], row["label"], row.get("kind") or "", row.get("name") or row["id"],
                 row.get("name_en") or "", int(row["sentences"]))


def _sorted_entities(entities) -> tuple[Named, ...]:
    """By label (ontology order), then most sentences, then id."""
    return tuple(sorted(entities, key=lambda e: (_LABEL_ORDER.get(e.label, len(_LABEL_ORDER)), -e.sentences, e.id)))


def _sorted_instruments(instruments) -> tuple[Named, ...]:
    """In the schema's order of instrument types."""
    return tuple(sorted(instruments, key=lambda i: _KIND_ORDER.get(i.id, len(_KIND_ORDER))))


def _sentences(entities: Sequence[Named], entity_id: str) -> int:
    return next((e.sentences for e in entities if e.id == entity_id), 0)


def grouped(entities: Sequence[Named]) -> dict[str, list[Named]]:
    """Entities by node label, in the order they come (the services give them in ontology order)."""
    groups: dict[str, list[Named]] = {}
    for entity in entities:
        groups.setdefault(entity.label, []).append(entity)
    return groups

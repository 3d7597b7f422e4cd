"""Assemble the stages' records into the KnowledgeGraph: lexical layer, entities, edges, targets, instruments.

Adds what no single stage knows: per-entity statistics (mentions, documents, first and last year),
the curated industry taxonomy (SUBINDUSTRY_OF), the network measures of `roles` (centrality, and
PageRank, betweenness and community in the institution–platform–industry network), and a check that
every piece of evidence is an exact substring of its document.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import replace
from typing import TYPE_CHECKING

from ingest.assemble.roles import NetworkRole, centrality, network_roles
from ingest.lexicon.gazetteer import Gazetteer
from jig.core.errors import EvidenceError
from jig.core.graph import KnowledgeGraph, Node, Relationship, check_endpoints
from jig.core.records import Document, Edge, Entity, Evidence, Instrument, Sentence, Target
from jig.core.schema import Label, RelType

if TYPE_CHECKING:
    from jig.core.records import Extraction


def assemble(extraction: Extraction, gazetteer: Gazetteer) -> KnowledgeGraph:
    """Build the graph payload from an extraction; raises EvidenceError if evidence is not verbatim."""
    documents = {d.id: d for d in extraction.documents}
    check_evidence(documents, _all_evidence(extraction.edges, extraction.targets, extraction.instruments))
    entities = _with_statistics(extraction, documents, gazetteer)
    graph = KnowledgeGraph()
    graph.nodes.extend(_document_node(d) for d in extraction.documents)
    graph.nodes.extend(_sentence_node(s) for s in extraction.sentences)
    graph.relationships.extend(
        Relationship(s.id, Label.SENTENCE, RelType.IN_DOCUMENT, s.doc_id, Label.DOCUMENT) for s in extraction.sentences
    )
    labels = {e.id: e.label for e in entities}
    graph.relationships.extend(_mention_edges(extraction, labels))
    graph.relationships.extend(_edge(e, labels) for e in extraction.edges)
    graph.relationships.extend(_taxonomy_edges(entities, gazetteer))
    for target in extraction.targets:
        graph.nodes.append(_target_node(target))
        graph.relationships.append(Relationship(target.doc_id, Label.DOCUMENT, RelType.SETS_TARGET, target.id, Label.TARGET))
        graph.relationships.append(
            Relationship(target.evidence.sentence_id, Label.SENTENCE, RelType.MENTIONS, target.id, Label.TARGET,
                         {"start": target.evidence.start, "end": target.evidence.end, "surface": target.evidence.text})
        )
    for instrument in extraction.instruments:
        graph.nodes.append(_instrument_node(instrument))
        graph.relationships.extend(_instrument_edges(instrument, labels))
    ranks = centrality(entities, extraction.edges)
    roles = network_roles(entities, extraction.edges)
    graph.nodes.extend(_entity_node(e, ranks.get(e.id, 0.0), roles.get(e.id)) for e in entities)
    problems = check_endpoints(graph)
    if problems:
        raise EvidenceError("the assembled graph is inconsistent: " + "; ".join(problems[:5]))
    return graph.sorted()


def check_evidence(documents: Mapping[str, Document], evidence: Iterable[Evidence]) -> None:
    """Raise EvidenceError unless every evidence text is exactly its document's text at its offsets."""
    for item in evidence:
        document = documents.get(item.doc_id)
        if document is None or document.text[item.start:item.end] != item.text:
            raise EvidenceError(
                f"evidence of sentence {item.sentence_id} is not verbatim in document {item.doc_id}: {item.text[:40]!r}"
            )


def _all_evidence(edges: Iterable[Edge], targets: Iterable[Target],
                  instruments: Iterable[Instrument]) -> Iterable[Evidence]:
    for edge in edges:
        yield from edge.evidence
    for target in targets:
        yield target.evidence
    for instrument in instruments:
        yield instrument.evidence


def _with_statistics(extraction: Extraction, documents: Mapping[str, Document], gazetteer: Gazetteer) -> list[Entity]:
    sentences_of: dict[str, set[str]] = defaultdict(set)
    docs_of: dict[str, dict[str, None]] = defaultdict(dict)
    for resolved in extraction.resolution.mentions:
        sentences_of[resolved.entity_id].add(resolved.mention.sentence_id)
        docs_of[resolved.entity_id][resolved.mention.doc_id] = None
    entities = list(extraction.resolution.entities)
    present = {e.id for e in entities}
    entities.extend(_taxonomy_entity(entry_id, gazetteer) for entry_id in _taxonomy_closure(present, gazetteer))
    result = []
    for entity in entities:
        docs = tuple(sorted(docs_of.get(entity.id, ())))
        years = [documents[d].year for d in docs if documents[d].year is not None]
        result.append(
            replace(
                entity,
                mentions=len(sentences_of.get(entity.id, ())),
                docs=docs,
                first_year=min(years) if years else None,
                last_year=max(years) if years else None,
            )
        )
    return result


def _taxonomy_closure(present: set[str], gazetteer: Gazetteer) -> list[str]:
    """Ids of all curated industries not yet among the entities: the taxonomy is always whole."""
    return [e.id for e in gazetteer.with_label(Label.INDUSTRY) if e.id not in present]


def _taxonomy_entity(entry_id: str, gazetteer: Gazetteer) -> Entity:
    entry = gazetteer.get(entry_id)
    return Entity(id=entry.id, label=entry.label, kind=entry.kind, name=entry.name, name_en=entry.name_en,
                  aliases=entry.aliases, source="gazetteer")


def _taxonomy_edges(entities: Iterable[Entity], gazetteer: Gazetteer) -> Iterable[Relationship]:
    for entity in entities:
        if entity.label == Label.INDUSTRY and entity.id in gazetteer and gazetteer.get(entity.id).parent:
            yield Relationship(entity.id, Label.INDUSTRY, RelType.SUBINDUSTRY_OF, gazetteer.get(entity.id).parent,
                               Label.INDUSTRY)


def _mention_edges(extraction: Extraction, labels: Mapping[str, Label]) -> Iterable[Relationship]:
    seen = set()
    for resolved in extraction.resolution.mentions:
        m = resolved.mention
        key = (m.sentence_id, resolved.entity_id, m.start)
        if key not in seen:
            seen.add(key)
            yield Relationship(m.sentence_id, Label.SENTENCE, RelType.MENTIONS, resolved.entity_id,
                               labels[resolved.entity_id], {"start": m.start, "end": m.end, "surface": m.surface})


def _edge(edge: Edge, labels: Mapping[str, Label]) -> Relationship:
    return Relationship(
        edge.source,
        labels[edge.source],
        edge.type,
        edge.target,
        labels[edge.target],
        {
            "weight": round(edge.weight, 4),
            "docs": list(edge.docs),
            "evidence": list(dict.fromkeys(e.sentence_id for e in edge.evidence)),
            "cues": list(edge.cues),
        },
    )


def _entity_node(entity: Entity, rank: float, role: NetworkRole | None) -> Node:
    return Node(
        entity.id,
        entity.label,
        {
            "id": entity.id,
            "name": entity.name,
            "name_en": entity.name_en,
            "aliases": sorted(set(entity.aliases) - {entity.name}),
            "kind": entity.kind,
            "mentions": entity.mentions,
            "first_year": entity.first_year,
            "last_year": entity.last_year,
            "docs": list(entity.docs),
            "centrality": rank,
            "pagerank": role.pagerank if role else None,
            "betweenness": role.betweenness if role else None,
            "community": role.community if role else None,
            "source": entity.source,
        },
    )


def _document_node(document: Document) -> Node:
    return Node(
        document.id,
        Label.DOCUMENT,
        {
            "id": document.id,
            "file": document.file,
            "title": document.title,
            "issuer": document.issuer,
            "date": document.date,
            "year": document.year,
            "doc_number": document.doc_number,
            "text": document.text,
        },
    )


def _sentence_node(sentence: Sentence) -> Node:
    return Node(
        sentence.id,
        Label.SENTENCE,
        {
            "id": sentence.id,
            "document": sentence.doc_id,
            "index": sentence.index,
            "start": sentence.start,
            "end": sentence.end,
            "text": sentence.text,
        },
    )


def target_name(target: Target) -> str:
    """A short readable name for a target, e.g. ``R&D经费占GDP比重 2025: 2.5%``."""
    year = f" {target.year}" if target.year is not None else ""
    return f"{target.metric}{year}: {target.value:g}{target.unit}"


def _target_node(target: Target) -> Node:
    return Node(
        target.id,
        Label.TARGET,
        {
            "id": target.id,
            "name": target_name(target),
            "kind": target.kind,
            "metric": target.metric,
            "metric_en": target.metric_en,
            "value": target.value,
            "unit": target.unit,
            "comparator": target.comparator,
            "year": target.year,
            "document": target.doc_id,
            "sentence": target.evidence.sentence_id,
        },
    )


def _instrument_node(instrument: Instrument) -> Node:
    return Node(
        instrument.id,
        Label.INSTRUMENT,
        {
            "id": instrument.id,
            "kind": instrument.kind,
            "side": instrument.side,
            "cues": list(instrument.cues),
            "document": instrument.doc_id,
            "sentence": instrument.evidence.sentence_id,
            "year": instrument.year,
        },
    )


def _instrument_edges(instrument: Instrument, labels: Mapping[str, Label]) -> Iterable[Relationship]:
    """The coding's sentence CODED_AS it, and it APPLIES_TO each entity the sentence names."""
    yield Relationship(instrument.evidence.sentence_id, Label.SENTENCE, RelType.CODED_AS, instrument.id,
                       Label.INSTRUMENT)
    for entity_id in instrument.entities:
        yield Relationship(instrument.id, Label.INSTRUMENT, RelType.APPLIES_TO, entity_id, labels[entity_id])

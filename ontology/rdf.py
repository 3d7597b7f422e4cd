"""KnowledgeGraph → RDF (rdflib), following the ontology of `ontology.owl`.

Nodes: ``jigid:<node id>``, typed with their label class and their kind class, ``rdfs:label`` in
zh (name, title or sentence text) and en (``name_en`` or ``metric_en``), one triple per property
value (lists: one triple per element; ids of documents and sentences as IRIs).

Relationships: always the direct triple (``jigid:inst_faw jig:anchors jigid:ind_automotive``). A
relationship that carries properties, and every derived one, is also written as a statement node
``jigid:rel/<TYPE>/<source>/<target>`` (``/2``, ``/3`` … for repeats of the same triple):

    jigid:rel/ANCHORS/inst_faw/ind_automotive a rdf:Statement, jig:DerivedRelation ;
        rdf:subject jigid:inst_faw ; rdf:predicate jig:anchors ; rdf:object jigid:ind_automotive ;
        jig:weight 2.5 ; jig:docs jigid:003_cfe322f93ce14a7f ;
        jig:evidence jigid:003_cfe322f93ce14a7f.s0012 ; prov:wasDerivedFrom jigid:003_cfe322f93ce14a7f.s0012 .

Where a property or relation type has a standard super-property (`SUPER_PROPERTIES`), that triple is
written too (``dcterms:title``, ``prov:wasDerivedFrom``, ``skos:broader`` …).
"""

from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Iterator
from typing import Any
from urllib.parse import quote

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF, RDFS

from jig.core.graph import KnowledgeGraph, Node, Relationship
from jig.core.schema import KINDS, NODE_PROPERTIES, RELATIONS, PropType
from ontology.owl import (
    ID,
    PREFIXES,
    PROPERTY_TYPES,
    REFERENCE_PROPERTIES,
    SUPER_PROPERTIES,
    class_iri,
    kind_iri,
    property_iri,
    relation_class,
    relation_iri,
)

logger = logging.getLogger(__name__)

_ZH_LABEL_FROM = ("name", "title", "text")
_EN_LABEL_FROM = ("name_en", "metric_en")


def node_iri(node_id: str) -> URIRef:
    """The IRI of a node: ``https://w3id.org/jilin-innovation-graph/id/<node id>``."""
    return ID[quote(node_id, safe="")]


def statement_iri(rel: Relationship, ordinal: int = 1) -> URIRef:
    """The IRI of the statement node of a relationship (`ordinal` > 1 for repeats of one triple)."""
    parts = [rel.type.value, quote(rel.source, safe=""), quote(rel.target, safe="")]
    if ordinal > 1:
        parts.append(str(ordinal))
    return ID["rel/" + "/".join(parts)]


def typed_value(prop_type: PropType, value: Any) -> Any:
    """`value` as the Python type of `prop_type` when it converts cleanly, else unchanged.

    Unconvertible values are kept as they are, so that validation reports them instead of the
    export hiding them; list types return a list.
    """
    if prop_type == PropType.STRING_LIST:
        return list(value) if isinstance(value, list | tuple) else [value]
    if isinstance(value, bool):
        return value
    if prop_type == PropType.INT and isinstance(value, float) and value.is_integer():
        return int(value)
    if prop_type == PropType.DOUBLE and isinstance(value, int):
        return float(value)
    return value


def _objects(name: str, value: Any) -> Iterator[Literal | URIRef]:
    referenced = REFERENCE_PROPERTIES.get(name)
    values = typed_value(PROPERTY_TYPES[name], value)
    for item in values if isinstance(values, list) else [values]:
        if item is None:
            continue
        yield node_iri(str(item)) if referenced is not None else Literal(item)


def _add_properties(graph: Graph, subject: URIRef, allowed: tuple[str, ...], properties: dict[str, Any]) -> None:
    for name, value in properties.items():
        if name not in allowed:
            logger.debug("%s: property %r is not in the schema; not exported", subject, name)
            continue
        for obj in _objects(name, value):
            graph.add((subject, property_iri(name), obj))
            if name in SUPER_PROPERTIES:
                graph.add((subject, SUPER_PROPERTIES[name], obj))


def _add_node(graph: Graph, node: Node) -> None:
    subject = node_iri(node.id)
    props = node.properties
    graph.add((subject, RDF.type, class_iri(node.label)))
    kind = props.get("kind")
    if kind in KINDS[node.label]:
        graph.add((subject, RDF.type, kind_iri(node.label, kind)))
    zh = next((props[k] for k in _ZH_LABEL_FROM if props.get(k)), None)
    en = next((props[k] for k in _EN_LABEL_FROM if props.get(k)), None)
    if zh:
        graph.add((subject, RDFS.label, Literal(zh, lang="zh")))
    if en:
        graph.add((subject, RDFS.label, Literal(en, lang="en")))
    _add_properties(graph, subject, tuple(p.name for p in NODE_PROPERTIES[node.label]), props)


def _add_relationship(graph: Graph, rel: Relationship, ordinal: int) -> None:
    source, predicate, target = node_iri(rel.source), relation_iri(rel.type), node_iri(rel.target)
    graph.add((source, predicate, target))
    if rel.type in SUPER_PROPERTIES:
        graph.add((source, SUPER_PROPERTIES[rel.type], target))
    relation = RELATIONS[rel.type]
    if not rel.properties and not relation.derived:
        return
    statement = statement_iri(rel, ordinal)
    graph.add((statement, RDF.type, RDF.Statement))
    graph.add((statement, RDF.type, class_iri(relation_class(rel.type))))
    graph.add((statement, RDF.subject, source))
    graph.add((statement, RDF.predicate, predicate))
    graph.add((statement, RDF.object, target))
    _add_properties(graph, statement, tuple(p.name for p in relation.properties), rel.properties)


def to_rdf(graph: KnowledgeGraph) -> Graph:
    """The knowledge graph as an rdflib Graph (data only; the ontology is `owl.build_ontology()`)."""
    rdf = Graph()
    for prefix, namespace in PREFIXES.items():
        rdf.bind(prefix, namespace)
    for node in graph.nodes:
        _add_node(rdf, node)
    seen: Counter[tuple[str, str, str]] = Counter()
    for rel in graph.relationships:
        key = (rel.type.value, rel.source, rel.target)
        seen[key] += 1
        _add_relationship(rdf, rel, seen[key])
    logger.info("RDF graph: %d triples from %d nodes, %d relationships",
                len(rdf), len(graph.nodes), len(graph.relationships))
    return rdf


"""SHACL shapes the built graph must satisfy, generated from `jig.core.schema`.

One node shape per label (``jigsh:Institution``) with a named property shape per property
(``jigsh:Institution-name``): datatype (or, for id references, the class of the node pointed at),
at most one value for scalars, and these rules on top:

- every node has an ``id``; entities have a non-empty ``name``, a ``kind`` among the kinds of their
  label and ``mentions`` ≥ 0; targets have ``metric``, ``value``, ``unit``; sentences have ``text``
  and belong to a document; instrument codings have a type (``kind``), a ``side`` among `SIDES`, cues,
  their sentence and document;
- years (``year``, ``first_year``, ``last_year``) lie in `YEAR_RANGE` when present;
- every derived relation statement has at least one evidence sentence, a weight > 0 and docs;
- every statement names one subject, predicate and object; the ends of each relation type carry
  the labels the schema allows.
"""

from __future__ import annotations

import typing
from pathlib import Path

from rdflib import BNode, Graph, Literal, Namespace, URIRef
from rdflib.collection import Collection
from rdflib.namespace import RDF, SH

from jig.core.schema import ENTITY_LABELS, KINDS, NODE_PROPERTIES, RELATIONS, SIDES, Label, PropType, RelType
from ontology.owl import (
    BASE,
    PREFIXES,
    PROPERTY_TYPES,
    REFERENCE_PROPERTIES,
    XSD_TYPES,
    class_iri,
    generated_turtle,
    property_iri,
    relation_class,
    relation_iri,
)
from ontology.vocabulary import ModelClass

JIGSH = Namespace(BASE + "shapes#")
SHAPES_PATH = Path(__file__).with_name("shapes.ttl")
YEAR_RANGE = (1949, 2100)
EndName = typing.Literal["source", "target"]

Holder = Label | ModelClass

#: Properties that must be present (and, for strings, non-empty) per label or statement class.
REQUIRED: dict[Holder, frozenset[str]] = {
    **{label: frozenset({"id", "name", "kind", "mentions"}) for label in ENTITY_LABELS},
    Label.TARGET: frozenset({"id", "kind", "metric", "value", "unit"}),
    Label.INSTRUMENT: frozenset({"id", "kind", "side", "cues", "document", "sentence"}),
    Label.DOCUMENT: frozenset({"id"}),
    Label.SENTENCE: frozenset({"id", "text", "document"}),
    ModelClass.DERIVED_RELATION: frozenset({"weight", "docs", "evidence"}),
    ModelClass.RELATION: frozenset(),
}

_MIN_INCLUSIVE = {"mentions": 0, "index": 0, "start": 0, "end": 0}
_MIN_EXCLUSIVE = {"weight": 0}
_YEARS = ("year", "first_year", "last_year")
#: Properties whose values come from a closed list (besides ``kind``, whose list is per label).
_ALLOWED: dict[str, tuple[str, ...]] = {"side": SIDES}


def _local(iri: URIRef) -> str:
    return str(iri).rsplit("#", 1)[-1]


def _statement_properties() -> dict[ModelClass, list[str]]:
    found: dict[ModelClass, dict[str, None]] = {ModelClass.RELATION: {}, ModelClass.DERIVED_RELATION: {}}
    for rel_type, relation in RELATIONS.items():
        found[relation_class(rel_type)].update((p.name, None) for p in relation.properties)
    return {holder: list(names) for holder, names in found.items()}


def _holders() -> dict[Holder, list[str]]:
    holders: dict[Holder, list[str]] = {label: [p.name for p in props] for label, props in NODE_PROPERTIES.items()}
    holders.update(_statement_properties())
    return holders


def _property_shape(graph: Graph, holder: Holder, name: str) -> URIRef:
    shape = JIGSH[f"{holder.value}-{_local(property_iri(name))}"]
    prop_type = PROPERTY_TYPES[name]
    graph.add((shape, RDF.type, SH.PropertyShape))
    graph.add((shape, SH.path, property_iri(name)))
    referenced = REFERENCE_PROPERTIES.get(name)
    if referenced is None:
        graph.add((shape, SH.datatype, XSD_TYPES[prop_type]))
    else:
        graph.add((shape, SH.nodeKind, SH.IRI))
        graph.add((shape, SH["class"], class_iri(referenced)))
    if prop_type != PropType.STRING_LIST:
        graph.add((shape, SH.maxCount, Literal(1)))
    if name in REQUIRED[holder]:
        graph.add((shape, SH.minCount, Literal(1)))
        if prop_type == PropType.STRING:
            graph.add((shape, SH.minLength, Literal(1)))
    if name in _MIN_INCLUSIVE:
        graph.add((shape, SH.minInclusive, Literal(_MIN_INCLUSIVE[name])))
    if name in _MIN_EXCLUSIVE:
        graph.add((shape, SH.minExclusive, Literal(float(_MIN_EXCLUSIVE[name]))))
    if name in _YEARS:
        graph.add((shape, SH.minInclusive, Literal(YEAR_RANGE[0])))
        graph.add((shape, SH.maxInclusive, Literal(YEAR_RANGE[1])))
    values = KINDS[holder] if name == "kind" and isinstance(holder, Label) else _ALLOWED.get(name)
    if values:
        allowed = BNode()
        Collection(graph, allowed, [Literal(v) for v in values])
        graph.add((shape, SH["in"], allowed))
    return shape


def _add_node_shapes(graph: Graph) -> None:
    for holder, names in _holders().items():
        shape = JIGSH[holder.value]
        graph.add((shape, RDF.type, SH.NodeShape))
        graph.add((shape, SH.targetClass, class_iri(holder)))
        for name in names:
            graph.add((shape, SH.property, _property_shape(graph, holder, name)))


def _add_statement_shape(graph: Graph) -> None:
    shape = JIGSH.Statement
    graph.add((shape, RDF.type, SH.NodeShape))
    graph.add((shape, SH.targetClass, RDF.Statement))
    for path in (RDF.subject, RDF.predicate, RDF.object):
        prop = JIGSH[f"Statement-{_local(path)}"]
        graph.add((shape, SH.property, prop))
        graph.add((prop, RDF.type, SH.PropertyShape))
        graph.add((prop, SH.path, path))
        graph.add((prop, SH.nodeKind, SH.IRI))
        graph.add((prop, SH.minCount, Literal(1)))
        graph.add((prop, SH.maxCount, Literal(1)))


def _constrain_to(graph: Graph, shape: URIRef, labels: tuple[Label, ...]) -> None:
    if len(labels) == 1:
        graph.add((shape, SH["class"], class_iri(labels[0])))
        return
    options = []
    for label in labels:
        option = BNode()
        graph.add((option, SH["class"], class_iri(label)))
        options.append(option)
    members = BNode()
    Collection(graph, members, options)
    graph.add((shape, SH["or"], members))


def endpoint_shape(rel_type: RelType, end: EndName) -> URIRef:
    """The node shape checking the labels at one end of a relation type: ``jigsh:anchors-source``."""
    return JIGSH[f"{_local(relation_iri(rel_type))}-{end}"]


def _add_endpoint_shapes(graph: Graph) -> None:
    for rel_type, relation in RELATIONS.items():
        for end, target, labels in (("source", SH.targetSubjectsOf, relation.sources),
                                    ("target", SH.targetObjectsOf, relation.targets)):
            shape = endpoint_shape(rel_type, end)
            graph.add((shape, RDF.type, SH.NodeShape))
            graph.add((shape, target, relation_iri(rel_type)))
            _constrain_to(graph, shape, labels)


def build_shapes() -> Graph:
    """The SHACL shapes graph."""
    graph = Graph()
    for prefix, namespace in PREFIXES.items():
        graph.bind(prefix, namespace)
    graph.bind("sh", SH)
    graph.bind("jigsh", JIGSH)
    _add_node_shapes(graph)
    _add_statement_shape(graph)
    _add_endpoint_shapes(graph)
    return graph


def shapes_turtle() -> str:
    """The shapes serialised as Turtle (the content of `ontology/shapes.ttl`)."""
    return generated_turtle(build_shapes(), "ontology/shapes.py from jig/core/schema.py")


def write_shapes(path: Path = SHAPES_PATH) -> Path:
    """Write the shapes' Turtle to `path` (default: the committed `ontology/shapes.ttl`)."""
    path.write_text(shapes_turtle(), encoding="utf-8")
    return path


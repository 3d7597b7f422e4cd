"""Validate a built graph against the SHACL shapes and describe each violation in plain words.

The graph is converted with `ontology.rdf.to_rdf` and checked by pySHACL against the committed
`ontology/shapes.ttl`, without inference (the RDF export already writes every type a shape targets).
"""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import pyshacl
from rdflib import Graph, Literal, URIRef
from rdflib.collection import Collection
from rdflib.namespace import RDF, RDFS, SH
from rdflib.term import Node as RdfNode

from jig.core.errors import GraphNotBuiltError
from jig.core.graph import KnowledgeGraph, read_jsonl
from jig.core.schema import RELATIONS, Label, RelType
from ontology.owl import JIG, PROPERTY_TYPES, property_iri, relation_iri
from ontology.rdf import to_rdf
from ontology.shapes import SHAPES_PATH, endpoint_shape

logger = logging.getLogger(__name__)

DEFAULT_GRAPH = Path("data/build/graph.jsonl")


@dataclass(frozen=True)
class Violation:
    """One SHACL violation: what (the focus), where (the property), what is wrong, and the kind of
    SHACL constraint broken (``MinCount``, ``Datatype``, ``In`` …)."""

    focus: str
    path: str
    problem: str
    kind: str = ""

    def __str__(self) -> str:
        where = f" {self.path}" if self.path else ""
        return f"{self.focus}:{where} {self.problem}"


@dataclass(frozen=True)
class ValidationReport:
    """The outcome of validating a graph."""

    violations: list[Violation]
    triples: int
    seconds: float

    @property
    def conforms(self) -> bool:
        """True when there is no violation."""
        return not self.violations


def load_graph(path: Path = DEFAULT_GRAPH) -> KnowledgeGraph:
    """Read a built graph.jsonl; GraphNotBuiltError when there is none at `path`."""
    if not path.is_file():
        raise GraphNotBuiltError(f"no graph at {path}")
    return read_jsonl(path)


@cache
def _shapes() -> Graph:
    return Graph().parse(SHAPES_PATH, format="turtle")


def validate_graph(graph: KnowledgeGraph) -> ValidationReport:
    """Validate `graph` against the SHACL shapes; violations come sorted by focus and path."""
    started = time.perf_counter()
    data = to_rdf(graph)
    triples = len(data)
    _, results, _ = pyshacl.validate(data, shacl_graph=_shapes(), inference="none", advanced=False,
                                     meta_shacl=False, inplace=True, allow_warnings=False)
    describer = _Describer(data, _shapes())
    violations = _without_follow_ups([describer.violation(results, r)
                                      for r in results.subjects(RDF.type, SH.ValidationResult)])
    seconds = time.perf_counter() - started
    logger.info("validated %d triples in %.1f s: %d violations", triples, seconds, len(violations))
    return ValidationReport(violations, triples, seconds)


def _without_follow_ups(violations: list[Violation]) -> list[Violation]:
    """Sorted, dropping range complaints about a value already reported as of the wrong type."""
    mistyped = {(v.focus, v.path) for v in violations if v.kind == "Datatype"}
    kept = [v for v in violations if not (v.kind in _RANGES and (v.focus, v.path) in mistyped)]
    return sorted(kept, key=lambda v: (v.focus, v.path, v.problem))


_ENDPOINT_SHAPES = {endpoint_shape(t, end): (t, end) for t in RELATIONS for end in ("source", "target")}
_RANGES = ("MinInclusive", "MaxInclusive", "MinExclusive")
_PATH_NAMES: dict[RdfNode, str] = {
    **{property_iri(name): name for name in PROPERTY_TYPES},
    **{relation_iri(t): t.value for t in RelType},
    RDF.subject: "subject",
    RDF.predicate: "predicate",
    RDF.object: "object",
}


def _show(term: RdfNode | None) -> str:
    if term is None:
        return "nothing"
    if isinstance(term, Literal):
        return repr(term.toPython())
    return _local(term)


def _local(term: RdfNode) -> str:
    text = str(term)
    return text.rsplit("#", 1)[-1].rsplit("/id/", 1)[-1]


class _Describer:
    """Turns SHACL result nodes into plain-word `Violation`s, naming nodes by label, id and name."""

    def __init__(self, data: Graph, shapes: Graph) -> None:
        self.data = data
        self.shapes = shapes

    def focus(self, node: RdfNode) -> str:
        predicate = self.data.value(node, RDF.predicate)
        if predicate is not None:
            subject, obj = self.data.value(node, RDF.subject), self.data.value(node, RDF.object)
            return f"relation {_PATH_NAMES.get(predicate, _show(predicate))} {_show(subject)} → {_show(obj)}"
        types = {_local(c) for c in self.data.objects(node, RDF.type)}
        label = next((label.value for label in Label if label.value in types), "node")
        name = self.data.value(node, JIG.name) or self.data.value(node, RDFS.label)
        named = f" ({name})" if name else ""
        return f"{label} {_local(node)}{named}"

    def _param(self, shape: RdfNode, parameter: URIRef) -> RdfNode | None:
        return self.shapes.value(shape, parameter)

    def problem(self, component: str, shape: RdfNode, value: RdfNode | None, message: str) -> str:
        if shape in _ENDPOINT_SHAPES:
            rel_type, end = _ENDPOINT_SHAPES[shape]
            allowed = RELATIONS[rel_type].sources if end == "source" else RELATIONS[rel_type].targets
            return f"is the {end} of a {rel_type} relation but is not a {' or '.join(allowed)}"
        if component == "MinCount":
            return "is missing"
        if component == "MaxCount":
            return f"has more than {_show(self._param(shape, SH.maxCount))} value(s)"
        if component == "MinLength":
            return "is empty"
        if component == "In":
            allowed = Collection(self.shapes, self._param(shape, SH["in"]))
            return f"is {_show(value)}, not one of: {', '.join(str(a) for a in allowed)}"
        if component == "Datatype":
            return f"is {_show(value)}, not of type {_show(self._param(shape, SH.datatype))}"
        if component == "MinInclusive":
            return f"is {_show(value)}, below the minimum {_show(self._param(shape, SH.minInclusive))}"
        if component == "MaxInclusive":
            return f"is {_show(value)}, above the maximum {_show(self._param(shape, SH.maxInclusive))}"
        if component == "MinExclusive":
            return f"is {_show(value)}, must be greater than {_show(self._param(shape, SH.minExclusive))}"
        if component == "Class":
            return f"points to {_show(value)}, which is not a {_show(self._param(shape, SH['class']))} node"
        if component == "NodeKind":
            return f"is the value {_show(value)}, must point to a node"
        return message

    def violation(self, results: Graph, result: RdfNode) -> Violation:
        """The violation described by one sh:ValidationResult node of `results`."""
        path = results.value(result, SH.resultPath)
        component = _local(results.value(result, SH.sourceConstraintComponent)).removesuffix("ConstraintComponent")
        return Violation(
            focus=self.focus(results.value(result, SH.focusNode)),
            path=_PATH_NAMES.get(path, _show(path)) if path is not None else "",
            problem=self.problem(component, results.value(result, SH.sourceShape),
                                 results.value(result, SH.value), str(results.value(result, SH.resultMessage))),
            kind=component,
        )

"""Export a KnowledgeGraph as Turtle, JSON-LD, GraphML (Gephi) or neo4j-admin CSV.

- ``ttl`` / ``jsonld``: the RDF of `ontology.rdf.to_rdf` (data only; the ontology is `jilin.ttl`).
- ``graphml``: a networkx multigraph; node attributes ``label``, ``kind``, ``name``, ``name_en``,
  ``mentions``, ``centrality`` and the other scalar properties; edge attributes ``type``, ``weight``,
  ``evidence_count`` and the list properties joined with ``;`` (GraphML holds no lists).
- ``csv``: a directory in the layout of ``neo4j-admin database import full``: one nodes file per label
  (``nodes_<Label>.csv``, header ``id:ID(<Label>)`` … ``:LABEL``), one relationships file per relation
  type and endpoint-label pair (``rels_<TYPE>__<Source>__<Target>.csv``, header
  ``:START_ID(<Source>)``, ``:END_ID(<Target>)``, ``:TYPE`` …). Each label is its own ID space, so ids
  need only be unique within a label; a type with several endpoint labels gets one file per pair,
  as an ID space is fixed per column of a file. ``README.txt`` holds the import command.
"""

from __future__ import annotations

import csv
import logging
from collections import defaultdict
from enum import StrEnum
from pathlib import Path
from typing import Any

import networkx as nx

from jig.core.errors import JilinGraphError
from jig.core.graph import KnowledgeGraph, Relationship
from jig.core.schema import NODE_PROPERTIES, RELATIONS, Label, PropType, RelType
from ontology.owl import JIG, PREFIXES, PROPERTY_TYPES
from ontology.rdf import to_rdf, typed_value

logger = logging.getLogger(__name__)

ARRAY_DELIMITER = ";"

_NEO4J_TYPES: dict[PropType, str] = {
    PropType.STRING: "",
    PropType.INT: ":int",
    PropType.DOUBLE: ":double",
    PropType.STRING_LIST: ":string[]",
}


class ExportFormat(StrEnum):
    """The export formats."""

    TTL = "ttl"
    JSONLD = "jsonld"
    GRAPHML = "graphml"
    CSV = "csv"


class ExportError(JilinGraphError):
    """A graph value cannot be written in the chosen format."""


def export_graph(graph: KnowledgeGraph, fmt: ExportFormat, out: Path) -> list[Path]:
    """Write `graph` in `fmt` to `out` (a file; a directory for csv). Returns the files written."""
    if fmt == ExportFormat.CSV:
        return write_neo4j_csv(graph, out)
    out.parent.mkdir(parents=True, exist_ok=True)
    if fmt == ExportFormat.GRAPHML:
        nx.write_graphml(to_networkx(graph), out, infer_numeric_types=True)
    elif fmt == ExportFormat.JSONLD:
        out.write_text(to_rdf(graph).serialize(format="json-ld", context=jsonld_context(), indent=1),
                       encoding="utf-8")
    else:
        out.write_text(to_rdf(graph).serialize(format="turtle"), encoding="utf-8")
    return [out]


def jsonld_context() -> dict[str, str]:
    """The JSON-LD context: the prefixes of the RDF model, ``jig`` as the vocabulary."""
    return {"@vocab": str(JIG), **{prefix: str(ns) for prefix, ns in PREFIXES.items()}}


def _flat(name: str, value: Any) -> Any:
    """A property value GraphML can hold: scalars as they are, lists joined."""
    typed = typed_value(PROPERTY_TYPES[name], value)
    if isinstance(typed, list):
        return ARRAY_DELIMITER.join(str(v) for v in typed)
    return typed


def to_networkx(graph: KnowledgeGraph) -> nx.MultiDiGraph:
    """The graph as a networkx MultiDiGraph with GraphML-safe (scalar) attributes."""
    g = nx.MultiDiGraph()
    for node in graph.nodes:
        attrs = {"label": node.label.value}
        allowed = {p.name for p in NODE_PROPERTIES[node.label]}
        attrs.update({k: _flat(k, v) for k, v in node.properties.items() if k in allowed and v is not None})
        g.add_node(node.id, **attrs)
    for rel in graph.relationships:
        attrs = {"type": rel.type.value}
        allowed = {p.name for p in RELATIONS[rel.type].properties}
        attrs.update({k: _flat(k, v) for k, v in rel.properties.items() if k in allowed and v is not None})
        if "evidence" in allowed:
            attrs["evidence_count"] = len(rel.properties.get("evidence") or [])
        g.add_edge(rel.source, rel.target, **attrs)
    return g


def _csv_cell(owner: str, name: str, value: Any) -> Any:
    if value is None:
        return ""
    typed = typed_value(PROPERTY_TYPES[name], value)
    if not isinstance(typed, list):
        return typed
    for item in typed:
        if ARRAY_DELIMITER in str(item):
            raise ExportError(f"{owner}: {name} element {item!r} contains the CSV array delimiter "
                              f"{ARRAY_DELIMITER!r}; neo4j-admin would split it")
    return ARRAY_DELIMITER.join(str(v) for v in typed)


def _header(name: str) -> str:
    return name + _NEO4J_TYPES[PROPERTY_TYPES[name]]


def _write_csv(path: Path, header: list[str], rows: list[list[Any]]) -> None:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(header)
        writer.writerows(rows)


def _node_files(graph: KnowledgeGraph, out: Path) -> list[Path]:
    written = []
    for label in Label:
        nodes = list(graph.nodes_with(label))
        if not nodes:
            continue
        names = [p.name for p in NODE_PROPERTIES[label] if p.name != "id"]
        header = [f"id:ID({label.value})", *(_header(n) for n in names), ":LABEL"]
        rows = [[n.id, *(_csv_cell(n.id, k, n.properties.get(k)) for k in names), label.value] for n in nodes]
        path = out / f"nodes_{label.value}.csv"
        _write_csv(path, header, rows)
        written.append(path)
    return written


def _relationship_files(graph: KnowledgeGraph, out: Path) -> list[Path]:
    groups: dict[tuple[RelType, Label, Label], list[Relationship]] = defaultdict(list)
    for rel in graph.relationships:
        groups[(rel.type, rel.source_label, rel.target_label)].append(rel)
    written = []
    for (rel_type, source, target), rels in sorted(groups.items()):
        names = [p.name for p in RELATIONS[rel_type].properties]
        header = [f":START_ID({source.value})", f":END_ID({target.value})", ":TYPE", *(_header(n) for n in names)]
        rows = [
            [r.source, r.target, rel_type.value,
             *(_csv_cell(f"{rel_type} {r.source}->{r.target}", k, r.properties.get(k)) for k in names)]
            for r in rels
        ]
        path = out / f"rels_{rel_type.value}__{source.value}__{target.value}.csv"
        _write_csv(path, header, rows)
        written.append(path)
    return written


def import_command(node_files: list[Path], relationship_files: list[Path], database: str = "neo4j") -> str:
    """The ``neo4j-admin database import full`` command for these files (names relative to their dir)."""
    lines = [
        "neo4j-admin database import full",
        f"--array-delimiter='{ARRAY_DELIMITER}'",
        "--multiline-fields=true",
        "--overwrite-destination",
        *(f"--nodes={p.name}" for p in node_files),
        *(f"--relationships={p.name}" for p in relationship_files),
        database,
    ]
    return " \\\n  ".join(lines)


_README = """Jilin Innovation Graph: CSV files for neo4j-admin (Neo4j 5)

Files
  nodes_<Label>.csv                      one file per node label; header id:ID(<Label>) ... :LABEL
  rels_<TYPE>__<Source>__<Target>.csv    one file per relation type and endpoint-label pair;
                                         header :START_ID(<Source>), :END_ID(<Target>), :TYPE ...

ID spaces: each label is its own ID space (id:ID(Institution), :START_ID(Institution) ...), so ids
need only be unique within a label. A relation type whose ends can carry several labels (LOCATED_IN,
FOCUSES_ON, MENTIONS ...) is split into one file per label pair, because a file column names one
ID space. Arrays (aliases, docs, evidence, cues) are separated by '{delimiter}'; text fields may span
lines. The node property `id` is stored (id:ID(<Label>) keeps it).

Import (Neo4j stopped; run from this directory, or give absolute paths; the database is replaced):

{command}

Then start Neo4j and create the uniqueness constraints on id per label, e.g.
  CREATE CONSTRAINT institution_id IF NOT EXISTS FOR (n:Institution) REQUIRE n.id IS UNIQUE;
"""


def write_neo4j_csv(graph: KnowledgeGraph, out: Path) -> list[Path]:
    """Write the neo4j-admin import files and README.txt into directory `out`; returns the files."""
    out.mkdir(parents=True, exist_ok=True)
    node_files = _node_files(graph, out)
    relationship_files = _relationship_files(graph, out)
    readme = out / "README.txt"
    readme.write_text(_README.format(delimiter=ARRAY_DELIMITER,
                                     command=import_command(node_files, relationship_files)), encoding="utf-8")
    logger.info("wrote %d node files and %d relationship files to %s",
                len(node_files), len(relationship_files), out)
    return [*node_files, *relationship_files, readme]

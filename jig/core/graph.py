"""The knowledge-graph payload shared by every store and export, and its JSON Lines file.

`graph.jsonl` holds one JSON object a line, nodes first then relationships, sorted by id so that
two builds of the same corpus give byte-identical files (plain and diffable):

    {"node": "inst_faw", "label": "Institution", "properties": {...}}
    {"source": "inst_faw", "type": "ANCHORS", "target": "ind_automotive",
     "source_label": "Institution", "target_label": "Industry", "properties": {...}}
"""

from __future__ import annotations

import json
import os
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from jig.core.errors import DataFileError
from jig.core.schema import RELATIONS, Label, RelType, check_label, check_rel_type


@dataclass(frozen=True)
class Node:
    """A node: its id, its one label and its properties (names as in `jig.core.schema`)."""

    id: str
    label: Label
    properties: dict[str, Any]


@dataclass(frozen=True)
class Relationship:
    """A directed relationship between two nodes, with both endpoint labels."""

    source: str
    source_label: Label
    type: RelType
    target: str
    target_label: Label
    properties: dict[str, Any] = field(default_factory=dict)


@dataclass
class KnowledgeGraph:
    """Nodes and relationships with provenance, ready for any store or export."""

    nodes: list[Node] = field(default_factory=list)
    relationships: list[Relationship] = field(default_factory=list)

    def node(self, node_id: str) -> Node:
        """The node with this id; KeyError if absent."""
        return self._index()[node_id]

    def nodes_with(self, label: Label) -> Iterator[Node]:
        """Nodes of one label."""
        return (n for n in self.nodes if n.label == label)

    def relationships_of(self, rel_type: RelType) -> Iterator[Relationship]:
        """Relationships of one type."""
        return (r for r in self.relationships if r.type == rel_type)

    def label_counts(self) -> Counter[str]:
        """Number of nodes per label."""
        return Counter(n.label.value for n in self.nodes)

    def type_counts(self) -> Counter[str]:
        """Number of relationships per type."""
        return Counter(r.type.value for r in self.relationships)

    def _index(self) -> dict[str, Node]:
        index = getattr(self, "_node_index", None)
        if index is None or len(index) != len(self.nodes):
            index = {n.id: n for n in self.nodes}
            object.__setattr__(self, "_node_index", index)
        return index

    def sorted(self) -> KnowledgeGraph:
        """A copy with nodes and relationships in a canonical order."""
        return KnowledgeGraph(
            nodes=sorted(self.nodes, key=lambda n: (n.label.value, n.id)),
            relationships=sorted(self.relationships, key=lambda r: (r.type.value, r.source, r.target)),
        )


def write_jsonl(graph: KnowledgeGraph, path: Path) -> None:
    """Write the graph to `path` atomically (a temporary file renamed into place)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(path.suffix + ".tmp")
    ordered = graph.sorted()
    with tmp.open("w", encoding="utf-8") as out:
        for line in _lines(ordered):
            out.write(json.dumps(line, ensure_ascii=False, sort_keys=True))
            out.write("\n")
    os.replace(tmp, path)


def _lines(graph: KnowledgeGraph) -> Iterable[dict[str, Any]]:
    for n in graph.nodes:
        yield {"node": n.id, "label": n.label.value, "properties": n.properties}
    for r in graph.relationships:
        yield {
            "source": r.source,
            "source_label": r.source_label.value,
            "type": r.type.value,
            "target": r.target,
            "target_label": r.target_label.value,
            "properties": r.properties,
        }


def read_jsonl(path: Path) -> KnowledgeGraph:
    """Read a graph written by `write_jsonl`; malformed lines raise DataFileError with the line."""
    graph = KnowledgeGraph()
    try:
        handle = path.open(encoding="utf-8")
    except OSError as exc:
        raise DataFileError(path, f"cannot open the graph file ({exc.strerror})") from None
    with handle:
        for number, raw in enumerate(handle, start=1):
            try:
                record = json.loads(raw)
                if "node" in record:
                    graph.nodes.append(Node(record["node"], check_label(record["label"]), record["properties"]))
                else:
                    rel_type = check_rel_type(record["type"])
                    graph.relationships.append(
                        Relationship(
                            record["source"],
                            check_label(record["source_label"]),
                            rel_type,
                            record["target"],
                            check_label(record["target_label"]),
                            record.get("properties", {}),
                        )
                    )
            except (ValueError, KeyError, TypeError) as exc:
                raise DataFileError(path, f"not a graph record ({exc})", line=number, text=raw[:80]) from None
    return graph


def check_endpoints(graph: KnowledgeGraph) -> list[str]:
    """Problems with relationship endpoints: unknown nodes, or label pairs the ontology forbids."""
    index = {n.id: n.label for n in graph.nodes}
    problems = []
    for r in graph.relationships:
        for end, label in ((r.source, r.source_label), (r.target, r.target_label)):
            if index.get(end) != label:
                problems.append(f"{r.type} {r.source}->{r.target}: endpoint {end} is not a {label} node")
        if (r.source_label, r.target_label) not in RELATIONS[r.type].pairs():
            problems.append(f"{r.type} may not connect {r.source_label} to {r.target_label}")
    return problems

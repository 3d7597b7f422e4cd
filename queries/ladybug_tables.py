"""The embedded store's tables, generated from `jig.core.schema`: DDL and Arrow tables for bulk COPY.

One node table per label (primary key `id`, columns in `NODE_PROPERTIES` order, lists as STRING[])
and one relationship table per relation type with every allowed FROM/TO pair.
"""

from __future__ import annotations

import logging
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

import pyarrow as pa

from jig.core.errors import StoreError
from jig.core.graph import KnowledgeGraph, Node, Relationship
from jig.core.schema import NODE_PROPERTIES, RELATIONS, Label, Property, PropType, RelType

log = logging.getLogger(__name__)

_ARROW_TYPES: dict[PropType, pa.DataType] = {
    PropType.STRING: pa.string(),
    PropType.INT: pa.int64(),
    PropType.DOUBLE: pa.float64(),
    PropType.STRING_LIST: pa.list_(pa.string()),
}


def _columns(properties: Iterable[Property]) -> str:
    return ", ".join(f"`{p.name}` {p.type.value}" for p in properties)


def ddl_statements() -> list[str]:
    """CREATE NODE/REL TABLE statements for every label and relation type of the ontology."""
    statements = [
        f"CREATE NODE TABLE {label.value}({_columns(props)}, PRIMARY KEY (`id`))"
        for label, props in NODE_PROPERTIES.items()
    ]
    for rel in RELATIONS.values():
        parts = [f"FROM {source.value} TO {target.value}" for source, target in rel.pairs()]
        if rel.properties:
            parts.append(_columns(rel.properties))
        statements.append(f"CREATE REL TABLE {rel.type.value}({', '.join(parts)})")
    return statements


@dataclass(frozen=True)
class CopyBatch:
    """One bulk load: the table to COPY into, the rows as Arrow, and the FROM/TO labels of a relation."""

    table: str
    data: pa.Table
    endpoints: tuple[Label, Label] | None = None


def _arrow(properties: Iterable[Property], records: list[dict[str, Any]], what: str) -> dict[str, pa.Array]:
    arrays = {}
    for prop in properties:
        values = [record.get(prop.name) for record in records]
        try:
            arrays[prop.name] = pa.array(values, type=_ARROW_TYPES[prop.type])
        except (pa.ArrowInvalid, pa.ArrowTypeError) as exc:
            raise StoreError(f"{what}: property {prop.name!r} is not {prop.type.value} ({exc})") from None
    return arrays


def _warn_unknown(what: str, records: list[dict[str, Any]], known: set[str]) -> None:
    unknown = sorted({key for record in records for key in record} - known)
    if unknown:
        log.warning("%s: properties not in the ontology are not stored: %s", what, ", ".join(unknown))


def node_batches(graph: KnowledgeGraph) -> Iterator[CopyBatch]:
    """One batch per label present in the graph, columns in ontology order."""
    by_label: dict[Label, list[Node]] = defaultdict(list)
    for node in graph.nodes:
        by_label[node.label].append(node)
    for label, nodes in by_label.items():
        props = NODE_PROPERTIES[label]
        records = [{**node.properties, "id": node.id} for node in nodes]
        _warn_unknown(f"{label.value} nodes", records, {p.name for p in props})
        yield CopyBatch(label.value, pa.table(_arrow(props, records, f"{label.value} nodes")))


def relationship_batches(graph: KnowledgeGraph) -> Iterator[CopyBatch]:
    """One batch per (relation type, source label, target label) present in the graph."""
    groups: dict[tuple[RelType, Label, Label], list[Relationship]] = defaultdict(list)
    for rel in graph.relationships:
        groups[(rel.type, rel.source_label, rel.target_label)].append(rel)
    for (rel_type, source, target), rels in groups.items():
        props = RELATIONS[rel_type].properties
        what = f"{rel_type.value} relationships {source.value}->{target.value}"
        records = [r.properties for r in rels]
        _warn_unknown(what, records, {p.name for p in props})
        columns = {
            "from": pa.array([r.source for r in rels], type=pa.string()),
            "to": pa.array([r.target for r in rels], type=pa.string()),
            **_arrow(props, records, what),
        }
        yield CopyBatch(rel_type.value, pa.table(columns), (source, target))

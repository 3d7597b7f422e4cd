"""Neighbourhoods of entities: rings of neighbours up to a depth, filtered and capped."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING

from explorer.services.dialect import dialect_for, rel_pattern
from explorer.services.models import Entity, GraphEdge, GraphNode, Subgraph
from jig.core.schema import ENTITY_LABELS, RELATIONS, check_rel_type

if TYPE_CHECKING:
    from queries.store import GraphStore

#: Relation types between entities (the lexical, document and instrument layers are left out).
ENTITY_REL_TYPES: tuple[str, ...] = tuple(
    t.value for t, r in RELATIONS.items() if set(r.sources) | set(r.targets) <= set(ENTITY_LABELS)
)
ENTITY_LABEL_NAMES: tuple[str, ...] = tuple(label.value for label in ENTITY_LABELS)
ROW_CAP = 50_000


def edges_touching(
    store: GraphStore, ids: Iterable[str], types: Iterable[str], *, both_ends: bool = False
) -> list[GraphEdge]:
    """Relationships of the given types with one end (or, with `both_ends`, both ends) among `ids`."""
    ids = sorted(set(ids))
    if not ids:
        return []
    types = [check_rel_type(str(t)) for t in types]
    joint = "AND" if both_ends else "OR"
    weighted = any(p.name == "weight" for t in types for p in RELATIONS[t].properties)
    cypher = (
        f"MATCH (a)-[r:{rel_pattern(types)}]->(b) WHERE a.id IN $ids {joint} b.id IN $ids "
        f"RETURN a.id AS source, b.id AS target, {dialect_for(store.backend).rel_type('r')} AS type, "
        f"{'r.weight' if weighted else '1.0'} AS weight"
    )
    rows = store.query(cypher, {"ids": ids}, row_cap=ROW_CAP).rows
    return [GraphEdge(row["source"], row["target"], row["type"], float(row.get("weight") or 1.0)) for row in rows]


def graph_node(entity: Entity, centre: bool = False) -> GraphNode:
    """The drawable node of an entity."""
    return GraphNode(entity.id, entity.label, entity.name, entity.name_en, entity.kind, entity.centrality, centre,
                     entity.community)


def neighbourhood(
    store: GraphStore,
    index: Mapping[str, Entity],
    centres: Sequence[str],
    *,
    depth: int = 1,
    types: Iterable[str] = ENTITY_REL_TYPES,
    labels: Iterable[str] = ENTITY_LABEL_NAMES,
    cap: int = 60,
) -> Subgraph:
    """The neighbours of `centres` up to `depth` rings, keeping at most `cap` nodes.

    Only entities of `labels` joined by relations of `types` are followed. When a ring holds more
    nodes than there is room for, the ones most strongly tied to what is already kept win (sum of
    edge weights, then centrality); the others are counted in `Subgraph.hidden`.
    """
    types = tuple(types)
    allowed = set(labels)
    kept: dict[str, int] = {c: 0 for c in centres if c in index}
    hidden: set[str] = set()
    frontier = list(kept)
    for ring in range(1, depth + 1):
        strength: dict[str, float] = defaultdict(float)
        from_ring = set(frontier)
        for edge in edges_touching(store, frontier, types):
            for end, other in ((edge.source, edge.target), (edge.target, edge.source)):
                if (other in from_ring and end not in kept and end not in hidden and end in index
                        and index[end].label in allowed):
                    strength[end] += edge.weight
        ranked = sorted(strength, key=lambda n: (-strength[n], -index[n].centrality, n))
        room = max(cap - len(kept), 0)
        kept.update({n: ring for n in ranked[:room]})
        hidden.update(ranked[room:])
        frontier = ranked  # the next ring is counted from every node of this one, shown or hidden
        if not frontier:
            break
    edges = edges_touching(store, kept, types, both_ends=True)
    nodes = tuple(graph_node(index[n], centre=(ring == 0)) for n, ring in kept.items())
    return Subgraph(nodes=nodes, edges=_dedupe(edges), hidden=len(hidden))


def subgraph_of(index: Mapping[str, Entity], ids: Iterable[str], edges: Iterable[GraphEdge],
                centres: Iterable[str] = ()) -> Subgraph:
    """A drawable subgraph of known entity ids and the edges between them."""
    centre_set = set(centres)
    known = [i for i in dict.fromkeys(ids) if i in index]
    kept = set(known)
    return Subgraph(
        nodes=tuple(graph_node(index[i], centre=i in centre_set) for i in known),
        edges=_dedupe(e for e in edges if e.source in kept and e.target in kept),
    )


def _dedupe(edges: Iterable[GraphEdge]) -> tuple[GraphEdge, ...]:
    seen: dict[tuple[str, str, str], GraphEdge] = {}
    for edge in edges:
        seen.setdefault((edge.source, edge.target, edge.type), edge)
    return tuple(seen.values())

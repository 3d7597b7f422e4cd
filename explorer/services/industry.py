"""Industries: the institution × industry anchor matrix and the ecosystem around an industry."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from explorer.services.dialect import dialect_for, rel_pattern
from explorer.services.models import DocumentInfo, Entity, GraphEdge, Subgraph
from explorer.services.neighbourhood import edges_touching, subgraph_of
from jig.core.schema import Label, RelType

if TYPE_CHECKING:
    from queries.store import GraphStore

ROW_CAP = 50_000
#: Relations that tie an organisation, programme or zone to an industry.
ECOSYSTEM_TYPES = (RelType.ANCHORS, RelType.FOCUSES_ON, RelType.SUPPORTS, RelType.LEADS)


@dataclass(frozen=True)
class AnchorCell:
    """One institution anchoring one industry: strength and how much evidence says so."""

    institution: str
    industry: str
    weight: float
    sentences: int
    documents: int
    years: tuple[int, ...]


@dataclass(frozen=True)
class EcosystemMember:
    """An entity tied to an industry (or one of its sub-industries), ranked by total weight."""

    entity: str
    label: str
    relations: tuple[str, ...]
    weight: float
    sentences: int


def _years(doc_ids: Iterable[str], documents: Sequence[DocumentInfo]) -> tuple[int, ...]:
    year_of = {d.id: d.year for d in documents}
    return tuple(sorted({y for d in doc_ids if (y := year_of.get(d)) is not None}))


def anchor_matrix(store: GraphStore, documents: Sequence[DocumentInfo]) -> list[AnchorCell]:
    """Every ANCHORS relationship as a matrix cell, strongest first."""
    rows = store.query(
        "MATCH (a:Institution)-[r:ANCHORS]->(b:Industry) "
        "RETURN a.id AS institution, b.id AS industry, r.weight AS weight, r.evidence AS evidence, r.docs AS docs",
        row_cap=ROW_CAP,
    ).rows
    cells = [
        AnchorCell(
            institution=row["institution"],
            industry=row["industry"],
            weight=float(row.get("weight") or 0.0),
            sentences=len(set(row.get("evidence") or ())),
            documents=len(set(row.get("docs") or ())),
            years=_years(row.get("docs") or (), documents),
        )
        for row in rows
    ]
    return sorted(cells, key=lambda c: (-c.weight, c.institution, c.industry))


def anchor_counts(entities: Iterable[Entity], cells: Iterable[AnchorCell]) -> dict[str, int]:
    """Number of distinct anchoring institutions per industry, every industry (zero when none)."""
    anchors: dict[str, set[str]] = defaultdict(set)
    for cell in cells:
        anchors[cell.industry].add(cell.institution)
    return {e.id: len(anchors[e.id]) for e in entities if e.label == Label.INDUSTRY}


def descendants(store: GraphStore, industry_id: str) -> list[str]:
    """The industry and all its sub-industries (SUBINDUSTRY_OF, any depth up to 6)."""
    rows = store.query(
        "MATCH (c:Industry)-[:SUBINDUSTRY_OF*0..6]->(p:Industry) WHERE p.id = $id RETURN DISTINCT c.id AS id",
        {"id": industry_id},
    ).rows
    found = [row["id"] for row in rows]
    return [industry_id, *sorted(i for i in set(found) if i != industry_id)]


def ecosystem(
    store: GraphStore, index: Mapping[str, Entity], industry_ids: Sequence[str]
) -> tuple[list[EcosystemMember], Subgraph]:
    """Institutions, platforms, alliances, programmes and zones tied to the industries given.

    Returns the members ranked by summed relation weight and a graph of them with the industries.
    """
    cypher = (
        f"MATCH (a)-[r:{rel_pattern(ECOSYSTEM_TYPES)}]->(b:Industry) WHERE b.id IN $ids "
        f"RETURN a.id AS source, b.id AS target, {dialect_for(store.backend).rel_type('r')} AS type, "
        "r.weight AS weight, r.evidence AS evidence"
    )
    rows = store.query(cypher, {"ids": list(industry_ids)}, row_cap=ROW_CAP).rows
    weight: Counter[str] = Counter()
    evidence: dict[str, set[str]] = defaultdict(set)
    types: dict[str, set[str]] = defaultdict(set)
    edges = []
    for row in rows:
        source = row["source"]
        if source not in index:
            continue
        w = float(row.get("weight") or 0.0)
        weight[source] += w
        evidence[source].update(row.get("evidence") or ())
        types[source].add(row["type"])
        edges.append(GraphEdge(source, row["target"], row["type"], w))
    members = [
        EcosystemMember(e, index[e].label, tuple(sorted(types[e])), round(weight[e], 3), len(evidence[e]))
        for e in weight
    ]
    members.sort(key=lambda m: (-m.weight, -m.sentences, m.entity))
    taxonomy = edges_touching(store, industry_ids, [RelType.SUBINDUSTRY_OF], both_ends=True)
    graph = subgraph_of(index, [*industry_ids, *(m.entity for m in members)], [*edges, *taxonomy],
                        centres=industry_ids[:1])
    return members, graph

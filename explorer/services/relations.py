"""An entity's derived relations with the sentences that state them."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from explorer.services.dialect import dialect_for, rel_pattern
from explorer.services.models import Evidence, Relation
from jig.core.schema import DERIVED_RELATIONS

if TYPE_CHECKING:
    from queries.store import GraphStore

ROW_CAP = 50_000


def sentences(store: GraphStore, ids: Iterable[str]) -> dict[str, Evidence]:
    """Sentence nodes by id (text and document), for the ids given."""
    ids = sorted(set(ids))
    if not ids:
        return {}
    rows = store.query(
        "MATCH (s:Sentence) WHERE s.id IN $ids RETURN s.id AS id, s.document AS document, s.text AS text",
        {"ids": ids},
        row_cap=ROW_CAP,
    ).rows
    return {row["id"]: Evidence(row["id"], row["document"], row["text"]) for row in rows}


def relations_of(
    store: GraphStore, entity_id: str, types: Iterable[str] = tuple(t.value for t in DERIVED_RELATIONS),
    evidence_limit: int | None = None,
) -> list[Relation]:
    """Derived relations with `entity_id` at either end, strongest first, each with its evidence.

    With `evidence_limit`, only the first that many evidence sentences of each relation are fetched (a
    relation of a large corpus has thousands); `Relation.evidence_count` still counts them all.
    """
    cypher = (
        f"MATCH (a)-[r:{rel_pattern(types)}]->(b) WHERE a.id = $id OR b.id = $id "
        f"RETURN a.id AS source, b.id AS target, {dialect_for(store.backend).rel_type('r')} AS type, "
        "r.weight AS weight, r.docs AS docs, r.evidence AS evidence, r.cues AS cues"
    )
    rows = store.query(cypher, {"id": entity_id}, row_cap=ROW_CAP).rows
    found = sentences(store, (s for row in rows for s in (row.get("evidence") or ())[:evidence_limit]))
    relations = [
        Relation(
            source=row["source"],
            type=row["type"],
            target=row["target"],
            weight=row.get("weight"),
            docs=tuple(row.get("docs") or ()),
            cues=tuple(row.get("cues") or ()),
            evidence=tuple(found[s] for s in (row.get("evidence") or ())[:evidence_limit] if s in found),
            evidence_count=len(row.get("evidence") or ()),
        )
        for row in rows
    ]
    return sorted(relations, key=lambda r: (-(r.weight or 0.0), r.type, r.source, r.target))

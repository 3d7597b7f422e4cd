"""The entity index: every entity node once, and a forgiving name search over it."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from explorer.services.models import Entity
from jig.core.schema import ENTITY_LABELS

if TYPE_CHECKING:
    from queries.store import GraphStore

#: Rows are capped well above any corpus the explorer is meant for.
ROW_CAP = 200_000

_FIELDS = (
    "n.id AS id, n.name AS name, n.name_en AS name_en, n.aliases AS aliases, n.kind AS kind, "
    "n.mentions AS mentions, n.first_year AS first_year, n.last_year AS last_year, n.docs AS docs, "
    "n.centrality AS centrality, n.source AS source, n.pagerank AS pagerank, n.betweenness AS betweenness, "
    "n.community AS community"
)


def load_entities(store: GraphStore) -> list[Entity]:
    """Every entity node of the store (all entity labels), most central first."""
    cypher = " UNION ALL ".join(
        f"MATCH (n:{label.value}) RETURN '{label.value}' AS label, {_FIELDS}" for label in ENTITY_LABELS
    )
    result = store.query(cypher, row_cap=ROW_CAP)
    entities = [_entity(row) for row in result.rows]
    return sorted(entities, key=lambda e: (-e.centrality, -e.mentions, e.id))


def _entity(row: dict) -> Entity:
    return Entity(
        id=row["id"],
        label=row["label"],
        kind=row.get("kind") or "",
        name=row.get("name") or row["id"],
        name_en=row.get("name_en") or "",
        aliases=tuple(row.get("aliases") or ()),
        mentions=int(row.get("mentions") or 0),
        first_year=row.get("first_year"),
        last_year=row.get("last_year"),
        docs=tuple(row.get("docs") or ()),
        centrality=float(row.get("centrality") or 0.0),
        source=row.get("source") or "",
        pagerank=row.get("pagerank"),
        betweenness=row.get("betweenness"),
        community=row.get("community"),
    )


def normalise(text: str) -> str:
    """Fold a name for matching: NFKC (full-width → ASCII), case-folded, without spaces or dots."""
    folded = unicodedata.normalize("NFKC", text).casefold()
    return "".join(ch for ch in folded if not ch.isspace() and ch not in "·.-_()（）")


def _score(query: str, names: Iterable[str]) -> int | None:
    """0 exact, 1 prefix, 2 substring, 3 characters in order; None when no name matches."""
    best: int | None = None
    for name in names:
        folded = normalise(name)
        if not folded:
            continue
        if folded == query:
            score = 0
        elif folded.startswith(query):
            score = 1
        elif query in folded:
            score = 2
        elif _in_order(query, folded):
            score = 3
        else:
            continue
        best = score if best is None else min(best, score)
    return best


def _in_order(query: str, text: str) -> bool:
    position = 0
    for ch in query:
        position = text.find(ch, position) + 1
        if position == 0:
            return False
    return True


def search(entities: Sequence[Entity], text: str, labels: Iterable[str] = (), limit: int = 30) -> list[Entity]:
    """Entities whose Chinese name, English name, alias or id matches `text`, best matches first.

    Exact names rank before prefixes, prefixes before substrings, substrings before names that
    merely contain the typed characters in order (so 吉大学 still finds 吉林大学). Ties go to the
    more central entity. `labels` restricts the search to some node labels.
    """
    query = normalise(text)
    if not query:
        return []
    wanted = set(labels)
    scored = []
    for entity in entities:
        if wanted and entity.label not in wanted:
            continue
        score = _score(query, (*entity.names, entity.id))
        if score is not None and (score < 3 or len(query) > 1):
            scored.append((score, -entity.centrality, -entity.mentions, entity.id, entity))
    scored.sort(key=lambda item: item[:4])
    return [item[-1] for item in scored[:limit]]


def resolve(entities: Sequence[Entity], text: str) -> Entity | None:
    """The entity named exactly `text` (Chinese, English, alias or id, ignoring case and spacing), if any."""
    query = normalise(text)
    if not query:
        return None
    for entity in entities:
        if any(normalise(name) == query for name in (*entity.names, entity.id)):
            return entity
    return None

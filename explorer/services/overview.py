"""Counts for the overview: nodes per label, relationships per type, documents per year."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from typing import TYPE_CHECKING

from explorer.services.models import DocumentInfo
from jig.core.schema import Label, RelType

if TYPE_CHECKING:
    from queries.store import GraphStore


def label_counts(store: GraphStore) -> dict[str, int]:
    """Number of nodes per label, every label of the ontology (zero when absent)."""
    cypher = " UNION ALL ".join(
        f"MATCH (n:{label.value}) RETURN '{label.value}' AS label, count(n) AS n" for label in Label
    )
    found = {row["label"]: int(row["n"]) for row in store.query(cypher).rows}
    return {label.value: found.get(label.value, 0) for label in Label}


def type_counts(store: GraphStore) -> dict[str, int]:
    """Number of relationships per type, every type of the ontology (zero when absent)."""
    cypher = " UNION ALL ".join(
        f"MATCH ()-[r:{t.value}]->() RETURN '{t.value}' AS type, count(r) AS n" for t in RelType
    )
    found = {row["type"]: int(row["n"]) for row in store.query(cypher).rows}
    return {t.value: found.get(t.value, 0) for t in RelType}


def documents_by_year(documents: Iterable[DocumentInfo]) -> dict[int, int]:
    """Number of documents per issue year (documents without a year are left out)."""
    return dict(sorted(Counter(d.year for d in documents if d.year is not None).items()))

"""Network roles: bridging institutions, the communities of the institution–platform–industry network and a
drawable view of it. The measures are computed at build time (`ingest.assemble.roles`) and read off the nodes.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from explorer.services.models import Entity, Subgraph
from explorer.services.neighbourhood import edges_touching, subgraph_of
from ingest.assemble.roles import ROLE_TYPES
from jig.core.schema import Label

if TYPE_CHECKING:
    from queries.store import GraphStore


@dataclass(frozen=True)
class Community:
    """A Louvain community: its number, its members (most central first) and how many of each label."""

    number: int
    members: tuple[Entity, ...]
    labels: dict[str, int]

    def name(self, lang: str) -> str:
        """The community named after its most central member."""
        return self.members[0].display(lang) if self.members else str(self.number)


def with_roles(entities: Iterable[Entity]) -> list[Entity]:
    """The entities that have a place in the network, most central (PageRank) first."""
    return sorted((e for e in entities if e.community is not None),
                  key=lambda e: (-(e.pagerank or 0.0), e.id))


def bridging(entities: Iterable[Entity], limit: int = 15, label: str = Label.INSTITUTION.value) -> list[Entity]:
    """The `limit` entities of `label` with the highest betweenness (ties: PageRank), those with none left out."""
    ranked = [e for e in entities if e.label == label and e.betweenness]
    return sorted(ranked, key=lambda e: (-(e.betweenness or 0.0), -(e.pagerank or 0.0), e.id))[:limit]


def communities(entities: Iterable[Entity]) -> list[Community]:
    """Every community, by number (0 is the largest)."""
    groups: dict[int, list[Entity]] = {}
    for entity in with_roles(entities):
        groups.setdefault(entity.community, []).append(entity)
    return [Community(n, tuple(members), dict(Counter(e.label for e in members)))
            for n, members in sorted(groups.items())]


def community_names(entities: Iterable[Entity], lang: str) -> dict[int, str]:
    """Community number → the display name of its most central member."""
    return {c.number: c.name(lang) for c in communities(entities)}


def network_view(store: GraphStore, entities: Sequence[Entity], cap: int = 80) -> tuple[Subgraph, int]:
    """The `cap` most central members of the network with the ties between them, and how many were left out."""
    members = with_roles(entities)
    shown = [e.id for e in members[:cap]]
    index = {e.id: e for e in members}
    edges = edges_touching(store, shown, ROLE_TYPES, both_ends=True)
    return subgraph_of(index, shown, edges), max(len(members) - cap, 0)

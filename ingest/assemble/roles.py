"""Network measures computed at build time (networkx), stored on the entity nodes.

- `centrality`: PageRank over the typed relations between all entities (undirected, weighted).
- `network_roles`: the roles of institutions, platforms and industries in the network they form with
  their typed relations and co-mentions (a sentence naming both), weighted by evidence: PageRank,
  normalised betweenness (exact, unweighted shortest paths: how much a node bridges) and Louvain
  communities (fixed seed). Communities are numbered by size, largest first (ties by their first member
  id), so a rebuild of the same corpus gives the same numbers. Entities without any tie in that network
  get no role.

Nodes and edges enter networkx sorted, and values are rounded, so that rebuilds stay byte-identical.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import networkx as nx

from jig.core.records import Edge, Entity
from jig.core.schema import Label, RelType

#: Relation types that feed the centrality computation (typed, text-derived relations).
CENTRALITY_TYPES = frozenset(
    {
        RelType.HOSTED_BY,
        RelType.ANCHORS,
        RelType.FOCUSES_ON,
        RelType.LEADS,
        RelType.MEMBER_OF,
        RelType.LOCATED_IN,
        RelType.PART_OF,
        RelType.SUPPORTS,
        RelType.COOPERATES_WITH,
    }
)
#: The labels of the role network and the ties between them.
ROLE_LABELS = frozenset({Label.INSTITUTION, Label.PLATFORM, Label.INDUSTRY})
ROLE_TYPES = CENTRALITY_TYPES | {RelType.CO_MENTIONED}
LOUVAIN_SEED = 7
_DIGITS = 6


@dataclass(frozen=True)
class NetworkRole:
    """An entity's place in the institution–platform–industry network."""

    pagerank: float
    betweenness: float
    community: int


def centrality(entities: Iterable[Entity], edges: Iterable[Edge]) -> dict[str, float]:
    """PageRank over the typed relations (undirected, weighted); isolated entities get the minimum."""
    network = _network(sorted(e.id for e in entities), edges, CENTRALITY_TYPES)
    if network.number_of_nodes() == 0:
        return {}
    return {node: round(rank, _DIGITS) for node, rank in nx.pagerank(network, weight="weight").items()}


def network_roles(entities: Iterable[Entity], edges: Iterable[Edge]) -> dict[str, NetworkRole]:
    """PageRank, betweenness and community of every institution, platform and industry with a tie."""
    members = {e.id for e in entities if e.label in ROLE_LABELS}
    network = _network(sorted(members), (e for e in edges if e.source in members and e.target in members), ROLE_TYPES)
    network.remove_nodes_from([node for node, degree in list(network.degree) if degree == 0])
    if network.number_of_nodes() == 0:
        return {}
    ranks = nx.pagerank(network, weight="weight")
    between = nx.betweenness_centrality(network, normalized=True)
    found = nx.community.louvain_communities(network, weight="weight", seed=LOUVAIN_SEED)
    ordered = sorted((sorted(c) for c in found), key=lambda c: (-len(c), c[0]))
    community = {node: number for number, nodes in enumerate(ordered) for node in nodes}
    return {
        node: NetworkRole(round(ranks[node], _DIGITS), round(between[node], _DIGITS), community[node])
        for node in sorted(network)
    }


def _network(nodes: list[str], edges: Iterable[Edge], types: frozenset[RelType]) -> nx.Graph:
    """An undirected graph of `nodes` whose edge weights sum the weights of the relations of `types`."""
    weights: dict[tuple[str, str], float] = {}
    for edge in edges:
        if edge.type in types and edge.source != edge.target:
            key = (min(edge.source, edge.target), max(edge.source, edge.target))
            weights[key] = weights.get(key, 0.0) + edge.weight
    network = nx.Graph()
    network.add_nodes_from(nodes)
    network.add_weighted_edges_from((a, b, w) for (a, b), w in sorted(weights.items()))
    return network

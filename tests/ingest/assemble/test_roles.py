"""ingest.assemble.roles: PageRank, betweenness and communities of the institution–platform–industry network,
deterministic whatever order the records come in."""

from __future__ import annotations

import random

from ingest.assemble.roles import centrality, network_roles
from jig.core.records import Edge, Entity, Evidence
from jig.core.schema import Label, RelType

_EVIDENCE = (Evidence("d.s0001", "d", 0, 1, "x"),)


def _entity(entity_id: str, label: Label = Label.INSTITUTION) -> Entity:
    return Entity(entity_id, label, label.value if label != Label.INSTITUTION else "Enterprise", entity_id)


def _edge(source: str, target: str, rel_type: RelType = RelType.CO_MENTIONED, weight: float = 1.0) -> Edge:
    return Edge(source, rel_type, target, weight, _EVIDENCE)


#: Two triangles of institutions joined through one industry, a platform hanging off one of them, a
#: programme (not in the network) and an institution without ties.
ENTITIES = [*(_entity(f"inst_{c}") for c in "abcdef"), _entity("ind_bridge", Label.INDUSTRY),
            _entity("plat_p", Label.PLATFORM), _entity("prog_x", Label.PROGRAM), _entity("inst_alone")]
EDGES = [
    _edge("inst_a", "inst_b"), _edge("inst_b", "inst_c"), _edge("inst_a", "inst_c", weight=2.0),
    _edge("inst_d", "inst_e"), _edge("inst_e", "inst_f"), _edge("inst_d", "inst_f"),
    _edge("inst_c", "ind_bridge", RelType.ANCHORS), _edge("inst_d", "ind_bridge", RelType.ANCHORS),
    _edge("plat_p", "inst_a", RelType.HOSTED_BY),
    _edge("prog_x", "inst_a", RelType.SUPPORTS),
    _edge("inst_a", "inst_a", RelType.COOPERATES_WITH),
]


def test_roles_bridge_has_the_highest_betweenness():
    roles = network_roles(ENTITIES, EDGES)
    ranked = sorted(roles, key=lambda n: -roles[n].betweenness)
    assert ranked[0] == "ind_bridge"
    assert {"inst_c", "inst_d"} == set(ranked[1:3])
    assert all(0.0 <= r.betweenness <= 1.0 for r in roles.values())
    assert abs(sum(r.pagerank for r in roles.values()) - 1.0) < 1e-4


def test_roles_only_institutions_platforms_and_industries_with_a_tie():
    roles = network_roles(ENTITIES, EDGES)
    assert "prog_x" not in roles and "inst_alone" not in roles
    assert {"plat_p", "ind_bridge", "inst_a"} <= set(roles)


def test_roles_communities_are_numbered_largest_first():
    roles = network_roles(ENTITIES, EDGES)
    sizes: dict[int, int] = {}
    for role in roles.values():
        sizes[role.community] = sizes.get(role.community, 0) + 1
    assert sorted(sizes) == list(range(len(sizes)))
    assert [sizes[n] for n in sorted(sizes)] == sorted(sizes.values(), reverse=True)
    assert roles["inst_a"].community == roles["inst_b"].community == roles["plat_p"].community
    assert roles["inst_e"].community == roles["inst_f"].community != roles["inst_a"].community


def test_roles_do_not_depend_on_the_order_of_the_records():
    expected = network_roles(ENTITIES, EDGES), centrality(ENTITIES, EDGES)
    shuffled = random.Random(3)
    for _ in range(5):
        entities, edges = ENTITIES[:], EDGES[:]
        shuffled.shuffle(entities)
        shuffled.shuffle(edges)
        assert (network_roles(entities, edges), centrality(entities, edges)) == expected


def test_roles_of_an_empty_network():
    assert network_roles([_entity("inst_a")], []) == {}
    assert network_roles([], []) == {} and centrality([], []) == {}


def test_centrality_covers_every_entity_over_typed_relations_only():
    ranks = centrality(ENTITIES, EDGES)
    assert set(ranks) == {e.id for e in ENTITIES}
    assert ranks["inst_a"] > ranks["inst_b"]  # co-mentions do not count, the platform and programme do

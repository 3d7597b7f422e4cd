"""Instrument codings and network roles in the graph built from the bundled corpus: provenance, cue words,
the entities a coding applies to, and the roles on the institution–platform–industry nodes."""

from __future__ import annotations

from collections import defaultdict

from jig.core.schema import INSTRUMENT_SIDES, INSTRUMENT_TARGETS, Label, RelType
from jig.core.text import simplified_view
from tests.conftest import Built


def _codings(built: Built) -> list:
    return list(built.graph.nodes_with(Label.INSTRUMENT))


def test_corpus_instruments_cover_every_side_and_most_types(built: Built) -> None:
    codings = _codings(built)
    kinds = {c.properties["kind"] for c in codings}
    assert {c.properties["side"] for c in codings} == {"supply", "environment", "demand"}
    assert len(kinds) >= 13 and kinds <= set(INSTRUMENT_SIDES)


def test_corpus_every_coding_knows_its_sentence_document_year_and_cues(built: Built) -> None:
    graph = built.graph
    sentences = {n.id: n.properties for n in graph.nodes_with(Label.SENTENCE)}
    years = {n.id: n.properties["year"] for n in graph.nodes_with(Label.DOCUMENT)}
    coded_as = {r.target: r.source for r in graph.relationships_of(RelType.CODED_AS)}
    stating_targets = {r.source for r in graph.relationships_of(RelType.MENTIONS) if r.target_label == Label.TARGET}
    for coding in _codings(built):
        p = coding.properties
        sentence = sentences[p["sentence"]]
        assert coded_as[coding.id] == p["sentence"] and sentence["document"] == p["document"]
        assert p["year"] == years[p["document"]] and p["side"] == INSTRUMENT_SIDES[p["kind"]]
        assert coding.id == f"instr_{p['sentence']}.{p['kind']}" and p["cues"]
        view = simplified_view(sentence["text"])
        for cue in p["cues"]:
            assert cue in view or (p["kind"] == "GoalPlanning" and p["sentence"] in stating_targets), (coding.id, cue)


def test_corpus_codings_apply_to_entities_their_sentence_names(built: Built) -> None:
    graph = built.graph
    named = defaultdict(set)
    for mention in graph.relationships_of(RelType.MENTIONS):
        named[mention.source].add(mention.target)
    sentence_of = {c.id: c.properties["sentence"] for c in _codings(built)}
    applies = list(graph.relationships_of(RelType.APPLIES_TO))
    assert applies
    for rel in applies:
        assert rel.target in named[sentence_of[rel.source]]
        assert rel.target_label in INSTRUMENT_TARGETS


def test_corpus_answers_which_instruments_serve_automotive_from_2011_to_2021(built: Built) -> None:
    graph = built.graph
    automotive = {"ind_automotive"} | {r.source for r in graph.relationships_of(RelType.SUBINDUSTRY_OF)
                                       if r.target == "ind_automotive"}
    codings = {c.id: c.properties for c in _codings(built)}
    years = {codings[r.source]["year"] for r in graph.relationships_of(RelType.APPLIES_TO) if r.target in automotive}
    assert len({y for y in years if 2011 <= y <= 2021}) >= 3


def test_corpus_network_roles_sit_on_institutions_platforms_and_industries(built: Built) -> None:
    with_role = [n for n in built.graph.nodes if n.properties.get("community") is not None]
    assert {n.label for n in with_role} == {Label.INSTITUTION, Label.PLATFORM, Label.INDUSTRY}
    for node in with_role:
        assert node.properties["pagerank"] > 0 and 0 <= node.properties["betweenness"] <= 1
    communities = {n.properties["community"] for n in with_role}
    assert communities == set(range(len(communities))) and len(communities) >= 3
    roles = {n.id: n.properties for n in with_role}
    assert {"inst_faw", "inst_jlu", "ind_automotive"} <= set(roles)
    assert max(roles.values(), key=lambda p: p["betweenness"])["betweenness"] > 0.05

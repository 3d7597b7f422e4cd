"""The explorer's policy-instrument and network-role services, and community colours in the graph view:
exact answers on the hand-made graph, consistent ones on the bundled corpus."""

from __future__ import annotations

import json
import re

import pytest

from explorer.graphviz import COMMUNITY_COLOURS, NO_COMMUNITY, LABEL_COLOURS, render_html
from explorer.services import entities, instruments, network
from explorer.services.models import GraphNode, Subgraph
from queries.embedded import EmbeddedStore
from queries.store import open_store
from tests.sample_graphs import small_graph


@pytest.fixture(scope="module")
def small(tmp_path_factory: pytest.TempPathFactory):
    build_dir = tmp_path_factory.mktemp("small_instruments")
    EmbeddedStore.build(small_graph(), build_dir)
    with EmbeddedStore.open(build_dir) as store:
        yield store


@pytest.fixture(scope="module")
def corpus(built):
    opened = open_store(built.build_dir)
    yield opened
    opened.close()


def test_instruments_crosstab_by_industry_on_small_graph(small) -> None:
    tab = instruments.by_industry(small)
    assert tab.kinds == ("TechnicalSupport",)
    assert tab.columns == ("ind_carbon_fiber", "ind_new_materials")  # the parent counts its sub-industry's sentences
    assert tab.count("TechnicalSupport", "ind_new_materials") == 1 and tab.count("Tax", "ind_carbon_fiber") == 0
    assert instruments.by_industry(small, "environment").cells == {}


def test_instruments_crosstab_by_year_and_side_on_small_graph(small) -> None:
    tab = instruments.by_year(small)
    assert tab.kinds == ("Infrastructure", "TechnicalSupport", "Tax") and tab.columns == ("2014", "2016")
    assert [(c.kind, c.column) for c in tab.ranked()] == [
        ("Infrastructure", "2016"), ("TechnicalSupport", "2014"), ("Tax", "2016")]
    assert instruments.by_year(small, side="environment").kinds == ("Tax",)
    assert instruments.by_year(small, industry="碳纤维").columns == ("2014",)
    assert instruments.by_year(small, years=(2015, 2020)).columns == ("2016",)
    assert instruments.by_year(small).first(1).columns == ("2014",)


def test_instruments_cell_sentences_on_small_graph(small) -> None:
    (sentence,) = instruments.cell_sentences(small, "Tax")
    assert (sentence.sentence_id, sentence.cues, sentence.entities, sentence.year) == (
        "d2016.s0001", ("税收优惠",), ("吉林化纤集团有限责任公司",), 2016)
    assert instruments.cell_sentences(small, "TechnicalSupport", industry="ind_new_materials", year=2014)
    assert instruments.cell_sentences(small, "TechnicalSupport", year=2016) == []


def test_instruments_every_cell_of_the_corpus_crosstab_is_its_sentences(corpus) -> None:
    tab = instruments.by_year(corpus, industry="ind_automotive", years=(2011, 2021))
    assert tab.cells and all(2011 <= int(c) <= 2021 for c in tab.columns)
    for cell in tab.ranked()[:5]:
        sentences = instruments.cell_sentences(corpus, cell.kind, "ind_automotive", int(cell.column))
        assert len(sentences) == cell.sentences and all(s.year == int(cell.column) for s in sentences)


def test_network_bridging_and_communities_on_small_graph(small) -> None:
    found = entities.load_entities(small)
    assert [e.id for e in network.bridging(found)] == ["inst_jcf", "inst_jlu"]
    communities = network.communities(found)
    assert [(c.number, [e.id for e in c.members]) for c in communities] == [(0, ["inst_jcf"]), (1, ["inst_jlu"])]
    assert network.community_names(found, "en") == {0: "Jilin Chemical Fiber Group", 1: "Jilin University"}


def test_network_view_of_the_corpus_is_capped_and_tied(corpus) -> None:
    found = entities.load_entities(corpus)
    graph, hidden = network.network_view(corpus, found, cap=30)
    assert len(graph.nodes) == 30 and hidden > 0 and graph.edges
    assert all(n.community is not None for n in graph.nodes)
    ranked = network.with_roles(found)
    assert [n.id for n in graph.nodes] == [e.id for e in ranked[:30]]


def _nodes(page: str) -> list[dict]:
    return json.loads(re.search(r"var nodes = new vis\.DataSet\((\[.*?\])\);", page, re.S).group(1))


def test_graph_colours_by_community_with_a_named_legend() -> None:
    graph = Subgraph(nodes=(GraphNode("a", "Institution", "甲", "A", "Enterprise", 0.2, community=0),
                            GraphNode("b", "Industry", "乙", "B", "Industry", 0.1, community=15),
                            GraphNode("c", "Platform", "丙", "C", "KeyLab", 0.1)), edges=())
    page = render_html(graph, "en", communities={0: "A", 15: "B"})
    colours = {n["id"]: n["color"] for n in _nodes(page)}
    assert colours == {"a": COMMUNITY_COLOURS[0], "b": COMMUNITY_COLOURS[15 % len(COMMUNITY_COLOURS)],
                       "c": NO_COMMUNITY}
    assert "Community 0 · A" in page and "Community 15 · B" in page and "Not in the network" in page
    by_label = {n["id"]: n["color"] for n in _nodes(render_html(graph, "en"))}
    assert by_label["a"] == LABEL_COLOURS["Institution"]

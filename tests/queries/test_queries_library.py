"""Every library query run on the real embedded store: a hand-made graph and the bundled corpus."""

from __future__ import annotations

import pytest

from queries.catalog import load_catalog, run_named
from queries.embedded import EmbeddedStore
from tests.sample_graphs import small_graph

CATALOG = load_catalog()
ENTITY = ("id", "name", "name_en")
#: Columns every row of a query must carry (entities: id, name, name_en; documents: file, year).
SHAPES: dict[str, tuple[str, ...]] = {
    "entity": (*ENTITY, "label", "kind", "aliases", "mentions"),
    "neighbours": (*ENTITY, "label", "relation", "direction", "weight", "evidence_count"),
    "anchors_of_industry": (*ENTITY, "weight", "evidence_count", "industries"),
    "industries_of_institution": (*ENTITY, "parent", "weight", "evidence_count"),
    "platforms_of_institution": (*ENTITY, "kind", "weight", "evidence_count"),
    "alliances_of_industry": (*ENTITY, "weight", "evidence_count", "leaders"),
    "zones_in_region": (*ENTITY, "region", "weight", "evidence_count"),
    "programmes_supporting": (*ENTITY, "weight", "evidence_count"),
    "targets": ("year", "value", "unit", "comparator", "document", "metric", "file"),
    "industry_focus_by_year": ("year", "mentions", "documents"),
    "documents_mentioning": ("id", "file", "year", "title", "mentions"),
    "evidence": ("relation", "direction", "sentence", "text", "file", "year"),
    "shortest_path": ("step", *ENTITY, "label", "relation"),
    "top_institutions": (*ENTITY, "centrality"),
    "co_mentioned": (*ENTITY, "label", "weight", "evidence_count"),
    "instruments_by_industry": (*ENTITY, "instrument", "side", "sentences", "documents"),
    "instruments_by_year": ("year", "instrument", "side", "sentences", "documents"),
    "instrument_sentences": ("sentence", "text", "cues", "entities", "document", "file", "year"),
    "bridging_institutions": (*ENTITY, "kind", "betweenness", "pagerank", "community"),
    "attention_share_by_year": ("year", "id", "name_en", "sentences", "total", "share"),  # a year naming none: no id
    "document_entities": (*ENTITY, "label", "kind", "sentences"),
    "document_instruments": ("instrument", "side", "sentences"),
    "new_in_document": ("category", *ENTITY, "label", "kind", "sentences"),
}


def test_library_every_query_has_a_shape_test():
    assert set(SHAPES) == set(CATALOG)


def _check_shape(name: str, rows: list[dict]) -> None:
    for row in rows:
        missing = [c for c in SHAPES[name] if c not in row]
        assert not missing, f"{name}: row lacks {missing}: {row}"
        if "id" in SHAPES[name] and "name" in SHAPES[name]:
            assert row["id"] and row["name"], row


def _by_weight(rows: list[dict]) -> bool:
    weights = [r["weight"] for r in rows]
    return weights == sorted(weights, reverse=True)


# --- the hand-made graph: exact answers ----------------------------------------------------------

@pytest.fixture(scope="module")
def small(tmp_path_factory: pytest.TempPathFactory):
    build_dir = tmp_path_factory.mktemp("small")
    EmbeddedStore.build(small_graph(), build_dir)
    with EmbeddedStore.open(build_dir) as store:
        yield store


@pytest.mark.parametrize(
    ("name", "params", "column", "expected"),
    [
        ("entity", {"name": "吉林化纤"}, "id", ["inst_jcf"]),
        ("entity", {"name": "jilin chemical fiber group"}, "id", ["inst_jcf"]),
        ("entity", {"name": "inst_jcf"}, "label", ["Institution"]),
        ("neighbours", {"entity": "碳纤维"}, "id",
         ["inst_jcf", "prog_cf", "alli_cf", "ind_new_materials"]),
        ("anchors_of_industry", {"industry": "碳纤维"}, "id", ["inst_jcf"]),
        ("anchors_of_industry", {"industry": "新材料产业"}, "id", ["inst_jcf", "inst_jlu"]),
        ("industries_of_institution", {"institution": "吉林化纤"}, "parent", ["新材料"]),
        ("platforms_of_institution", {"institution": "Jilin Chemical Fiber Group"}, "id", ["plat_cf_lab"]),
        ("alliances_of_industry", {"industry": "New materials"}, "leaders", [["吉林化纤集团有限责任公司"]]),
        ("zones_in_region", {"region": "吉林"}, "id", ["zone_cc_hitech"]),
        ("programmes_supporting", {"entity": "碳纤维产业"}, "id", ["prog_cf"]),
        ("targets", {"metric": "r&d expenditure"}, "year", [2015, 2025]),
        ("targets", {"metric": "GDP比重"}, "value", [1.2, 2.5]),
        ("industry_focus_by_year", {"industry": "新材料"}, "year", [2014]),
        ("documents_mentioning", {"entity": "吉林化纤"}, "file", ["d2014.txt", "d2016.txt"]),
        ("evidence", {"source": "碳纤维", "target": "吉林化纤"}, "relation",
         ["ANCHORS", "ANCHORS", "CO_MENTIONED", "CO_MENTIONED"]),
        ("evidence", {"source": "碳纤维", "target": "吉林化纤"}, "direction", ["in"] * 4),
        ("shortest_path", {"source": "长春高新区", "target": "吉林省"}, "id",
         ["zone_cc_hitech", "reg_changchun", "reg_jilin"]),
        ("shortest_path", {"source": "长春高新区", "target": "吉林省", "max_hops": 1}, "id", []),
        ("top_institutions", {"limit": 2}, "id", ["inst_jlu", "inst_jcf"]),
        ("co_mentioned", {"entity": "吉林化纤"}, "id", ["ind_carbon_fiber"]),
        ("instruments_by_industry", {}, "id", ["ind_carbon_fiber", "ind_new_materials"]),
        ("instruments_by_industry", {"side": "environment"}, "id", []),
        ("instruments_by_year", {}, "instrument", ["TechnicalSupport", "Infrastructure", "Tax"]),
        ("instruments_by_year", {"industry": "新材料"}, "year", [2014]),
        ("instruments_by_year", {"from_year": 2015}, "year", [2016, 2016]),
        ("instrument_sentences", {"instrument": "Tax"}, "entities", [["吉林化纤集团有限责任公司"]]),
        ("instrument_sentences", {"instrument": "TechnicalSupport", "industry": "New materials"}, "sentence",
         ["d2014.s0000"]),
        ("instrument_sentences", {"instrument": "TechnicalSupport", "year": 2016}, "sentence", []),
        ("bridging_institutions", {"limit": 5}, "id", ["inst_jcf", "inst_jlu"]),
        ("attention_share_by_year", {}, "share", [1.0, 0.0]),
        ("attention_share_by_year", {"label": "Technology"}, "id", [None, None]),
        ("document_entities", {"document": "d2014.txt"}, "id", ["ind_carbon_fiber", "inst_jcf"]),
        ("document_instruments", {"document": "d2016"}, "instrument", ["Infrastructure", "Tax"]),
    ],
)
def test_library_query_on_small_graph(small, name, params, column, expected):
    rows = run_named(small, name, params).rows
    _check_shape(name, rows)
    assert [row[column] for row in rows] == expected


def test_library_neighbours_ranked_by_weight_with_direction(small):
    rows = run_named(small, "neighbours", {"entity": "吉林化纤"}).rows
    assert _by_weight(rows)
    first = rows[0]
    assert (first["id"], first["relation"], first["direction"], first["evidence_count"]) == (
        "ind_carbon_fiber", "ANCHORS", "out", 2)
    assert {(r["id"], r["direction"]) for r in rows} >= {("plat_cf_lab", "in"), ("inst_jl_gov", "in")}


def test_library_shortest_path_names_each_step(small):
    rows = run_named(small, "shortest_path", {"source": "吉林化纤", "target": "新材料"}).rows
    assert [(r["step"], r["relation"]) for r in rows] == [(0, "ANCHORS"), (1, "SUBINDUSTRY_OF"), (2, None)]


# --- the bundled corpus: real answers ------------------------------------------------------------

@pytest.fixture(scope="module")
def corpus(built):
    with EmbeddedStore.open(built.build_dir) as store:
        yield store


def test_library_anchors_of_carbon_fibre_is_jilin_chemical_fiber(corpus):
    rows = run_named(corpus, "anchors_of_industry", {"industry": "碳纤维"}).rows
    assert rows[0]["id"] == "inst_jcf" and rows[0]["name_en"] == "Jilin Chemical Fiber Group"
    assert rows[0]["evidence_count"] >= 1
    evidence = run_named(corpus, "evidence", {"source": "inst_jcf", "target": "碳纤维"}).rows
    assert any(r["relation"] == "ANCHORS" and "吉林化纤" in r["text"] for r in evidence)


def test_library_targets_rd_share_in_year_order(corpus):
    rows = run_named(corpus, "targets", {"metric": "R&D"}).rows
    share = [r for r in rows if r["metric"] == "R&D经费占GDP比重"]
    years = [r["year"] for r in share]
    assert years == sorted(years)
    assert [y for y in years if y in {2015, 2017, 2025, 2035}] == [2015, 2017, 2025, 2035]
    assert all(r["unit"] == "%" and r["value"] > 0 and r["document"] for r in share)


@pytest.mark.parametrize("name", sorted(CATALOG))
def test_library_example_answers_on_corpus(corpus, name):
    params = {p.name: p.example for p in CATALOG[name].parameters}
    result = run_named(corpus, name, params)
    assert result.rows, f"{name}{params} found nothing"
    _check_shape(name, result.rows)
    if "weight" in result.columns and name != "evidence":
        assert _by_weight(result.rows)


def test_library_entity_resolves_alias_and_english_on_corpus(corpus):
    for name in ("一汽", "China FAW Group", "中国第一汽车集团有限公司", "inst_faw"):
        rows = run_named(corpus, "entity", {"name": name}).rows
        assert rows and rows[0]["id"] == "inst_faw", name


def test_library_industry_focus_counts_documents_by_year(corpus):
    rows = run_named(corpus, "industry_focus_by_year", {"industry": "汽车"}).rows
    assert [r["year"] for r in rows] == sorted({r["year"] for r in rows})
    assert all(r["mentions"] >= r["documents"] >= 1 for r in rows)



def test_library_instruments_for_automotive_from_2011_to_2021(corpus):
    params = {"industry": "汽车", "from_year": 2011, "to_year": 2021}
    rows = run_named(corpus, "instruments_by_year", params).rows
    assert len({r["year"] for r in rows}) >= 3 and all(2011 <= r["year"] <= 2021 for r in rows)
    cell = max(rows, key=lambda r: (r["sentences"], r["year"]))
    sentences = run_named(corpus, "instrument_sentences",
                          {"instrument": cell["instrument"], "industry": "汽车", "year": cell["year"]}).rows
    assert len({s["sentence"] for s in sentences}) == cell["sentences"]
    assert all(s["year"] == cell["year"] for s in sentences)


def test_library_instrument_industry_cell_is_its_sentences(corpus):
    cell = run_named(corpus, "instruments_by_industry", {}).rows[0]
    params = {"instrument": cell["instrument"], "industry": cell["id"]}
    sentences = run_named(corpus, "instrument_sentences", params).rows
    assert len(sentences) == cell["sentences"] and len({s["document"] for s in sentences}) == cell["documents"]
    assert all(s["cues"] and s["text"] for s in sentences)


def test_library_bridging_institutions_on_corpus(corpus):
    rows = run_named(corpus, "bridging_institutions", {"limit": 5}).rows
    assert len(rows) == 5 and [r["betweenness"] for r in rows] == sorted((r["betweenness"] for r in rows), reverse=True)
    assert all(r["community"] is not None and r["pagerank"] > 0 for r in rows)

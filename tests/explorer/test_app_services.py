"""The explorer's services over the real embedded store built from the bundled corpus."""

from __future__ import annotations

import io
import zipfile

import pytest

from explorer.graphviz import remote_references, render_html
from explorer.markup import annotate, highlight, name_spans
from explorer.services import (
    documents,
    entities,
    exports,
    industry,
    neighbourhood,
    overview,
    relations,
    results,
    trends,
)
from explorer.services.dialect import dialect_for, rel_pattern
from explorer.services.documents import MentionSpan, outermost
from queries.catalog import run_named
from queries.store import open_store


@pytest.fixture(scope="module")
def store(built):
    """The built graph, opened read-only."""
    opened = open_store(built.build_dir)
    yield opened
    opened.close()


@pytest.fixture(scope="module")
def all_entities(store):
    return entities.load_entities(store)


@pytest.fixture(scope="module")
def index(all_entities):
    return {e.id: e for e in all_entities}


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("吉林大学", "inst_jlu"),
        ("吉大", "inst_jlu"),
        ("jilin university", "inst_jlu"),
        ("ＪＩＬＩＮ　Ｕｎｉｖｅｒｓｉｔｙ", "inst_jlu"),
        ("一汽", "inst_faw"),
        ("中国第一汽车集团", "inst_faw"),
        ("inst_faw", "inst_faw"),
    ],
)
def test_app_search_finds_by_name_alias_english_or_part(all_entities, typed: str, expected: str) -> None:
    assert entities.search(all_entities, typed)[0].id == expected


def test_app_search_ranks_exact_before_partial_and_handles_nothing(all_entities) -> None:
    hits = entities.search(all_entities, "吉林")
    assert hits and all("吉" in " ".join(h.names) for h in hits)
    assert entities.search(all_entities, "   ") == []
    assert entities.search(all_entities, "完全不存在的名字") == []
    assert entities.resolve(all_entities, "吉大").id == "inst_jlu"
    assert entities.resolve(all_entities, "吉") is None


def test_app_counts_match_the_graph_file(store, built) -> None:
    assert overview.label_counts(store) == {k: built.graph.label_counts().get(k, 0)
                                            for k in overview.label_counts(store)}
    assert overview.type_counts(store) == {k: built.graph.type_counts().get(k, 0)
                                           for k in overview.type_counts(store)}


def test_app_neighbourhood_respects_cap_labels_and_types(store, index) -> None:
    full = neighbourhood.neighbourhood(store, index, ["inst_jlu"], depth=2, cap=500)
    capped = neighbourhood.neighbourhood(store, index, ["inst_jlu"], depth=2, cap=8)
    assert len(capped.nodes) == 8 and capped.hidden == len(full.nodes) - 8
    only = neighbourhood.neighbourhood(store, index, ["inst_jlu"], labels=["Industry"], types=["ANCHORS"])
    assert {n.label for n in only.nodes if not n.centre} <= {"Industry"}
    assert {e.type for e in only.edges} <= {"ANCHORS"}
    kept = {n.id for n in full.nodes}
    assert all(e.source in kept and e.target in kept for e in full.edges)


def test_app_relations_carry_evidence_from_their_documents(store, built) -> None:
    found = relations.relations_of(store, "inst_jlu")
    assert found
    texts = {n.id: n.properties["text"] for n in built.graph.nodes if n.label == "Document"}
    for relation in found:
        for evidence in relation.evidence:
            assert evidence.text in texts[evidence.document_id]


def test_app_relations_fetch_only_the_evidence_asked_for(store) -> None:
    every = relations.relations_of(store, "inst_jlu")
    first = relations.relations_of(store, "inst_jlu", evidence_limit=1)
    assert any(len(r.evidence) > 1 for r in every)
    assert [r.evidence[:1] for r in every] == [r.evidence for r in first]
    assert [r.evidence_count for r in first] == [len(r.evidence) for r in every]


def test_app_document_mentions_point_at_entity_names(store, index) -> None:
    docs = documents.list_documents(store)
    assert [d.year for d in docs] == sorted(d.year or 0 for d in docs)
    text = documents.document_text(store, docs[0].id)
    spans = outermost(documents.document_mentions(store, docs[0].id))
    assert spans
    gazetteer_hits = [s for s in spans if s.entity == "inst_jlu"]
    assert all(text[s.start:s.end] in index["inst_jlu"].names or "吉林大学" in text[s.start:s.end]
               for s in gazetteer_hits)
    assert all(a.end <= b.start for a, b in zip(spans, spans[1:], strict=False))
    assert documents.document_text(store, "no_such_document") is None


def test_app_anchor_matrix_and_ecosystem(store, index) -> None:
    docs = documents.list_documents(store)
    cells = industry.anchor_matrix(store, docs)
    assert cells and all(c.sentences >= 1 and c.documents >= 1 and c.years for c in cells)
    counts = industry.anchor_counts(index.values(), cells)
    assert set(counts) == {e.id for e in index.values() if e.label == "Industry"}
    ids = industry.descendants(store, "ind_automotive")
    assert ids[0] == "ind_automotive"
    members, graph = industry.ecosystem(store, index, ids)
    assert "inst_faw" in {m.entity for m in members}
    assert "ind_automotive" in {n.id for n in graph.nodes}


def test_app_targets_and_focus(store) -> None:
    points = trends.targets(store)
    assert any("R&D" in p.metric or "研发" in p.metric for p in points)
    focus = trends.industry_focus(store, documents.list_documents(store))
    assert focus and all(p.mentions > 0 for p in focus)


def test_app_result_graph_of_library_queries(store, index) -> None:
    path = run_named(store, "shortest_path", {"source": "吉林大学", "target": "中国第一汽车集团有限公司"})
    graph = results.result_graph(path, index)
    if path.rows:
        assert len(graph.edges) == len(path.rows) - 1
    neighbours = run_named(store, "neighbours", {"entity": "inst_jlu"})
    star = results.result_graph(neighbours, index, ["inst_jlu"])
    assert star is not None and all("inst_jlu" in (e.source, e.target) for e in star.edges)
    assert results.to_csv(neighbours).decode("utf-8-sig").splitlines()[0] == ",".join(neighbours.columns)
    nodes = store.query("MATCH (n:Institution) RETURN n LIMIT 3")
    assert len(results.result_graph(nodes, index).nodes) == 3


def test_app_graph_html_is_standalone_and_offline(store, index) -> None:
    graph = neighbourhood.neighbourhood(store, index, ["inst_faw"], depth=2)
    page = render_html(graph, "en", title="FAW")
    assert remote_references(page) == []
    assert "China FAW Group" in page and "vis.Network" in page
    assert remote_references('<script src="https://cdn.example/x.js"></script>') != []
    assert remote_references('<link rel="stylesheet" href="//cdn.example/x.css">') != []


@pytest.mark.parametrize(
    ("text", "names", "expected"),
    [
        ("吉林大学汽车工程研究院依托吉林大学", ["吉林大学", "吉林大学汽车工程研究院"], [(0, 11), (13, 17)]),
        ("一汽与吉大合作", ["一汽", "吉大", ""], [(0, 2), (3, 5)]),
        ("没有名字", ["吉林大学"], []),
    ],
)
def test_app_name_spans_prefer_longest(text: str, names: list[str], expected: list[tuple[int, int]]) -> None:
    assert name_spans(text, names) == expected


def test_app_markup_escapes_and_links() -> None:
    assert highlight("<b>吉大</b>", ["吉大"]) == "&lt;b&gt;<mark>吉大</mark>&lt;/b&gt;"
    spans = outermost([MentionSpan(0, 4, "inst_jlu", "Institution"), MentionSpan(0, 11, "plat_x", "Platform"),
                       MentionSpan(13, 17, "inst_jlu", "Institution")])
    assert [(s.start, s.end) for s in spans] == [(0, 11), (13, 17)]
    html = annotate("吉林大学汽车工程研究院依托吉林大学", spans, lambda s: (f"entity?entity={s.entity}", "e", s.label))
    assert html.count("<a ") == 2 and 'href="entity?entity=plat_x"' in html


def test_app_dialects_and_checked_patterns() -> None:
    assert dialect_for("embedded").rel_type("r") == "label(r)"
    assert dialect_for("neo4j").rel_type("r") == "type(r)"
    assert dialect_for("neo4j").node_label("n") == "labels(n)[0]"
    assert rel_pattern(["LEADS", "ANCHORS"]) == "ANCHORS|LEADS"
    injection = ["ANCHORS]->() DETACH DELETE (n"]
    for bad in (lambda: rel_pattern(injection), lambda: dialect_for("sqlite"), lambda: rel_pattern([])):
        with pytest.raises(ValueError):
            bad()


@pytest.mark.parametrize("kind", exports.EXPORTS, ids=lambda k: k.format.value)
def test_app_exports_give_whole_files(built, kind) -> None:
    payload = exports.export_bytes(built.graph_path, kind)
    if kind.file_name.endswith(".zip"):
        with zipfile.ZipFile(io.BytesIO(payload)) as archive:
            names = archive.namelist()
        assert any(n.endswith("nodes_Institution.csv") for n in names)
    else:
        assert "inst_jlu" in payload.decode("utf-8")

"""Shares of attention, what is new in a document and documents side by side: exact answers on the hand-made
graph, and on the bundled corpus answers that agree with the graph file and with each other."""

from __future__ import annotations

from collections import defaultdict

import pytest

from explorer.services import compare, documents, trends
from explorer.services.models import DocumentInfo
from jig.core.schema import ENTITY_LABELS, Label, RelType
from queries.embedded import EmbeddedStore
from queries.store import open_store
from tests.sample_graphs import small_graph


@pytest.fixture(scope="module")
def small(tmp_path_factory: pytest.TempPathFactory):
    build_dir = tmp_path_factory.mktemp("small_compare")
    EmbeddedStore.build(small_graph(), build_dir)
    with EmbeddedStore.open(build_dir) as store:
        yield store


@pytest.fixture(scope="module")
def corpus(built):
    opened = open_store(built.build_dir)
    yield opened
    opened.close()


def _ids(items) -> list[str]:
    return [item.id for item in items]


def test_compare_attention_share_on_small_graph(small) -> None:
    industry = trends.attention_share(small, "Industry")
    assert industry.totals == {2014: 1, 2016: 1}  # each year has one sentence naming an entity
    assert [(p.entity, p.year, p.sentences, p.total, p.share) for p in industry.points] == [
        ("ind_carbon_fiber", 2014, 1, 1, 1.0)]
    assert industry.share("ind_carbon_fiber", 2016) == 0.0 and industry.ranked() == ["ind_carbon_fiber"]
    technology = trends.attention_share(small, "Technology")
    assert technology.totals == {2014: 1, 2016: 1} and technology.points == ()
    with pytest.raises(ValueError, match="Institution"):
        trends.attention_share(small, "Institution")


def test_compare_whats_new_on_small_graph(small) -> None:
    docs = documents.list_documents(small)
    first = compare.whats_new(small, docs, "d2014")
    assert first.earlier == 0 and first.metrics == ()
    assert _ids(first.entities) == ["inst_jcf", "ind_carbon_fiber"]  # ontology order: institutions first
    assert _ids(first.instruments) == ["TechnicalSupport"]
    second = compare.whats_new(small, docs, "d2016")
    assert second.earlier == 1 and second.entities == ()  # 吉林化纤 was named in 2014 already
    assert [(m.id, m.name_en, m.sentences) for m in second.metrics] == [
        ("R&D经费占GDP比重", "R&D expenditure as share of GDP", 1)]
    assert _ids(second.instruments) == ["Infrastructure", "Tax"]


def test_compare_profiles_side_by_side_on_small_graph(small) -> None:
    docs = {d.id: d for d in documents.list_documents(small)}
    targets = trends.targets(small)
    a, b = (compare.profile(small, docs[i], targets) for i in ("d2014", "d2016"))
    assert a.label_counts() == {label.value: int(label in (Label.INSTITUTION, Label.INDUSTRY))
                                for label in ENTITY_LABELS}
    assert [t.year for t in b.targets] == [2015, 2025] and a.targets == ()
    assert [(i.id, i.sentences) for i in b.instruments] == [("Infrastructure", 1), ("Tax", 1)]
    both = compare.compare(a, b)
    assert (_ids(both.shared), _ids(both.only_a), _ids(both.only_b)) == (["inst_jcf"], ["ind_carbon_fiber"], [])
    assert both.sentences("inst_jcf") == (1, 1) and both.sentences("ind_carbon_fiber") == (1, 0)
    assert both.instrument_kinds() == ("Infrastructure", "TechnicalSupport", "Tax")


def _doc(doc_id: str, year: int | None, date: str) -> DocumentInfo:
    return DocumentInfo(doc_id, f"{doc_id}.txt", doc_id, "", date, year, "")


def test_compare_earlier_is_year_then_date_undated_first_then_id() -> None:
    docs = [_doc("c", 2016, "2016-05-01"), _doc("a", 2016, "2016-05-01"), _doc("z", 2016, ""),
            _doc("y", 2014, "2014-12-31"), _doc("n", None, "")]
    assert _ids(compare.earlier_documents(docs, "c")) == ["n", "y", "z", "a"]
    assert _ids(compare.earlier_documents(docs, "n")) == [] and compare.earlier_documents(docs, "nope") == []


def _sentence_years(graph) -> dict[str, int]:
    years = {n.id: n.properties.get("year") for n in graph.nodes_with(Label.DOCUMENT)}
    return {n.id: years[n.properties["document"]] for n in graph.nodes_with(Label.SENTENCE)}


@pytest.mark.parametrize("label", ["Industry", "Technology"])
def test_compare_attention_share_of_the_corpus_is_that_of_the_graph_file(corpus, built, label: str) -> None:
    year_of = _sentence_years(built.graph)
    entity_labels = {label.value for label in ENTITY_LABELS}
    naming: dict[int, set[str]] = defaultdict(set)
    per_entity: dict[tuple[str, int], set[str]] = defaultdict(set)
    for rel in built.graph.relationships:
        year = year_of.get(rel.source)
        if rel.type != RelType.MENTIONS or year is None or rel.target_label not in entity_labels:
            continue
        naming[year].add(rel.source)
        if rel.target_label == label:
            per_entity[(rel.target, year)].add(rel.source)
    attention = trends.attention_share(corpus, label)
    assert attention.totals == {year: len(s) for year, s in naming.items()}
    assert {(p.entity, p.year): p.sentences for p in attention.points} == {k: len(s) for k, s in per_entity.items()}
    assert all(p.share == pytest.approx(p.sentences / attention.totals[p.year]) for p in attention.points)


def test_compare_whats_new_of_every_corpus_document_is_what_no_earlier_one_has(corpus) -> None:
    docs = documents.list_documents(corpus)
    targets = trends.targets(corpus)
    profiles = [compare.profile(corpus, d, targets) for d in docs]
    seen_entities: set[str] = set()
    seen_metrics: set[str] = set()
    seen_instruments: set[str] = set()
    found_new = 0
    for position, profile in enumerate(profiles):
        novelty = compare.whats_new(corpus, docs, profile.document.id)
        assert novelty.earlier == position
        entities = {e.id for e in profile.entities}
        metrics = {t.metric for t in profile.targets}
        instruments = {i.id for i in profile.instruments}
        assert set(_ids(novelty.entities)) == entities - seen_entities, profile.document.id
        assert set(_ids(novelty.metrics)) == metrics - seen_metrics, profile.document.id
        assert set(_ids(novelty.instruments)) == instruments - seen_instruments, profile.document.id
        found_new += len(novelty.entities) if position else 0
        seen_entities |= entities
        seen_metrics |= metrics
        seen_instruments |= instruments
    assert found_new > 0


def test_compare_two_corpus_documents_partition_their_entities(corpus) -> None:
    docs = {d.id: d for d in documents.list_documents(corpus)}
    targets = trends.targets(corpus)
    a, b = (compare.profile(corpus, docs[i], targets) for i in ("003_cfe322f93ce14a7f", "001_49b82304a1133bd7"))
    both = compare.compare(a, b)
    assert both.shared and both.only_a and both.only_b
    assert {*_ids(both.shared), *_ids(both.only_a)} == set(_ids(a.entities))
    assert {*_ids(both.shared), *_ids(both.only_b)} == set(_ids(b.entities))
    assert sum(a.label_counts().values()) == len(a.entities)
    assert all(t.document == a.document.id for t in a.targets) and a.targets
    assert all(min(both.sentences(e.id)) >= 1 for e in both.shared)

"""AppTest of the Compare page and of the Trends page's shares of attention, against the bundled corpus."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from explorer.i18n import label_name
from explorer.services import compare, documents, trends
from queries.store import open_store

APP = Path(__file__).resolve().parents[2] / "app.py"
A, B = "003_cfe322f93ce14a7f", "001_49b82304a1133bd7"


@pytest.fixture(scope="module")
def corpus(built):
    opened = open_store(built.build_dir)
    yield opened
    opened.close()


@pytest.fixture
def open_page(built, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("JIG_BUILD_DIR", str(built.build_dir))
    monkeypatch.delenv("NEO4J_URI", raising=False)

    def open_(page: str, **query: str) -> AppTest:
        at = AppTest.from_file(str(APP), default_timeout=60).run()
        at.switch_page(f"explorer/pages/{page}.py")
        at.query_params.update(query)
        return at.run()

    return open_


def _clean(at: AppTest) -> None:
    assert not at.exception, [e.value for e in at.exception]
    assert not at.error, [e.value for e in at.error]


def _comparison(corpus, a: str, b: str) -> compare.Comparison:
    docs = {d.id: d for d in documents.list_documents(corpus)}
    targets = trends.targets(corpus)
    return compare.compare(compare.profile(corpus, docs[a], targets), compare.profile(corpus, docs[b], targets))


def test_app_compare_two_documents_side_by_side(open_page, corpus) -> None:
    at = open_page("compare", a=A, b=B)
    _clean(at)
    assert at.title[0].value == "文件对比"
    assert (at.selectbox(key="compare_a").value, at.selectbox(key="compare_b").value) == (A, B)
    expected = _comparison(corpus, A, B)
    labels = [tab.label for tab in at.tabs]
    assert labels[:3] == [f"两者共有（{len(expected.shared)}）", f"仅在 A 中（{len(expected.only_a)}）",
                          f"仅在 B 中（{len(expected.only_b)}）"]
    tables = [m.value for m in at.markdown if "jig-compare\"" in m.value]
    shared = tables[0]
    assert shared.count("<tr>") == len(expected.shared) + 1
    assert all(f"entity?entity={e.id}" in shared for e in expected.shared)
    meta = [m.value for m in at.markdown if "jig-compare-meta" in m.value]
    assert len(meta) == 2 and f"documents?doc={A}" in meta[0] and f"documents?doc={B}" in meta[1]
    counts = at.dataframe[0].value
    assert list(counts["A"]) == list(expected.a.label_counts().values())
    assert list(counts["B"]) == list(expected.b.label_counts().values())
    assert at.get("vega_lite_chart"), "no instrument chart"
    assert any(len(frame.value) == len(expected.a.targets) for frame in at.dataframe)


def test_app_compare_picking_another_document_updates_the_view(open_page, corpus) -> None:
    at = open_page("compare", a=A, b=B)
    at.selectbox(key="compare_b").set_value(A).run()
    _clean(at)
    assert any("同一份文件" in i.value for i in at.info)
    other = documents.list_documents(corpus)[0].id
    at.selectbox(key="compare_b").set_value(other).run()
    _clean(at)
    assert at.query_params["b"] == other
    expected = _comparison(corpus, A, other)
    assert f"仅在 B 中（{len(expected.only_b)}）" in [tab.label for tab in at.tabs]


def test_app_compare_whats_new_in_a_document(open_page, corpus) -> None:
    docs = documents.list_documents(corpus)
    novelty = compare.whats_new(corpus, docs, A)
    at = open_page("compare", a=B, b=A)
    _clean(at)
    assert at.selectbox(key="compare_new").value == A  # document B by default
    bold = [m.value for m in at.markdown]
    assert f"**新实体（{len(novelty.entities)}）**" in bold
    assert f"**新的目标指标（{len(novelty.metrics)}）**" in bold
    assert f"**新的政策工具类型（{len(novelty.instruments)}）**" in bold
    assert any(f"之前有 {novelty.earlier} 份文件" in c.value for c in at.caption)
    groups = compare.grouped(novelty.entities)
    assert groups and [tab.label for tab in at.tabs][-len(groups):] == [
        f"{label_name(label, 'zh')} ({len(found)})" for label, found in groups.items()]
    at.selectbox(key="compare_new").set_value(docs[0].id).run()
    _clean(at)
    assert any("最早的文件" in i.value for i in at.info)


def test_app_compare_in_english(open_page) -> None:
    at = open_page("compare", a=A, b=B)
    at.sidebar.radio(key="lang").set_value("en").run()
    _clean(at)
    assert at.title[0].value == "Compare documents"
    assert {"Entities by type", "Entities compared", "What is new: in no earlier document"} <= {
        h.value for h in at.subheader}
    assert [tab.label.split(" (")[0] for tab in at.tabs][:3] == ["In both", "Only in A", "Only in B"]


def test_app_trends_share_of_attention_switches_to_technology(open_page, corpus) -> None:
    at = open_page("trends")
    _clean(at)
    assert "各年份的关注份额" in {h.value for h in at.subheader}
    industry = at.dataframe[-1].value
    expected = trends.attention_share(corpus, "Industry")
    assert industry.index.name == "产业" and list(industry.columns) == [str(y) for y in sorted(expected.totals)]
    assert len(industry) == len(expected.ranked())
    at.radio(key="trends_share_label").set_value("Technology").run()
    _clean(at)
    technology = at.dataframe[-1].value
    shares = trends.attention_share(corpus, "Technology")
    top = shares.ranked()[0]
    year = max(shares.totals, key=lambda y: shares.share(top, y))
    assert technology.index.name == "技术"
    assert technology.iloc[0][str(year)] == pytest.approx(round(100 * shares.share(top, year), 1))
    assert any("提及任一实体的句子数" in c.value for c in at.caption)


def test_app_trends_share_of_attention_in_english(open_page) -> None:
    at = open_page("trends")
    at.sidebar.radio(key="lang").set_value("en").run()
    _clean(at)
    assert "Share of attention by document year" in {h.value for h in at.subheader}
    assert at.dataframe[-1].value.index.name == "Industry"
    assert any("naming any entity" in c.value for c in at.caption)

"""Names, titles and evidence holding markup are shown as text everywhere they reach the page.

Two builds: a tiny corpus whose document text, title and issuer hold `<script>`, `<img onerror>`,
quotes and `&`, run through the real pipeline; and a hand-made graph whose entity names, aliases and
kinds hold them (the pipeline never recognises such names, but a store may hold them). Every page that
shows them is run with AppTest; HTML (reader, evidence tables, graph pages) must carry the markup
escaped, Markdown must carry it backslash-escaped, and the graph's data must round-trip as plain text.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from explorer.graphviz import render_html
from explorer.markup import annotate, highlight, markdown_text, mark
from explorer.services.documents import MentionSpan
from explorer.services.models import GraphEdge, GraphNode, Subgraph
from jig.core.graph import KnowledgeGraph, Node, write_jsonl
from jig.core.schema import Label
from queries.embedded import EmbeddedStore
from tests.explorer.test_app_pages import APP, _graph_nodes
from tests.sample_graphs import small_graph

IMG = "<img src=x onerror=alert(1)>大学"
SCRIPT = "<script>alert(1)</script>研究院"
QUOTED = "\"引号\"与'单引号'&符号 & Co"
BOLD_ALIAS = "<b>吉大</b>"
KIND = "<i>University</i>"
TITLE = "<script>alert('t')</script>吉林省 & \"科技\" 意见"
#: Raw markup that must never reach a page unescaped.
RAW = ("<img src=x", "<script>alert", "<b>吉大", "<i>University")
_UNESCAPED = re.compile(r"(?<!\\)<(?:img|script|b>|i>)")

DOCUMENT = f"""吉林省关于{SCRIPT}推进科技创新的实施意见
吉政发〔2020〕1号
依托吉林大学建设汽车仿真与控制国家重点实验室。
支持{IMG}与中国第一汽车集团有限公司共建汽车产业创新联盟。
{QUOTED}科技有限公司支持新能源汽车产业发展，吉林大学与长春应用化学研究所合作建设碳纤维工程研究中心。
吉林省人民政府
2020年1月1日
"""
ISSUER = "<img src=x onerror=alert(2)>吉林省人民政府"
MANIFEST = "\n".join(["documents:", "  001_evil.txt:",
                      f"    title: {{value: {json.dumps(TITLE, ensure_ascii=False)}, source: manual}}",
                      f"    issuer: {{value: {json.dumps(ISSUER, ensure_ascii=False)}, source: manual}}", ""])


def _assert_html_escaped(page: str) -> None:
    for raw in RAW:
        assert raw not in page, raw


def _assert_markdown_escaped(at: AppTest) -> None:
    """No element shows raw markup: HTML elements escape it, Markdown ones backslash-escape it."""
    kinds = ("title", "header", "subheader", "markdown", "caption", "info", "warning", "error")
    for element in (e for kind in kinds for e in at.get(kind)):
        value = str(element.value)
        if getattr(element.proto, "allow_html", False):
            _assert_html_escaped(value)
        else:
            assert not _UNESCAPED.search(value), value


def _assert_clean(at: AppTest) -> None:
    assert not at.exception, [e.value for e in at.exception]
    assert not at.error, [e.value for e in at.error]
    _assert_markdown_escaped(at)
    for frame in at.get("iframe"):
        _assert_html_escaped(frame.proto.srcdoc)


@pytest.fixture(scope="module")
def corpus_build(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The one-document hostile corpus through the whole pipeline."""
    from ingest.build import build

    corpus = tmp_path_factory.mktemp("evil_corpus")
    (corpus / "001_evil.txt").write_text(DOCUMENT, encoding="utf-8")
    (corpus / "manifest.yaml").write_text(MANIFEST, encoding="utf-8")
    out = tmp_path_factory.mktemp("evil_build")
    build(corpus, out)
    return out


def _hostile_graph() -> KnowledgeGraph:
    graph = small_graph()
    changes = {
        "inst_jlu": {"name": IMG, "name_en": SCRIPT, "aliases": [BOLD_ALIAS], "kind": KIND},
        "plat_cf_lab": {"name": SCRIPT, "name_en": QUOTED},
        "d2016": {"title": TITLE, "text": f"依托吉林化纤建设中心。{IMG}"},
        "d2016.s0001": {"text": f"依托吉林化纤建设中心。{IMG}"},
    }
    graph.nodes = [Node(n.id, n.label, {**n.properties, **changes.get(n.id, {})}) for n in graph.nodes]
    return graph


@pytest.fixture(scope="module")
def names_build(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A store (and graph.jsonl) whose entity names, aliases, kinds and evidence hold markup."""
    out = tmp_path_factory.mktemp("evil_names")
    graph = _hostile_graph()
    EmbeddedStore.build(graph, out)
    write_jsonl(graph, out / "graph.jsonl")
    return out


def _open(build_dir: Path, monkeypatch: pytest.MonkeyPatch, page: str, **query: str) -> AppTest:
    monkeypatch.setenv("JIG_BUILD_DIR", str(build_dir))
    monkeypatch.delenv("NEO4J_URI", raising=False)
    at = AppTest.from_file(str(APP), default_timeout=60).run()
    at.switch_page(f"explorer/pages/{page}.py")
    at.query_params.update(query)
    return at.run()


# --- the boundary helpers ------------------------------------------------------------------------

def test_markup_helpers_escape_text_and_names() -> None:
    text = f"依托{IMG}与{SCRIPT}合作，{QUOTED}。"
    for html_text in (highlight(text, [IMG, SCRIPT, QUOTED]), mark(text, [(2, 5)]),
                      annotate(text, [MentionSpan(2, 5, "inst_x", "Institution")],
                               lambda span: ('entity?entity="><script>', "ent", f'{SCRIPT}" onmouseover="x'))):
        _assert_html_escaped(html_text)
        assert 'onmouseover="x' not in html_text and '"><script>' not in html_text
    assert "<mark>&lt;img src=x onerror=alert(1)&gt;大学</mark>" in highlight(text, [IMG])
    assert "&quot;引号&quot;与&#x27;单引号&#x27;&amp;符号" in highlight(text, [])
    assert not _UNESCAPED.search(markdown_text(f"{IMG} {SCRIPT} [x](javascript:alert(1)) ![i](http://x/i.png)"))


def test_graph_page_keeps_names_as_data_and_tooltips_as_text() -> None:
    nodes = (GraphNode("inst_x", Label.INSTITUTION.value, IMG, SCRIPT, KIND, 0.5, True),
             GraphNode("plat_x", Label.PLATFORM.value, SCRIPT, QUOTED, "Lab", 0.1))
    graph = Subgraph(nodes, (GraphEdge("plat_x", "inst_x", "HOSTED_BY", 2.0),))
    for lang in ("zh", "en"):
        page = render_html(graph, lang, title=f"{IMG}{SCRIPT}")
        _assert_html_escaped(page)
        assert "</script>研究院" not in page
        drawn = json.loads(re.search(r"var nodes = new vis\.DataSet\((\[.*?\])\);", page, re.S).group(1))
        assert {n["label"] for n in drawn} == ({IMG, SCRIPT} if lang == "zh" else {SCRIPT, QUOTED})
        assert all(IMG in n["title"] for n in drawn if n["id"] == "inst_x")
        # vis-network draws labels on a canvas and sets a string tooltip with innerText: text, never HTML
        assert "this.frame.innerText=t" in page


# --- the pages, on the hostile builds ------------------------------------------------------------

def test_documents_reader_shows_markup_as_text(corpus_build: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    at = _open(corpus_build, monkeypatch, "documents", doc="001_evil")
    _assert_clean(at)
    body = next(m.value for m in at.markdown if "jig-document" in m.value)
    assert "&lt;script&gt;alert(1)&lt;/script&gt;研究院" in body
    assert "&lt;img src=x onerror=alert(1)&gt;" in body and "&amp;符号" in body
    assert 'class="ent-Institution"' in body
    assert at.subheader[1].value == markdown_text(TITLE)
    assert TITLE in set(at.dataframe[0].value.iloc[:, 0])


def test_evidence_with_markup_is_escaped_on_the_entity_page(corpus_build: Path,
                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    at = _open(corpus_build, monkeypatch, "entity", entity="ind_automotive")
    _assert_clean(at)
    evidence = next(m.value for m in at.markdown if "jig-evidence" in m.value)
    assert "&lt;img src=x onerror=alert(1)&gt;" in evidence
    assert f"[{'&lt;script&gt;'}" in evidence  # the document title in the evidence link


def test_entity_page_with_hostile_names(names_build: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    at = _open(names_build, monkeypatch, "entity", entity="inst_jlu")
    _assert_clean(at)
    assert at.header[0].value == markdown_text(IMG)
    assert {n["label"] for n in _graph_nodes(at)} >= {IMG}
    at.toggle(key="entity_include_co").set_value(True).run()
    _assert_clean(at)
    at.sidebar.radio(key="lang").set_value("en").run()
    _assert_clean(at)
    assert at.header[0].value == markdown_text(SCRIPT)


def test_entity_search_and_unknown_id_echo_input_as_text(names_build: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    at = _open(names_build, monkeypatch, "entity", entity=SCRIPT)
    _assert_clean(at)
    assert any(markdown_text(SCRIPT) in w.value for w in at.warning)
    at.text_input(key="entity_query").input("<img src=x onerror=alert(1)>不存在").run()
    _assert_clean(at)
    at.text_input(key="entity_query").input("吉大").run()
    _assert_clean(at)
    assert at.header[0].value == markdown_text(IMG)


@pytest.mark.parametrize(("page", "query"), [("overview", {}), ("industry", {"industry": "ind_new_materials"}),
                                             ("documents", {"doc": "d2016"}), ("trends", {})])
def test_other_pages_with_hostile_names(names_build: Path, monkeypatch: pytest.MonkeyPatch, page: str,
                                        query: dict[str, str]) -> None:
    at = _open(names_build, monkeypatch, page, **query)
    _assert_clean(at)


def test_gallery_and_console_tables_hold_names_as_text(names_build: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    at = _open(names_build, monkeypatch, "gallery")
    at.selectbox(key="gallery_query").set_value("entity").run()
    at.text_input(key="gallery::entity::name").input(BOLD_ALIAS)
    next(b for b in at.button if b.label == "运行").click().run()
    _assert_clean(at)
    assert at.dataframe[0].value["name"].tolist() == [IMG]
    at = _open(names_build, monkeypatch, "console")
    at.text_area(key="console_cypher").input("MATCH (i) WHERE i.id IN ['inst_jlu', 'plat_cf_lab'] "
                                            "RETURN i.id AS id, i.name AS name, i.name_en AS en ORDER BY id")
    at.button(key="console_run").click().run()
    _assert_clean(at)
    assert at.dataframe[0].value["name"].tolist() == [IMG, SCRIPT]
    at.text_area(key="console_cypher").input(f"RETURN '{IMG}' AS x, y")
    at.button(key="console_run").click().run()
    assert not at.exception
    assert at.error and all(not _UNESCAPED.search(e.value) for e in at.error)

"""AppTest of every explorer page against the graph built from the bundled corpus."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from explorer.graphviz import COMMUNITY_COLOURS, NO_COMMUNITY, remote_references
from explorer.i18n import kind_name
from jig.core.schema import INSTRUMENT_SIDES, Label
from queries.catalog import load_catalog, run_named

APP = Path(__file__).resolve().parents[2] / "app.py"
PAGES = ("overview", "entity", "industry", "instruments", "network", "gallery", "console", "documents", "trends",
         "compare")

Open = Callable[..., AppTest]


@pytest.fixture
def open_page(built, monkeypatch: pytest.MonkeyPatch) -> Open:
    """Open one page of the app against the built graph, with optional query parameters."""
    monkeypatch.setenv("JIG_BUILD_DIR", str(built.build_dir))
    monkeypatch.delenv("NEO4J_URI", raising=False)

    def open_(page: str, **query: str) -> AppTest:
        at = AppTest.from_file(str(APP), default_timeout=60).run()
        at.switch_page(f"explorer/pages/{page}.py")
        at.query_params.update(query)
        return at.run()

    return open_


def _text(at: AppTest) -> str:
    kinds = ("title", "header", "subheader", "markdown", "caption", "info", "warning", "metric")
    parts = []
    for kind in kinds:
        for element in at.get(kind):
            parts.append(str(getattr(element, "value", "")))
            parts.append(str(getattr(element, "label", "")))
    return "\n".join(parts)


def _graph_nodes(at: AppTest, number: int = 0) -> list[dict]:
    page = at.get("iframe")[number].proto.srcdoc
    found = re.search(r"var nodes = new vis\.DataSet\((\[.*?\])\);", page, re.S)
    assert found, "no vis-network nodes in the graph page"
    return json.loads(found.group(1))


def _assert_clean(at: AppTest) -> None:
    assert not at.exception, [e.value for e in at.exception]
    assert not at.error, [e.value for e in at.error]


@pytest.mark.parametrize("page", PAGES)
def test_app_page_renders_without_error(open_page: Open, page: str) -> None:
    at = open_page(page)
    _assert_clean(at)
    assert at.title, f"{page} shows no title"


def test_app_overview_shows_counts_and_top_entities(open_page: Open, built) -> None:
    at = open_page("overview")
    _assert_clean(at)
    text = _text(at)
    institutions = sorted((n.properties for n in built.graph.nodes if n.label == "Institution"),
                          key=lambda p: (-p["centrality"], -p["mentions"], p["id"]))
    assert all(p["name"] in text for p in institutions[:10])
    assert "数据来源" in text
    assert len(at.get("vega_lite_chart")) >= 2
    assert int(at.metric[0].value) == built.graph.label_counts()["Institution"]


def test_app_entity_card_graph_and_evidence_from_query_param(open_page: Open) -> None:
    at = open_page("entity", entity="inst_jlu")
    _assert_clean(at)
    assert at.header[0].value == "吉林大学"
    ids = {n["id"] for n in _graph_nodes(at)}
    assert "inst_jlu" in ids and len(ids) > 1
    evidence = next(m.value for m in at.markdown if "jig-evidence" in m.value)
    assert "<mark>" in evidence and "documents?doc=" in evidence


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("吉大", "吉林大学"),
        ("一汽", "中国第一汽车集团有限公司"),
        ("Jilin University", "吉林大学"),
        ("吉林大", "吉林大学"),
    ],
)
def test_app_entity_search_by_name_alias_or_english(open_page: Open, typed: str, expected: str) -> None:
    at = open_page("entity")
    at.text_input(key="entity_query").input(typed).run()
    _assert_clean(at)
    assert at.header[0].value == expected


def test_app_entity_search_without_match_says_so(open_page: Open) -> None:
    at = open_page("entity")
    at.text_input(key="entity_query").input("不存在的机构名称XYZ").run()
    _assert_clean(at)
    assert any("不存在的机构名称XYZ" in w.value for w in at.warning)


def test_app_entity_recentre_and_add_neighbours(open_page: Open) -> None:
    at = open_page("entity", entity="inst_jlu")
    neighbour = at.selectbox(key="entity_expand_pick").value
    at.button(key="entity_add").click().run()
    _assert_clean(at)
    assert {"inst_jlu", neighbour} <= {n["id"] for n in _graph_nodes(at) if n["shape"] == "star"}
    other = at.selectbox(key="entity_expand_pick").value
    assert other not in {"inst_jlu", neighbour}
    at.button(key="entity_recentre").click().run()
    _assert_clean(at)
    assert at.query_params["entity"] == other
    assert [n["id"] for n in _graph_nodes(at) if n["shape"] == "star"] == [other]


def test_app_entity_node_cap_and_label_filter(open_page: Open) -> None:
    at = open_page("entity", entity="inst_jlu")
    at.radio(key="entity_depth").set_value(2).run()
    at.slider(key="entity_cap").set_value(10).run()
    _assert_clean(at)
    assert len(_graph_nodes(at)) == 10
    assert any("节点上限" in i.value for i in at.info)
    at.multiselect(key="entity_labels").set_value(["Industry"]).run()
    labels = {n["color"] for n in _graph_nodes(at) if n["id"] != "inst_jlu"}
    assert labels <= {"#009E73"}


def test_app_entity_graph_is_offline(open_page: Open) -> None:
    at = open_page("entity", entity="inst_faw")
    page = at.get("iframe")[0].proto.srcdoc
    assert "vis.Network" in page
    assert remote_references(page) == []


def test_app_entity_english_switch(open_page: Open) -> None:
    at = open_page("entity", entity="inst_jlu")
    at.sidebar.radio(key="lang").set_value("en").run()
    _assert_clean(at)
    assert at.header[0].value == "Jilin University"
    assert at.title[0].value == "Entity explorer"


def test_app_entity_unknown_id_is_a_plain_warning(open_page: Open) -> None:
    at = open_page("entity", entity="inst_does_not_exist")
    _assert_clean(at)
    assert any(r"inst\_does\_not\_exist" in w.value for w in at.warning)  # shown as text: Markdown-escaped


def test_app_industry_matrix_flags_and_ecosystem(open_page: Open) -> None:
    at = open_page("industry", industry="ind_automotive")
    _assert_clean(at)
    assert at.get("vega_lite_chart"), "no heatmap"
    assert at.selectbox(key="industry_pick").value == "ind_automotive"
    table = at.dataframe[-1].value
    assert "中国第一汽车集团有限公司" in set(table.iloc[:, 0])
    assert at.get("iframe")


def _instrument_sentences(at: AppTest) -> list[str]:
    return [m.value for m in at.markdown if "jig-instruments" in m.value]


@pytest.fixture
def corpus_store(built):
    from queries.store import open_store

    store = open_store(built.build_dir)
    yield store
    store.close()


def test_app_instruments_crosstab_cell_shows_its_sentences(open_page: Open, corpus_store) -> None:
    at = open_page("instruments")
    _assert_clean(at)
    assert at.title[0].value == "政策工具" and len(at.dataframe) == 2
    table = at.dataframe[0].value
    assert table.index.name == "政策工具" and "合计" in table.columns
    second = run_named(corpus_store, "instruments_by_industry", {}).rows[1]
    at.selectbox(key="instruments_industry_cell").set_value(f"{second['instrument']}|{second['id']}").run()
    _assert_clean(at)
    sentences = _instrument_sentences(at)[0]
    assert sentences.count("<tr>") == second["sentences"] + 1
    assert "<mark>" in sentences and "documents?doc=" in sentences
    assert any(f"{second['sentences']} 个措施句" in m.value for m in at.markdown)


def test_app_instruments_side_filter_keeps_one_side(open_page: Open) -> None:
    at = open_page("instruments")
    at.radio(key="instruments_side").set_value("demand").run()
    _assert_clean(at)
    demand = {kind_name("Instrument", k, "zh") for k, side in INSTRUMENT_SIDES.items() if side == "demand"}
    for key in ("instruments_industry_cell", "instruments_year_cell"):
        shown = {option.split(" × ")[0] for option in at.selectbox(key=key).options}
        assert shown and shown <= demand


def test_app_instruments_by_year_for_an_industry(open_page: Open) -> None:
    at = open_page("instruments", industry="ind_automotive")
    _assert_clean(at)
    assert at.selectbox(key="instruments_year_industry").value == "ind_automotive"
    at.slider(key="instruments_years").set_value((2011, 2021)).run()
    _assert_clean(at)
    years = at.dataframe[1].value.columns[:-1]
    assert len(years) >= 3 and all(2011 <= int(y) <= 2021 for y in years)
    kind, year = at.selectbox(key="instruments_year_cell").value.split("|")
    assert year in years and _instrument_sentences(at)[1].count("<tr>") >= 2


def test_app_instruments_in_english(open_page: Open) -> None:
    at = open_page("instruments")
    at.sidebar.radio(key="lang").set_value("en").run()
    _assert_clean(at)
    assert at.title[0].value == "Policy instruments"
    assert {"Instruments × industries", "Instruments × years"} <= {tab.label for tab in at.tabs}
    assert "sentences" in at.selectbox(key="instruments_industry_cell").options[0]


def test_app_network_bridging_communities_and_graph(open_page: Open, built) -> None:
    at = open_page("network")
    _assert_clean(at)
    institutions = [n for n in built.graph.nodes_with(Label.INSTITUTION) if n.properties.get("betweenness")]
    top = max(institutions, key=lambda n: (n.properties["betweenness"], n.properties["pagerank"]))
    bridging = next(m.value for m in at.markdown if "jig-bridging" in m.value)
    assert bridging.index(f"entity?entity={top.id}") < bridging.index("</tr><tr>", bridging.index("<td>"))
    communities = at.dataframe[0].value
    assert list(communities.iloc[:, 0]) == list(range(len(communities)))
    colours = {n["color"] for n in _graph_nodes(at)}
    assert colours <= set(COMMUNITY_COLOURS) and len(colours) >= 3
    assert "社群 0 · " in at.get("iframe")[0].proto.srcdoc


def test_app_entity_colours_by_community_on_request(open_page: Open) -> None:
    at = open_page("entity", entity="inst_jlu")
    assert any("网络角色" in m.value for m in at.markdown)
    at.toggle(key="entity_colour_community").set_value(True).run()
    _assert_clean(at)
    assert {n["color"] for n in _graph_nodes(at)} <= {*COMMUNITY_COLOURS, NO_COMMUNITY}


def test_app_gallery_runs_every_library_query(open_page: Open) -> None:
    at = open_page("gallery")
    for name in load_catalog():
        at.selectbox(key="gallery_query").set_value(name).run()
        _assert_clean(at)
        assert at.dataframe or at.info, f"{name} shows neither a table nor a note"


def test_app_gallery_neighbours_draws_a_graph(open_page: Open) -> None:
    at = open_page("gallery")
    at.selectbox(key="gallery_query").set_value("neighbours").run()
    at.text_input(key="gallery::neighbours::entity").input("吉林大学")
    next(b for b in at.button if b.label == "运行").click().run()
    _assert_clean(at)
    assert {"inst_jlu"} <= {n["id"] for n in _graph_nodes(at)}
    assert len(at.get("download_button")) >= 2


@pytest.mark.parametrize(
    ("cypher", "expected"),
    [
        ("CREATE (:Institution {id: 'x'})", "只读"),
        ("MATCH (n RETURN n", "数据库无法执行"),
        ("LOAD FROM '/etc/passwd' (file_format='csv') RETURN *", "只读"),
        ("CALL read_csv_serial('/etc/passwd') RETURN *", "只读"),
        ("RETURN 1; // ok\nMATCH (n) DETACH DELETE n", "只读"),
        ("RETURN 1; RETURN 2", "one statement at a time"),
    ],
)
def test_app_console_errors_in_plain_words(open_page: Open, cypher: str, expected: str) -> None:
    at = open_page("console")
    at.text_area(key="console_cypher").input(cypher)
    at.button(key="console_run").click().run()
    assert not at.exception
    assert any(expected in e.value for e in at.error)


def test_app_console_stops_at_the_timeout_and_the_row_cap(open_page: Open) -> None:
    at = open_page("console")
    at.number_input(key="console_timeout").set_value(1.0)
    at.number_input(key="console_row_cap").set_value(50)
    at.text_area(key="console_cypher").input("MATCH (a), (b), (c), (d) WHERE a.id <> b.id RETURN count(*) AS n")
    at.button(key="console_run").click().run()
    assert not at.exception
    assert any("took longer than 1 s" in e.value for e in at.error)
    at.text_area(key="console_cypher").input("MATCH (a), (b) RETURN a.id AS a, b.id AS b")
    at.button(key="console_run").click().run()
    _assert_clean(at)
    assert at.dataframe[0].value.shape[0] == 50
    assert any("50" in w.value for w in at.warning)


def test_app_console_runs_example_and_shows_schema(open_page: Open) -> None:
    at = open_page("console")
    at.button(key="console_run").click().run()
    _assert_clean(at)
    assert at.dataframe[0].value.shape[0] > 0
    assert any("Institution" in e.label for e in at.expander)


def test_app_documents_reader_links_entities(open_page: Open) -> None:
    at = open_page("documents", doc="003_cfe322f93ce14a7f")
    _assert_clean(at)
    body = next(m.value for m in at.markdown if "jig-document" in m.value)
    assert 'class="ent-Institution"' in body
    assert "entity?entity=inst_" in body


#: A passage whose evidence holds markup that must stay text.
UPLOAD = "依托吉林大学<img src=x onerror=alert(1)>建设汽车仿真与控制国家重点实验室。".encode()


def _upload(at: AppTest, name: str, content: bytes) -> AppTest:
    at.file_uploader(key="preview_upload").set_value((name, content, "text/plain"))
    return at.run()


def test_app_documents_preview_of_an_upload(open_page: Open, built) -> None:
    stamp = built.graph_path.stat().st_mtime_ns
    at = _upload(open_page("documents"), "通知 2024.txt", UPLOAD)
    _assert_clean(at)
    assert [c.value for c in at.code] == [".venv/bin/python -m ingest add 'data/corpus/通知 2024.txt'"]
    assert any("data/corpus/" in m.value and "加入图谱" in m.value for m in at.markdown)
    evidence = next(m.value for m in at.markdown if "jig-evidence" in m.value)
    assert "<mark>吉林大学</mark>&lt;img src=x onerror=alert(1)&gt;建设<mark>汽车仿真" in evidence
    assert "<img" not in evidence
    assert {"机构 (1)", "创新平台 (1)"} <= {tab.label for tab in at.tabs}
    assert any("吉林大学" in set(frame.value.iloc[:, 0]) for frame in at.dataframe)
    assert any("正文中未写明" in m.value for m in at.markdown)
    assert built.graph_path.stat().st_mtime_ns == stamp


def test_app_documents_preview_in_english(open_page: Open) -> None:
    at = _upload(open_page("documents"), "notice.txt", UPLOAD)
    at.sidebar.radio(key="lang").set_value("en").run()
    _assert_clean(at)
    assert {"Corpus and reader", "Preview a new file", "Institution (1)"} <= {tab.label for tab in at.tabs}
    assert "Relations and evidence (3)" in {h.value for h in at.subheader}
    assert any("Jilin University" in m.value and "hosted by →" in m.value for m in at.markdown)


def test_app_documents_preview_of_an_unreadable_file_says_why(open_page: Open) -> None:
    at = _upload(open_page("documents"), "empty.txt", b"")
    assert not at.exception
    assert [e.value for e in at.error] == [r"无法读取该文件。读取器给出的原因：empty\.txt\: the file is empty"]
    assert not at.code


def test_app_documents_preview_needs_no_graph(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("JIG_BUILD_DIR", str(tmp_path))
    monkeypatch.delenv("NEO4J_URI", raising=False)
    at = AppTest.from_file(str(APP), default_timeout=60).run()
    at.switch_page("explorer/pages/documents.py").run()
    at = _upload(at, "notice.txt", UPLOAD)
    assert not at.exception
    assert any("make run" in i.value for i in at.info)
    assert [c.value for c in at.code] == [".venv/bin/python -m ingest add data/corpus/notice.txt"]


def test_app_trends_targets_and_exports(open_page: Open) -> None:
    at = open_page("trends")
    _assert_clean(at)
    assert at.get("vega_lite_chart")
    labels = [b.proto.label for b in at.get("download_button")]
    assert [label.split()[-1] for label in labels] == ["ttl", "jsonld", "graphml", "csv"]


@pytest.mark.parametrize("page", PAGES)
def test_app_without_graph_says_how_to_build(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, page: str) -> None:
    monkeypatch.setenv("JIG_BUILD_DIR", str(tmp_path))
    monkeypatch.delenv("NEO4J_URI", raising=False)
    at = AppTest.from_file(str(APP), default_timeout=60).run()
    at.switch_page(f"explorer/pages/{page}.py").run()
    assert not at.exception
    assert any("make run" in i.value and "python -m ingest build" in i.value for i in at.info)

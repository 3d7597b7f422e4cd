"""The query library as data: every query documented and parameterised; binding, coercion, injection."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from jig.core.errors import DataFileError, QueryError
from jig.core.schema import Label, RelType
from queries.catalog import LIBRARY_DIR, load_catalog, parse_query_file, run_named
from queries.embedded import EmbeddedStore
from tests.sample_graphs import small_graph

REQUIRED = {"entity", "neighbours", "anchors_of_industry", "industries_of_institution", "platforms_of_institution",
            "alliances_of_industry", "zones_in_region", "programmes_supporting", "targets", "industry_focus_by_year",
            "documents_mentioning", "evidence", "shortest_path", "top_institutions", "co_mentioned"}
CATALOG = load_catalog()


def test_catalog_has_every_required_query():
    assert REQUIRED <= set(CATALOG)


@pytest.mark.parametrize("query", CATALOG.values(), ids=list(CATALOG))
def test_catalog_query_is_documented(query):
    for text in (query.title_zh, query.title_en, query.description_zh, query.description_en):
        assert text.strip()
    assert re.search(r"[\u4e00-\u9fff]", query.title_zh + query.description_zh)
    for param in query.parameters:
        assert param.description.strip() and param.example is not None
        assert param.type in {"str", "int", "float"}


@pytest.mark.parametrize("query", CATALOG.values(), ids=list(CATALOG))
def test_catalog_labels_and_types_are_in_the_ontology(query):
    for text in query.cypher.values():
        names = set(re.findall(r"(?<=[:|])([A-Z][A-Za-z_]*)", text))
        assert names, query.name
        unknown = names - {label.value for label in Label} - {rel_type.value for rel_type in RelType}
        assert not unknown, f"{query.name}: not in the ontology: {unknown}"


@pytest.mark.parametrize(
    ("name", "values", "expected"),
    [
        ("top_institutions", {}, {"limit": 10}),
        ("top_institutions", {"limit": "3"}, {"limit": 3}),
        ("top_institutions", {"limit": 4.0}, {"limit": 4}),
        ("co_mentioned", {"entity": " 吉林大学 "}, {"entity": "吉林大学", "limit": 50}),
        ("shortest_path", {"source": "a", "target": "b", "max_hops": "2"},
         {"source": "a", "target": "b", "max_hops": 2}),
    ],
)
def test_catalog_bind_fills_defaults_and_coerces(name, values, expected):
    assert CATALOG[name].bind(values) == expected


@pytest.mark.parametrize(
    ("name", "values", "message"),
    [
        ("top_institutions", {"limit": "ten"}, "must be int"),
        ("top_institutions", {"limit": 2.5}, "must be int"),
        ("top_institutions", {"limit": True}, "must be int"),
        ("top_institutions", {"bogus": 1}, "no parameter 'bogus'"),
        ("entity", {}, "needs parameter 'name'"),
        ("entity", {"name": "  "}, "must not be empty"),
    ],
)
def test_catalog_bind_rejects_bad_values(name, values, message):
    with pytest.raises(QueryError, match=message):
        CATALOG[name].bind(values)


@pytest.fixture(scope="module")
def writable_store(tmp_path_factory: pytest.TempPathFactory):
    """The small graph opened writable, so that an injected write would really change it."""
    build_dir = tmp_path_factory.mktemp("writable")
    EmbeddedStore.build(small_graph(), build_dir)
    with EmbeddedStore.open(build_dir, read_only=False) as store:
        yield store


def test_catalog_unknown_query_is_a_query_error(writable_store):
    with pytest.raises(QueryError, match="no query named 'nope'"):
        run_named(writable_store, "nope", {})


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("name: broken\ntitle_zh: [unclosed\n", "not valid YAML"),
        ("name: broken\ntitle_zh: 坏\ntitle_en: Bad\ndescription_zh: 坏\ndescription_en: Bad\n", "no Cypher"),
        ("name: broken\ntitle_zh: 坏\ntitle_en: Bad\ndescription_zh: 坏\ndescription_en: Bad\n"
         "cypher: MATCH (n:Institution) WHERE n.id = $x RETURN n.id\n", "undeclared parameters"),
        ("name: other\ntitle_zh: 坏\ntitle_en: Bad\ndescription_zh: 坏\ndescription_en: Bad\ncypher: RETURN 1\n",
         "equal the file name"),
        ("name: broken\ntitle_en: Bad\n", "missing title_zh"),
    ],
)
def test_catalog_malformed_file_names_the_file(tmp_path: Path, content, message):
    path = tmp_path / "broken.yaml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(DataFileError, match=message) as info:
        parse_query_file(path)
    assert str(path) in str(info.value)


def test_catalog_reads_every_library_file():
    assert len(CATALOG) == len(list(LIBRARY_DIR.glob("*.yaml")))


INJECTIONS = [
    "x' }) DETACH DELETE n //",
    "x\" }) DETACH DELETE n //",
    "x'}) MATCH (m) DETACH DELETE m RETURN 1 AS id //",
    "吉林化纤' OR 1=1 //",
]


@pytest.mark.parametrize("attempt", INJECTIONS)
def test_catalog_injection_through_a_parameter_does_nothing(writable_store, attempt):
    """Even on a writable store, a hostile value is only ever compared, never executed."""
    count = "MATCH (n) RETURN count(n) AS nodes"
    before = writable_store.query(count).rows
    assert before == [{"nodes": len(small_graph().nodes)}]
    for name in ("entity", "anchors_of_industry", "documents_mentioning"):
        param = CATALOG[name].parameters[0].name
        assert run_named(writable_store, name, {param: attempt}).rows == []
    assert writable_store.query(count).rows == before

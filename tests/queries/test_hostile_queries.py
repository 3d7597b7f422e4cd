"""Hostile statements through the console's channel: every write, file access, extension, setting,
transaction and multi-statement form is refused in plain words on both backends, the graph and the
disk are unchanged afterwards, a runaway query stops at the timeout, results stop at the row cap, and
parameter values of the library queries never become Cypher text.

The embedded store is opened read-only exactly as the console opens it (`open_store`). Neo4j needs no
server here: the guard refuses before the driver connects, which is what these tests show.
"""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from explorer.services.console import EXAMPLES
from jig.core.errors import QueryError, ReadOnlyQueryError, StoreError
from queries.catalog import load_catalog, run_named
from queries.guard import check_read_only
from queries.neo4j_store import Neo4jConfig, Neo4jStore
from queries.store import BACKENDS, GraphStore, open_store

REFUSED = (ReadOnlyQueryError, QueryError)

#: Statements that change the graph or its schema ({tmp} is a fresh folder of the test).
WRITES = [
    "CREATE (:Institution {id: 'x', name: 'x'})",
    "create (:Institution {id: 'x'})",
    "CrEaTe (:Institution {id: 'x'})",
    "MERGE (i:Institution {id: 'inst_x'})",
    "MATCH (i:Institution) MERGE (i)-[:ANCHORS]->(:Industry {id: 'ind_x'})",
    "MATCH (i:Institution) SET i.name = 'pwned'",
    "MATCH (i:Institution) SET i += {name: 'pwned'}",
    "MATCH (n) DELETE n",
    "MATCH (n) DETACH DELETE n",
    "MATCH ()-[r]->() DELETE r",
    "MATCH (i:Institution) REMOVE i.name",
    "MATCH (a:Institution), (b:Industry) CREATE (a)-[:ANCHORS {weight: 1.0}]->(b)",
    "MATCH (d:Document) FOREACH (x IN [1] | CREATE (:Target {id: 'x'}))",
    "MATCH (n) WITH n CALL { WITH n DETACH DELETE n } RETURN 1",
    "EXPLAIN MATCH (n) DETACH DELETE n",
    "PROFILE CREATE (:Institution {id: 'x'})",
    "DROP TABLE Institution",
    "CREATE NODE TABLE Evil(id STRING, PRIMARY KEY(id))",
    "CREATE REL TABLE EVIL_REL(FROM Institution TO Industry)",
    "ALTER TABLE Institution ADD pwned STRING",
    "ALTER TABLE Institution RENAME TO Evil",
    "CREATE INDEX evil FOR (n:Institution) ON (n.name)",
    "CREATE CONSTRAINT evil IF NOT EXISTS FOR (n:Institution) REQUIRE n.id IS UNIQUE",
    "DROP CONSTRAINT institution_id",
    "CREATE MACRO evil(x) AS x",
    "CREATE SEQUENCE evil",
    "CREATE DATABASE evil",
    "CREATE USER evil SET PASSWORD 'x'",
    "GRANT ALL ON DATABASE * TO PUBLIC",
    "REVOKE ALL ON DATABASE * FROM PUBLIC",
    "COPY Institution FROM '{tmp}/in.csv'",
    "IMPORT DATABASE '{tmp}/export'",
]
#: Statements that read or write files, load code or reach other databases or the network.
FILES = [
    "COPY (MATCH (i:Institution) RETURN i.name) TO '{tmp}/out.csv'",
    "COPY (MATCH (i:Institution) RETURN i.name) TO '{tmp}/out.parquet'",
    "copy (match (i:Institution) return i.name) to '{tmp}/lower.csv'",
    "EXPORT DATABASE '{tmp}/export'",
    "LOAD FROM '/etc/passwd' (file_format='csv', header=false, delim=':') RETURN *",
    "LOAD WITH HEADERS (line STRING) FROM '/etc/hostname' (file_format='csv') RETURN *",
    "load from '/etc/passwd' (file_format='csv') return *",
    "MATCH (n) WITH count(n) AS n LOAD FROM '/etc/passwd' (file_format='csv') RETURN *",
    "LOAD CSV FROM 'file:///etc/passwd' AS row RETURN row",
    "LOAD CSV WITH HEADERS FROM 'https://example.com/x.csv' AS row RETURN row",
    "USING PERIODIC COMMIT LOAD CSV FROM 'file:///etc/passwd' AS row RETURN row",
    "CALL { LOAD CSV FROM 'file:///etc/passwd' AS row RETURN row } RETURN row",
    "CALL read_csv_serial('/etc/passwd') RETURN *",
    "CALL READ_CSV_PARALLEL('/etc/passwd') RETURN *",
    "CALL read_parquet('/etc/passwd') RETURN *",
    "CALL read_npy('/etc/passwd') RETURN *",
    "INSTALL httpfs",
    "LOAD EXTENSION httpfs",
    "LOAD EXTENSION '{tmp}/evil.so'",
    "LOAD httpfs",
    "ATTACH '{tmp}/other.lbdb' AS other (dbtype lbug)",
    "USE other",
    "DETACH other",
    "USE system SHOW USERS",
    "CALL apoc.load.json('file:///etc/passwd')",
    "CALL apoc.export.csv.all('{tmp}/all.csv', {})",
    "RETURN apoc.cypher.runFirstColumnSingle('MATCH (n) DETACH DELETE n', {}) AS x",
    "RETURN apoc . load . json('file:///etc/passwd') AS x",
    "CALL db.createLabel('Evil')",
    "CALL dbms.setConfigValue('db.logs.query.enabled', 'off')",
    "CALL gds.graph.project('g', '*', '*')",
    "RETURN genai.vector.encode('x', 'OpenAI', {}) AS v",
    "CALL `apoc.load.json`('file:///etc/passwd')",
]
#: Statements that change settings or transactions of the shared connection.
SESSION = [
    "CALL threads=1",
    "CALL timeout=100000000",
    "call TIMEOUT = 0",
    "CALL spill_to_disk=true",
    "CALL clear_warnings()",
    "CALL project_graph('g', ['Institution'], [])",
    "CALL current_setting('home_directory') RETURN *",
    "BEGIN TRANSACTION",
    "BEGIN TRANSACTION READ ONLY",
    "COMMIT",
    "ROLLBACK",
    "CHECKPOINT",
    "TERMINATE TRANSACTIONS 'neo4j-transaction-1'",
]
#: Writes and file access hidden after comments, in several statements, or behind odd spacing.
HIDDEN = [
    "MATCH (n) RETURN n LIMIT 1; CREATE (:Institution {id: 'x'})",
    "MATCH (n) RETURN n LIMIT 1;\nLOAD FROM '/etc/passwd' (file_format='csv') RETURN *",
    "RETURN 1; RETURN 2",
    "RETURN 'a;b' AS s; MATCH (n) DETACH DELETE n",
    "RETURN 1;;RETURN 2",
    "// harmless comment\nCREATE (:Institution {id: 'x'})",
    "/* read only */ CREATE (:Institution {id: 'x'})",
    "MATCH (n) /* ; */ RETURN n LIMIT 1 // ;\n; MATCH (n) DETACH DELETE n",
    "MATCH (n) RETURN n /* a comment that spans\nlines */ ; DROP TABLE Institution",
    "RETURN '\\'' AS q; CREATE (:Institution {id: 'x'})",
    'RETURN "\\"" AS q; CREATE (:Institution {id: \'x\'})',
    "MATCH (n)\tDETACH\n\nDELETE\r\nn",
    "\u00a0CREATE (:Institution {id: 'x'})",
    "  \n\tMERGE (:Institution {id: 'x'})  ",
    "MATCH (`a`) DETACH DELETE `a`",
    "RETURN 1 /* unterminated comment; CREATE (:X)",
    "RETURN 'unterminated string; CREATE (:X)",
    "RETURN `unterminated name; CREATE (:X)",
]
HOSTILE = WRITES + FILES + SESSION + HIDDEN

#: Reads that look dangerous but are not: they must run.
HARMLESS = [
    "MATCH (d:Document) WHERE d.text CONTAINS 'CREATE' RETURN count(d) AS n",
    "RETURN 'LOAD FROM /etc/passwd; DROP TABLE Institution' AS s",
    "RETURN \"COPY x TO '/tmp/x' // CREATE\" AS s",
    "MATCH (s:Sentence) RETURN s.start AS start, s.`end` AS stop LIMIT 1",
    "MATCH (n) RETURN n.id AS id // CREATE (:X)\nLIMIT 1",
    "MATCH (n) /* DETACH DELETE n */ RETURN count(n) AS n",
    "RETURN '\\\\' AS backslash",
    "CALL show_tables() RETURN *",
    "CALL table_info('Institution') RETURN *",
    "RETURN 1 AS one;",
]


def _statement(template: str, tmp: Path) -> str:
    return template.replace("{tmp}", str(tmp))


def _fingerprint(store: GraphStore) -> tuple:
    labels = store.query("MATCH (n) RETURN label(n) AS label, count(*) AS n ORDER BY label").rows
    rels = store.query("MATCH ()-[r]->() RETURN count(r) AS n").rows
    names = store.query("MATCH (i:Institution) RETURN i.id AS id, i.name AS name ORDER BY id").rows
    tables = store.query("CALL show_tables() RETURN name ORDER BY name").rows
    return labels, rels, names, tables


def _files(folder: Path) -> dict[str, tuple[int, int]]:
    return {str(p.relative_to(folder)): (p.stat().st_size, p.stat().st_mtime_ns) for p in folder.rglob("*")}


@pytest.fixture(scope="module")
def console_store(built, tmp_path_factory: pytest.TempPathFactory):
    """The bundled graph opened the way the console opens it: `open_store(build, read_only=True)`."""
    with pytest.MonkeyPatch.context() as patch:
        patch.delenv("NEO4J_URI", raising=False)
        store = open_store(built.build_dir, read_only=True)
    yield store
    store.close()


@pytest.fixture(scope="module")
def offline_neo4j() -> Neo4jStore:
    """A Neo4j store pointed at a closed port: whatever reaches the driver fails to connect."""
    with Neo4jStore(Neo4jConfig("bolt://127.0.0.1:1", "neo4j", "not-the-password", "neo4j")) as store:
        yield store


def _assert_plain(error: BaseException) -> None:
    text = str(error)
    assert text and "Traceback" not in text and len(text) < 600, text


@pytest.mark.parametrize("template", HOSTILE)
def test_hostile_guard_refuses(template: str, tmp_path: Path) -> None:
    with pytest.raises(REFUSED) as refused:
        check_read_only(_statement(template, tmp_path))
    _assert_plain(refused.value)


@pytest.mark.parametrize("template", HOSTILE)
def test_hostile_embedded_console_refuses_and_nothing_changes(console_store, built, template: str,
                                                              tmp_path: Path) -> None:
    statement = _statement(template, tmp_path)
    with pytest.raises(REFUSED):  # checked first: some of these crash LadybugDB itself when sent
        check_read_only(statement)
    before, files = _fingerprint(console_store), _files(built.build_dir)
    with pytest.raises(REFUSED) as refused:
        console_store.query(statement)
    _assert_plain(refused.value)
    assert _fingerprint(console_store) == before
    assert _files(built.build_dir) == files
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("template", HOSTILE)
def test_hostile_neo4j_channel_refuses_before_connecting(offline_neo4j, template: str, tmp_path: Path) -> None:
    with pytest.raises(REFUSED) as refused:
        offline_neo4j.query(_statement(template, tmp_path))
    _assert_plain(refused.value)


def test_neo4j_channel_sends_reads_to_the_server(offline_neo4j) -> None:
    with pytest.raises(StoreError, match="cannot reach Neo4j") as failed:
        offline_neo4j.query("MATCH (n) RETURN count(n) AS n")
    assert not isinstance(failed.value, REFUSED)


@pytest.mark.parametrize("statement", [s for s in WRITES if not s.startswith(("CREATE USER", "GRANT", "REVOKE"))])
def test_read_only_ladybug_refuses_writes_without_the_guard(console_store, statement: str, tmp_path: Path,
                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    """Defence in depth: the read-only database refuses graph writes by itself (the guard switched off)."""
    monkeypatch.setattr("queries.embedded.check_read_only", lambda cypher: None)
    before = _fingerprint(console_store)
    with pytest.raises(REFUSED):
        console_store.query(_statement(statement, tmp_path))
    assert _fingerprint(console_store) == before


@pytest.mark.parametrize("statement", HARMLESS)
def test_harmless_reads_that_look_hostile_run(console_store, statement: str) -> None:
    check_read_only(statement)
    assert console_store.query(statement).columns


@pytest.mark.parametrize("backend", sorted(BACKENDS))
def test_every_library_query_and_example_passes_the_guard(backend: str) -> None:
    for query in load_catalog().values():
        check_read_only(query.text_for(backend))
    for example in EXAMPLES:
        check_read_only(example.cypher)


@pytest.mark.parametrize(
    "statement",
    [
        "MATCH (a), (b), (c), (d) WHERE a.id <> b.id RETURN count(*) AS n",
        "MATCH (a), (b), (c) WHERE a.id < b.id AND b.id < c.id RETURN count(*) AS n",
        "MATCH p = (a)-[* 1..6]-(b) RETURN count(p) AS n",
    ],
)
def test_runaway_query_stops_at_the_timeout(console_store, statement: str) -> None:
    started = time.monotonic()
    with pytest.raises(QueryError, match=r"took longer than 0\.5 s and was stopped|buffer pool is full"):
        console_store.query(statement, timeout_s=0.5)
    assert time.monotonic() - started < 3.0
    assert console_store.query("RETURN 1 AS one").rows == [{"one": 1}]


def test_memory_exhausting_query_fails_plainly_and_the_store_recovers(console_store) -> None:
    with pytest.raises(QueryError, match=r"took longer than|buffer pool is full"):
        console_store.query("MATCH p = (a)-[* 1..8]-(b) RETURN count(p) AS n", timeout_s=2)
    assert console_store.query("RETURN 1 AS one").rows == [{"one": 1}]


def test_rows_stop_at_the_cap_with_truncation_flagged(console_store, built) -> None:
    started = time.monotonic()
    result = console_store.query("MATCH (a), (b) RETURN a.id AS a, b.id AS b", row_cap=100)
    assert len(result.rows) == 100 and result.truncated
    assert time.monotonic() - started < 3.0
    everything = len(built.graph.nodes)
    whole = console_store.query("MATCH (n) RETURN n.id AS id", row_cap=everything)
    assert len(whole.rows) == everything and not whole.truncated


#: Parameter values that would do harm if they ever became Cypher text.
INJECTIONS = [
    "'}) MATCH (n) DETACH DELETE n //",
    "\"}) MATCH (n) DETACH DELETE n //",
    "\" OR 1=1 //",
    "' OR '1'='1",
    "吉林大学'); DROP TABLE Institution; //",
    "`) RETURN 1 //",
    "*/ MATCH (n) DETACH DELETE n /*",
    "\\'; CREATE (:Institution {id: 'x'}) //",
    "$name",
    "{name: 'x'}",
    "LOAD FROM '/etc/passwd' (file_format='csv') RETURN *",
    "<script>alert(1)</script>",
    "%s %n {0} {name}",
    "\u0000",
    "吉林\u0000大学",
    "\u202e吉林大学",
    "x" * 100_000,
    "吉" * 20_000,
]
NOTHING = "zz_no_such_entity_zz"


def _string_queries() -> list[tuple[str, str]]:
    return [(name, p.name) for name, q in sorted(load_catalog().items()) for p in q.parameters if p.type == "str"]


@pytest.mark.parametrize(("name", "param"), _string_queries())
def test_injection_strings_stay_values(console_store, name: str, param: str) -> None:
    before = _fingerprint(console_store)
    strings = [p.name for p in load_catalog()[name].parameters if p.type == "str"]
    baseline = run_named(console_store, name, dict.fromkeys(strings, NOTHING))
    for value in INJECTIONS:
        result = run_named(console_store, name, {**dict.fromkeys(strings, NOTHING), param: value})
        assert result.rows == baseline.rows, (name, param, value[:40])
    assert _fingerprint(console_store) == before


@pytest.mark.parametrize("name", sorted(n for n, q in load_catalog().items()
                                         if any(p.type == "int" for p in q.parameters)))
def test_injection_strings_in_number_parameters_are_refused_plainly(console_store, name: str) -> None:
    query = load_catalog()[name]
    base = {p.name: NOTHING for p in query.parameters if p.type == "str"}
    for param in (p.name for p in query.parameters if p.type == "int"):
        for value in INJECTIONS:
            with pytest.raises(QueryError, match=f"parameter '{param}' must be int") as refused:
                run_named(console_store, name, {**base, param: value})
            assert len(str(refused.value)) < 200

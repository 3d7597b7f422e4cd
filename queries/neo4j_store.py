"""The Neo4j 5 graph store over the official `neo4j` driver (imported only when a store is created).

Loading is idempotent: batched `UNWIND $rows … MERGE` in managed write transactions (retried by the
driver), every node and relationship tagged with the id of the load, and whatever an earlier load
wrote but this one did not is pruned afterwards. Every Cypher string the loader sends comes from
`loader_statements()`, generated from the ontology, so the Cypher lint checks all of it.
Configuration: NEO4J_URI, NEO4J_USER (neo4j), NEO4J_PASSWORD, NEO4J_DATABASE (neo4j), from the environment
only. The password never appears in a message or a repr: errors name the address without its user-info.
"""

from __future__ import annotations

import logging
import os
import uuid
from collections import defaultdict
from collections.abc import Iterator, Mapping
from contextlib import AbstractContextManager, contextmanager
from dataclasses import dataclass
from typing import Any

from jig.core.errors import QueryError, ReadOnlyQueryError, StoreError
from jig.core.graph import KnowledgeGraph
from jig.core.schema import NODE_PROPERTIES, RELATIONS, Label, RelType, check_label, check_rel_type
from queries.guard import check_read_only
from queries.store import DEFAULT_ROW_CAP, DEFAULT_TIMEOUT_S, QueryResult

log = logging.getLogger(__name__)

#: Properties the loader adds to every node and relationship (the load that wrote it; a MERGE key).
LOADER_PROPERTIES = ("build", "seq")
#: Keys of the `$rows` maps the loader sends (the lint sees `row.<key>` as a property key).
LOADER_ROW_KEYS = ("id", "source", "target", "seq", "props")
INDEXED_PROPERTIES = ("name", "name_en", "metric")
_COMPOSE_HINT = "start Neo4j with `docker compose up -d` (see docker-compose.yml)"


@dataclass(frozen=True, repr=False)
class Neo4jConfig:
    """Where and as whom to connect; the repr leaves the password out."""

    uri: str
    user: str
    password: str
    database: str

    @classmethod
    def from_env(cls, environ: Mapping[str, str] = os.environ) -> Neo4jConfig:
        """Read NEO4J_URI, NEO4J_USER, NEO4J_PASSWORD and NEO4J_DATABASE; StoreError if URI or password is missing."""
        missing = [key for key in ("NEO4J_URI", "NEO4J_PASSWORD") if not environ.get(key)]
        if missing:
            raise StoreError(f"{' and '.join(missing)} not set; {_COMPOSE_HINT} and export NEO4J_URI, "
                             "NEO4J_USER and NEO4J_PASSWORD")
        return cls(environ["NEO4J_URI"], environ.get("NEO4J_USER") or "neo4j", environ["NEO4J_PASSWORD"],
                   environ.get("NEO4J_DATABASE") or "neo4j")

    def redact(self, text: str) -> str:
        """`text` with the password and any user-info of the URI (`user:secret@`) replaced by `***`."""
        userinfo = self.uri.partition("://")[2].partition("/")[0].rpartition("@")[0]
        for secret in (userinfo, self.password):
            if secret:
                text = text.replace(secret, "***")
        return text

    def __repr__(self) -> str:
        return self.redact(f"Neo4jConfig(uri={self.uri!r}, user={self.user!r}, database={self.database!r})")


@dataclass(frozen=True)
class LoadReport:
    """What a load wrote and pruned."""

    build: str
    nodes: int
    relationships: int
    pruned_nodes: int
    pruned_relationships: int


# --- Cypher generated from the ontology ----------------------------------------------------------

def schema_statements() -> list[str]:
    """Uniqueness constraints on `id` per label and indexes on name, name_en and metric."""
    statements = []
    for label, props in NODE_PROPERTIES.items():
        name = label.value.lower()
        statements.append(f"CREATE CONSTRAINT {name}_id IF NOT EXISTS FOR (n:{label.value}) REQUIRE n.id IS UNIQUE")
        statements.extend(
            f"CREATE INDEX {name}_{p.name} IF NOT EXISTS FOR (n:{label.value}) ON (n.{p.name})"
            for p in props if p.name in INDEXED_PROPERTIES
        )
    return statements


def node_statement(label: str) -> str:
    """Merge a batch of nodes of one label: `$rows` of {id, props}, tagged with `$build`."""
    label = check_label(label).value
    return (f"UNWIND $rows AS row MERGE (n:{label} {{id: row.id}}) "
            "SET n = row.props, n.build = $build RETURN count(n) AS written")


def relationship_statement(rel_type: str, source: str, target: str) -> str:
    """Merge a batch of relationships of one type between two labels: `$rows` of {source, target, seq, props}."""
    rel, src, dst = check_rel_type(rel_type).value, check_label(source).value, check_label(target).value
    return (f"UNWIND $rows AS row MATCH (a:{src} {{id: row.source}}) MATCH (b:{dst} {{id: row.target}}) "
            f"MERGE (a)-[r:{rel} {{seq: row.seq}}]->(b) "
            "SET r = row.props, r.seq = row.seq, r.build = $build RETURN count(r) AS written")


def prune_node_statement(label: str) -> str:
    """Delete up to `$batch` nodes of a label not written by load `$build`."""
    label = check_label(label).value
    return (f"MATCH (n:{label}) WHERE n.build IS NULL OR n.build <> $build "
            "WITH n LIMIT $batch DETACH DELETE n RETURN count(*) AS deleted")


def prune_relationship_statement(rel_type: str) -> str:
    """Delete up to `$batch` relationships of a type not written by load `$build`."""
    rel = check_rel_type(rel_type).value
    return (f"MATCH ()-[r:{rel}]->() WHERE r.build IS NULL OR r.build <> $build "
            "WITH r LIMIT $batch DELETE r RETURN count(*) AS deleted")


def loader_statements() -> list[tuple[str, str]]:
    """Every (name, Cypher) the loader can send, for the Cypher lint."""
    statements = [(f"schema {i}", text) for i, text in enumerate(schema_statements())]
    statements += [(f"merge {label.value}", node_statement(label)) for label in Label]
    statements += [
        (f"merge {rel.type.value} {s.value}->{t.value}", relationship_statement(rel.type, s, t))
        for rel in RELATIONS.values() for s, t in rel.pairs()
    ]
    statements += [(f"prune {rel_type.value}", prune_relationship_statement(rel_type)) for rel_type in RelType]
    statements += [(f"prune {label.value}", prune_node_statement(label)) for label in Label]
    return statements


# --- rows --------------------------------------------------------------------------------------

def _props(properties: Mapping[str, Any], allowed: set[str]) -> dict[str, Any]:
    return {k: v for k, v in properties.items() if k in allowed and v is not None}


def node_rows(graph: KnowledgeGraph) -> dict[Label, list[dict[str, Any]]]:
    """Rows per label for `node_statement`: ontology properties only, nulls left out."""
    rows: dict[Label, list[dict[str, Any]]] = defaultdict(list)
    for node in graph.nodes:
        allowed = {p.name for p in NODE_PROPERTIES[node.label]}
        rows[node.label].append({"id": node.id, "props": {**_props(node.properties, allowed), "id": node.id}})
    return rows


def relationship_rows(graph: KnowledgeGraph) -> dict[tuple[RelType, Label, Label], list[dict[str, Any]]]:
    """Rows per (type, source label, target label); `seq` numbers parallel relationships of the same pair."""
    rows: dict[tuple[RelType, Label, Label], list[dict[str, Any]]] = defaultdict(list)
    seen: dict[tuple[RelType, str, str], int] = defaultdict(int)
    for rel in graph.relationships:
        allowed = {p.name for p in RELATIONS[rel.type].properties}
        seq = seen[(rel.type, rel.source, rel.target)]
        seen[(rel.type, rel.source, rel.target)] += 1
        rows[(rel.type, rel.source_label, rel.target_label)].append(
            {"source": rel.source, "target": rel.target, "seq": seq, "props": _props(rel.properties, allowed)}
        )
    return rows


def _chunks(rows: list[dict[str, Any]], size: int) -> Iterator[list[dict[str, Any]]]:
    for start in range(0, len(rows), size):
        yield rows[start:start + size]


# --- the store ---------------------------------------------------------------------------------

class Neo4jStore:
    """The graph in Neo4j 5: idempotent loading with pruning, and a read-only query channel."""

    backend = "neo4j"

    def __init__(self, config: Neo4jConfig) -> None:
        import neo4j

        self.config = config
        self._neo4j = neo4j
        self._verified = False
        try:
            self._driver = neo4j.GraphDatabase.driver(config.uri, auth=(config.user, config.password),
                                                      connection_timeout=10.0, max_transaction_retry_time=15.0)
        except (ValueError, neo4j.exceptions.ConfigurationError) as exc:
            raise StoreError(config.redact(f"NEO4J_URI {config.uri!r} is not a Neo4j address ({exc})")) from None

    @classmethod
    def from_env(cls) -> Neo4jStore:
        """A store configured from NEO4J_URI, NEO4J_USER, NEO4J_PASSWORD and NEO4J_DATABASE."""
        return cls(Neo4jConfig.from_env())

    def close(self) -> None:
        """Close the driver and its connections."""
        self._driver.close()

    def __enter__(self) -> Neo4jStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _session(self, access_mode: str):
        if not self._verified:
            self._driver.verify_connectivity()
            self._verified = True
        return self._driver.session(database=self.config.database, default_access_mode=access_mode)

    def _write(self, statement: str, params: dict[str, Any]) -> dict[str, Any]:
        def work(tx) -> dict[str, Any]:
            return tx.run(statement, params).single(strict=True).data()

        with self._session(self._neo4j.WRITE_ACCESS) as session:
            return session.execute_write(work)

    def ensure_schema(self) -> None:
        """Create the uniqueness constraints and indexes (each skipped if it exists)."""
        with self._guard(), self._session(self._neo4j.WRITE_ACCESS) as session:
            for statement in schema_statements():
                session.execute_write(lambda tx, text=statement: tx.run(text).consume())

    def load(self, graph: KnowledgeGraph, batch_size: int = 1000) -> LoadReport:
        """Write `graph` (MERGE by id), then delete what an earlier load wrote and this one did not."""
        self.ensure_schema()
        build = uuid.uuid4().hex
        with self._guard():
            nodes = 0
            for label, rows in node_rows(graph).items():
                for chunk in _chunks(rows, batch_size):
                    nodes += self._write(node_statement(label), {"rows": chunk, "build": build})["written"]
            rels = 0
            for (rel_type, source, target), rows in relationship_rows(graph).items():
                for chunk in _chunks(rows, batch_size):
                    written = self._write(relationship_statement(rel_type, source, target),
                                          {"rows": chunk, "build": build})["written"]
                    if written != len(chunk):
                        raise StoreError(f"{rel_type.value} {source.value}->{target.value}: only {written} of "
                                         f"{len(chunk)} relationships found both endpoints in Neo4j")
                    rels += written
            pruned_rels = sum(self._prune(prune_relationship_statement(t), build, batch_size) for t in RelType)
            pruned_nodes = sum(self._prune(prune_node_statement(label), build, batch_size) for label in Label)
        report = LoadReport(build, nodes, rels, pruned_nodes, pruned_rels)
        log.info("neo4j load %s: %d nodes, %d relationships, pruned %d nodes and %d relationships",
                 build, nodes, rels, pruned_nodes, pruned_rels)
        return report

    def _prune(self, statement: str, build: str, batch_size: int) -> int:
        total = 0
        while deleted := self._write(statement, {"build": build, "batch": batch_size})["deleted"]:
            total += deleted
        return total

    def query(
        self,
        cypher: str,
        params: dict[str, Any] | None = None,
        *,
        timeout_s: float = DEFAULT_TIMEOUT_S,
        row_cap: int = DEFAULT_ROW_CAP,
    ) -> QueryResult:
        """Run one statement in a read transaction with a timeout and row cap; writes are refused by the guard
        (`queries.guard`, before sending) and by the server."""
        check_read_only(cypher)

        def work(tx) -> QueryResult:
            result = tx.run(cypher, params or {})
            columns = list(result.keys())
            rows: list[dict[str, Any]] = []
            for record in result:
                if len(rows) >= row_cap:
                    return QueryResult(columns, rows, truncated=True)
                rows.append({key: self._plain(record[key]) for key in columns})
            return QueryResult(columns, rows, truncated=False)

        neo4j = self._neo4j
        try:
            with self._guard(), self._session(neo4j.READ_ACCESS) as session:
                return session.execute_read(neo4j.unit_of_work(timeout=timeout_s)(work))
        except neo4j.exceptions.ClientError as exc:
            code = exc.code or ""
            if code.endswith("AccessMode") or "ForbiddenOnReadOnlyDatabase" in code:
                raise ReadOnlyQueryError(
                    f"this console is read-only: the statement tries to change the graph ({exc.message})") from None
            if "TransactionTimedOut" in code:
                raise QueryError(f"the query took longer than {timeout_s:g} s and was stopped") from None
            raise QueryError(self.config.redact(exc.message or str(exc))) from None

    def _guard(self) -> AbstractContextManager[None]:
        return _plain_failures(self._neo4j, self.config)

    def _plain(self, value: Any) -> Any:
        graph = self._neo4j.graph
        if isinstance(value, graph.Node):
            return {"_label": next(iter(value.labels), None), **{k: self._plain(v) for k, v in value.items()}}
        if isinstance(value, graph.Relationship):
            return {"_label": value.type, **{k: self._plain(v) for k, v in value.items()}}
        if isinstance(value, graph.Path):
            return {"nodes": [self._plain(n) for n in value.nodes],
                    "relationships": [self._plain(r) for r in value.relationships]}
        if isinstance(value, list):
            return [self._plain(v) for v in value]
        if isinstance(value, dict):
            return {k: self._plain(v) for k, v in value.items()}
        return value


@contextmanager
def _plain_failures(neo4j: Any, config: Neo4jConfig) -> Iterator[None]:
    """Turn connection, authentication and server failures into a StoreError in plain words."""
    errors = neo4j.exceptions
    try:
        yield
    except errors.AuthError:
        raise StoreError(config.redact(f"Neo4j at {config.uri} refused user {config.user!r}: check NEO4J_USER and "
                                       "NEO4J_PASSWORD")) from None
    except (errors.ServiceUnavailable, errors.SessionExpired) as exc:
        raise StoreError(config.redact(f"cannot reach Neo4j at {config.uri} ({exc}); {_COMPOSE_HINT}")) from None
    except (errors.DatabaseError, errors.TransientError) as exc:
        raise StoreError(config.redact(f"Neo4j failed: {exc.message or exc}")) from None

"""The embedded graph store: LadybugDB (the maintained fork of Kùzu) in-process, files under `build_dir/ladybug/`.

`EmbeddedStore.build` bulk-loads a KnowledgeGraph with COPY from Parquet files into a new directory
and swaps it into place only when the load succeeded, so a failed build leaves the previous graph
intact. `build_dir/ladybug` is a symbolic link to the current store, `build_dir/ladybug-<ns>`; the swap
replaces the link in one rename(2), so a reader opening the store gets the old graph or the new one,
whole, never a gap; and the store it replaces stays until the next build, so a reader that opened it
keeps reading it. The app and the console open the store read-only; its `query` then also passes every
statement through `queries.guard` first, which refuses what a read-only LadybugDB still allows
(`LOAD FROM`, `COPY … TO`, file-reading table functions).
"""

from __future__ import annotations

import itertools
import logging
import os
import shutil
import tempfile
import threading
import time
from decimal import Decimal
from pathlib import Path
from typing import Any

import ladybug as lb
import pyarrow.parquet as pq

from jig.core.errors import GraphNotBuiltError, QueryError, ReadOnlyQueryError, StoreError
from jig.core.graph import KnowledgeGraph
from queries.guard import check_read_only
from queries.ladybug_tables import CopyBatch, ddl_statements, node_batches, relationship_batches
from queries.store import DEFAULT_ROW_CAP, DEFAULT_TIMEOUT_S, QueryResult

log = logging.getLogger(__name__)

STORE_DIR = "ladybug"
DB_FILE = "graph.lbdb"
BUFFER_POOL_BYTES = 1024 * 1024 * 1024  # shortest-path queries over ~100 rel tables need ~400 MiB
#: The address space a database reserves (LadybugDB's default, 8 TiB, lets a process open only 15 at once).
MAX_DB_BYTES = 256 * 1024**3
_READ_ONLY_MESSAGE = "Cannot execute write operations in a read-only database"
_INTERRUPTED_MESSAGE = "Interrupted"


def store_path(build_dir: Path) -> Path:
    """The database file of the embedded store under a build directory (through the link to the current store)."""
    return Path(build_dir) / STORE_DIR / DB_FILE


def store_generation(build_dir: Path) -> str:
    """The name of the current store's folder under `build_dir` ("" if there is none): it changes with each build."""
    link = Path(build_dir) / STORE_DIR
    return os.readlink(link) if link.is_symlink() else ""


class EmbeddedStore:
    """A LadybugDB database holding the graph; `query` is read-only when opened with read_only=True."""

    backend = "embedded"

    def __init__(self, path: Path, *, read_only: bool = True) -> None:
        self.path = Path(path)
        self.read_only = read_only
        try:
            self._db = lb.Database(str(self.path), read_only=read_only, buffer_pool_size=BUFFER_POOL_BYTES,
                                  max_db_size=MAX_DB_BYTES)
            self._conn = lb.Connection(self._db)
        except RuntimeError as exc:
            raise StoreError(f"cannot open the embedded graph at {self.path}: {exc}") from None
        self._lock = threading.Lock()

    @classmethod
    def open(cls, build_dir: Path, *, read_only: bool = True) -> EmbeddedStore:
        """Open the graph built under `build_dir`; GraphNotBuiltError if there is none yet."""
        path = store_path(build_dir)
        if not path.is_file():
            raise GraphNotBuiltError(
                f"no graph has been built at {path.parent}; build it with `python -m ingest build` (or `make run`)"
            )
        return cls(path.resolve(), read_only=read_only)  # this store, even if a build swaps in another meanwhile

    @classmethod
    def build(cls, graph: KnowledgeGraph, build_dir: Path) -> None:
        """Bulk-load `graph` into a fresh database and atomically make `build_dir/ladybug` point to it.

        Raises StoreError if the load fails; the previous graph, if any, is then left untouched. Of the older
        stores, only the one just replaced is kept (a reader may still have it open).
        """
        build_dir = Path(build_dir)
        build_dir.mkdir(parents=True, exist_ok=True)
        staging = build_dir / f"{STORE_DIR}.new-{os.getpid()}"
        shutil.rmtree(staging, ignore_errors=True)
        staging.mkdir()
        try:
            _load(graph, staging / DB_FILE, build_dir)
        except BaseException:
            shutil.rmtree(staging, ignore_errors=True)
            raise
        _swap_into_place(staging, build_dir / STORE_DIR)
        log.info("embedded store built at %s (%d nodes, %d relationships)",
                 build_dir / STORE_DIR, len(graph.nodes), len(graph.relationships))

    def query(
        self,
        cypher: str,
        params: dict[str, Any] | None = None,
        *,
        timeout_s: float = DEFAULT_TIMEOUT_S,
        row_cap: int = DEFAULT_ROW_CAP,
    ) -> QueryResult:
        """Run one statement with `$params`, at most `timeout_s` seconds, keeping at most `row_cap` rows."""
        if self.read_only:
            check_read_only(cypher)
        with self._lock:
            self._conn.set_query_timeout(max(1, int(timeout_s * 1000)))
            try:
                result = self._conn.execute(cypher, params or {})
            except RuntimeError as exc:
                raise _query_error(str(exc), timeout_s) from None
            if isinstance(result, list):
                for each in result:
                    each.close()
                raise QueryError("send one statement at a time (found several separated by ';')")
            try:
                columns = result.get_column_names()
                rows: list[dict[str, Any]] = []
                while len(rows) < row_cap and result.has_next():
                    rows.append(dict(zip(columns, (plain(v) for v in result.get_next()), strict=True)))
                truncated = result.has_next()
            except RuntimeError as exc:
                raise _query_error(str(exc), timeout_s) from None
            finally:
                result.close()
        return QueryResult(columns=columns, rows=rows, truncated=truncated)

    def close(self) -> None:
        """Close the connection and the database."""
        self._conn.close()
        self._db.close()

    def __enter__(self) -> EmbeddedStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _load(graph: KnowledgeGraph, db_path: Path, build_dir: Path) -> None:
    # One checkpoint at the end, not one per COPY (each a write of the whole store so far and an fsync):
    # the load takes a third of the time.
    db = lb.Database(str(db_path), buffer_pool_size=BUFFER_POOL_BYTES, max_db_size=MAX_DB_BYTES, auto_checkpoint=False)
    conn = lb.Connection(db)
    try:
        for statement in ddl_statements():
            conn.execute(statement)
        with tempfile.TemporaryDirectory(prefix="copy-", dir=build_dir) as tmp:
            # one batch at a time: a table's Arrow copy is freed once it is loaded
            for number, batch in enumerate(itertools.chain(node_batches(graph), relationship_batches(graph))):
                _copy(conn, batch, Path(tmp) / f"{number:03d}-{batch.table}.parquet")
        conn.execute("CHECKPOINT")
    except RuntimeError as exc:
        raise StoreError(f"cannot load the graph into the embedded store: {exc}") from None
    finally:
        conn.close()
        db.close()


def _copy(conn: lb.Connection, batch: CopyBatch, path: Path) -> None:
    pq.write_table(batch.data, path)
    options = ""
    if batch.endpoints is not None:
        source, target = batch.endpoints
        options = f" (from='{source.value}', to='{target.value}')"
    try:
        conn.execute(f"COPY {batch.table} FROM {_literal(path)}{options}")
    except RuntimeError as exc:
        raise StoreError(f"cannot load {batch.table}{options}: {exc}") from None


def _literal(path: Path) -> str:
    escaped = str(path).replace("\\", "\\\\").replace("'", "\\'")
    return f"'{escaped}'"


def _swap_into_place(staging: Path, link: Path) -> None:
    """Make `link` point to `staging` (renamed `<link>-<ns>`) in one rename(2); remove the stores before the previous."""
    previous = _previous_store(link)
    current = link.with_name(f"{link.name}-{time.time_ns()}")
    os.rename(staging, current)
    new_link = link.with_name(f"{link.name}.link.tmp")
    try:
        new_link.unlink(missing_ok=True)
        os.symlink(current.name, new_link)  # relative: a copied build folder keeps working
        os.replace(new_link, link)
    except OSError:
        new_link.unlink(missing_ok=True)
        shutil.rmtree(current, ignore_errors=True)
        raise
    for older in link.parent.glob(f"{link.name}-*"):
        if older not in (current, previous):
            shutil.rmtree(older, ignore_errors=True)


def _previous_store(link: Path) -> Path | None:
    """The folder `link` points to now (None: no store yet). A store folder of the layout before the link (a
    folder in its place) is renamed like a linked one first: its one swap is not atomic."""
    if link.is_symlink():
        return link.parent / os.readlink(link)
    if not link.is_dir():
        return None
    renamed = link.with_name(f"{link.name}-{time.time_ns()}")
    os.rename(link, renamed)
    return renamed


def _query_error(message: str, timeout_s: float) -> StoreError:
    if _READ_ONLY_MESSAGE in message:
        return ReadOnlyQueryError(f"this console is read-only: the statement tries to change the graph ({message})")
    if message.strip().rstrip(".") == _INTERRUPTED_MESSAGE:
        return QueryError(f"the query took longer than {timeout_s:g} s and was stopped")
    return QueryError(message)


def plain(value: Any) -> Any:
    """A LadybugDB value as plain JSON-ready Python: nodes/relationships as dicts with `_label`, paths split."""
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    if isinstance(value, list):
        return [plain(v) for v in value]
    if isinstance(value, dict):
        if "_NODES" in value:
            return {"nodes": plain(value["_NODES"]), "relationships": plain(value["_RELS"])}
        if "_LABEL" in value:
            return {"_label": value["_LABEL"], **{k: plain(v) for k, v in value.items() if not k.startswith("_")}}
        return {k: plain(v) for k, v in value.items()}
    return value

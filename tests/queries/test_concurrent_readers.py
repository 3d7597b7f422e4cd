"""Readers during a rebuild: 20 threads query the embedded store while builds swap other graphs in.

Each reader opens the store afresh for every round, as a CLI run or a new explorer session does, counts
its nodes and relationships and runs one library query. No round may fail, and every count must be
that of one whole graph, never a mix or a gap.
"""

from __future__ import annotations

import dataclasses
import itertools
import threading
from pathlib import Path

from jig.core.schema import RelType
from queries.catalog import load_catalog, run_named
from queries.embedded import EmbeddedStore
from tests.sample_graphs import small_graph

READERS = 20
SWAPS = 2
#: A reader's pause between rounds: without it 20 threads starve the build of the interpreter lock.
PAUSE_S = 0.05


@dataclasses.dataclass
class Reader:
    """One reading thread: what it saw and how it failed."""

    seen: list[tuple[int, int]] = dataclasses.field(default_factory=list)
    errors: list[str] = dataclasses.field(default_factory=list)
    rounds: int = 0


def _counts(store: EmbeddedStore) -> tuple[int, int]:
    nodes = store.query("MATCH (n) RETURN count(n) AS n").rows[0]["n"]
    relationships = store.query("MATCH ()-[r]->() RETURN count(r) AS n").rows[0]["n"]
    return nodes, relationships


def _read(build_dir: Path, queries: list[tuple[str, dict]], reader: Reader, stop: threading.Event) -> None:
    for name, params in itertools.cycle(queries):
        if stop.is_set():
            return
        try:
            with EmbeddedStore.open(build_dir) as store:
                reader.seen.append(_counts(store))
                run_named(store, name, params)
        except Exception as exc:  # noqa: BLE001 - the test reports every failure of a reader
            reader.errors.append(f"{name}: {type(exc).__name__}: {exc}")
        reader.rounds += 1
        stop.wait(PAUSE_S)


def _wait_for_a_round(readers: list[Reader]) -> None:
    """Return once every reader has finished a round that started after this call."""
    marks = [reader.rounds for reader in readers]
    while any(reader.rounds < mark + 2 for reader, mark in zip(readers, marks, strict=True)):
        threading.Event().wait(0.02)


def test_readers_see_one_whole_graph_while_builds_swap_the_store(tmp_path: Path):
    first = small_graph()
    second = dataclasses.replace(first, relationships=[r for r in first.relationships if r.type != RelType.CO_MENTIONED])
    whole = {(len(g.nodes), len(g.relationships)) for g in (first, second)}
    assert len(whole) == 2
    EmbeddedStore.build(first, tmp_path)
    queries = [(q.name, {p.name: p.example for p in q.parameters}) for q in load_catalog().values()]
    readers = [Reader() for _ in range(READERS)]
    stop = threading.Event()
    threads = [threading.Thread(target=_read, args=(tmp_path, queries[i:] + queries[:i], reader, stop))
               for i, reader in enumerate(readers)]
    for thread in threads:
        thread.start()
    try:
        for graph in itertools.islice(itertools.cycle((second, first)), SWAPS):
            _wait_for_a_round(readers)
            EmbeddedStore.build(graph, tmp_path)
        _wait_for_a_round(readers)
    finally:
        stop.set()
        for thread in threads:
            thread.join()
    assert [error for reader in readers for error in reader.errors] == []
    seen = {pair for reader in readers for pair in reader.seen}
    assert seen == whole

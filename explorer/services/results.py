"""Query results as downloads (CSV, JSON) and, where they hold entities or paths, as a graph."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from explorer.services.models import Entity, GraphEdge, Subgraph
from explorer.services.neighbourhood import subgraph_of
from queries.store import QueryResult


def to_csv(result: QueryResult) -> bytes:
    """The result as UTF-8 CSV (with a BOM so spreadsheet programs read the Chinese right); lists as JSON."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(result.columns)
    for row in result.rows:
        writer.writerow([_cell(row.get(c)) for c in result.columns])
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def to_json(result: QueryResult) -> bytes:
    """The result as a JSON object: columns, rows and whether the row cap truncated it."""
    payload = {"columns": result.columns, "rows": result.rows, "truncated": result.truncated}
    return json.dumps(payload, ensure_ascii=False, indent=2, default=str).encode("utf-8")


def _cell(value: Any) -> Any:
    if isinstance(value, (list, dict)):
        return json.dumps(value, ensure_ascii=False, default=str)
    return "" if value is None else value


def _node_id(value: Any, index: Mapping[str, Entity]) -> str | None:
    if isinstance(value, str) and value in index:
        return value
    if isinstance(value, dict) and value.get("id") in index:
        return value["id"]
    return None


def _path_edges(path: Mapping[str, Any], index: Mapping[str, Entity]) -> list[GraphEdge]:
    nodes = [_node_id(n, index) for n in path.get("nodes") or ()]
    rels = list(path.get("relationships") or ())
    edges = []
    for i, (a, b) in enumerate(zip(nodes, nodes[1:], strict=False)):
        if a and b:
            rel = rels[i] if i < len(rels) and isinstance(rels[i], dict) else {}
            edges.append(GraphEdge(a, b, str(rel.get("_label", "")), float(rel.get("weight") or 1.0)))
    return edges


def result_graph(result: QueryResult, index: Mapping[str, Entity], centres: Sequence[str] = ()) -> Subgraph | None:
    """The entities and paths of a result as a graph, or None when its rows name no entity.

    Nodes are the cells that are entity ids or node values; paths give their own edges; rows with a
    `step` column are read as one path in order; otherwise each row's entity is tied to the
    `centres` (the entities the query was asked about), with the row's `relation` and `direction`.
    """
    ids: list[str] = []
    edges: list[GraphEdge] = []
    chain: list[tuple[str, str]] = []
    for row in result.rows:
        row_ids = []
        for value in row.values():
            for item in value if isinstance(value, list) else [value]:
                if isinstance(item, dict) and "nodes" in item:
                    edges.extend(_path_edges(item, index))
                    row_ids.extend(n for n in (_node_id(x, index) for x in item["nodes"]) if n)
                elif node := _node_id(item, index):
                    row_ids.append(node)
        ids.extend(row_ids)
        main = _node_id(row.get("id"), index)
        relation = str(row.get("relation") or "")
        if "step" in row and main:
            chain.append((main, relation))
        elif main:
            for centre in centres:
                if centre in index and centre != main:
                    pair = (main, centre) if row.get("direction") == "in" else (centre, main)
                    edges.append(GraphEdge(*pair, relation, float(row.get("weight") or 1.0)))
    edges.extend(GraphEdge(a, b, rel) for (a, rel), (b, _) in zip(chain, chain[1:], strict=False))
    if not ids:
        return None
    return subgraph_of(index, [*centres, *ids], edges, centres=_ends(chain) or centres)


def _ends(chain: Iterable[tuple[str, str]]) -> list[str]:
    steps = [node for node, _ in chain]
    return [steps[0], steps[-1]] if steps else []

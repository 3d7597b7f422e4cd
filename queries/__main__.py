"""Command line: `python -m queries list | run NAME [-p key=value]... [--json] | cypher "QUERY" [--json] | lint`.

User-facing wording lives here: project errors become one plain line on stderr and exit code 1;
malformed arguments exit with code 2. The store is opened read-only.
"""

from __future__ import annotations

import json
import logging
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.table import Table

from jig.core.errors import JilinGraphError
from queries.store import DEFAULT_BUILD_DIR, DEFAULT_ROW_CAP, DEFAULT_TIMEOUT_S, QueryResult, open_store

app = typer.Typer(add_completion=False, no_args_is_help=True,
                  help="Query the Jilin Innovation Graph: named library queries, read-only Cypher, Cypher lint.")
out = Console(highlight=False)
err = Console(stderr=True, highlight=False)

BuildDir = Annotated[Path, typer.Option("--build-dir", help="Build folder holding the embedded graph.")]
AsJson = Annotated[bool, typer.Option("--json", help="Print one JSON object: columns, rows (objects), truncated.")]
Timeout = Annotated[float, typer.Option("--timeout", min=0.1, help="Stop the query after this many seconds.")]
RowCap = Annotated[int, typer.Option("--max-rows", min=1, help="Keep at most this many rows.")]


@contextmanager
def _friendly_errors() -> Iterator[None]:
    try:
        yield
    except JilinGraphError as exc:
        err.print(f"[bold red]error:[/] {exc}")
        raise typer.Exit(1) from None


@app.callback()
def _setup(verbose: Annotated[bool, typer.Option("--verbose", "-v", help="Show debug logging.")] = False) -> None:
    logging.basicConfig(level=logging.DEBUG if verbose else logging.WARNING,
                        format="%(levelname)s %(name)s: %(message)s")


@app.command("list")
def list_queries(as_json: AsJson = False) -> None:
    """List the named queries of the library with their parameters."""
    from queries.catalog import load_catalog

    with _friendly_errors():
        catalog = load_catalog()
    if as_json:
        payload = [{"name": q.name, "title_zh": q.title_zh, "title_en": q.title_en,
                    "description_zh": q.description_zh, "description_en": q.description_en,
                    "parameters": [{"name": p.name, "type": p.type, "default": p.default,
                                    "description": p.description} for p in q.parameters]}
                   for q in catalog.values()]
        print(json.dumps(payload, ensure_ascii=False, indent=2))
        return
    table = Table("name", "title", "parameters")
    for q in catalog.values():
        params = ", ".join(f"{p.name}: {p.type}" + ("" if p.required else f" = {p.default}") for p in q.parameters)
        table.add_row(q.name, f"{q.title_zh}\n{q.title_en}", params)
    out.print(table)


def _parse_params(values: list[str]) -> dict[str, str]:
    params = {}
    for value in values:
        key, sep, text = value.partition("=")
        if not sep or not key.strip():
            raise typer.BadParameter(f"expected key=value, got {value!r}", param_hint="-p/--param")
        params[key.strip()] = text
    return params


@app.command()
def run(
    name: Annotated[str, typer.Argument(help="Name of a library query (see `list`).")],
    param: Annotated[
        list[str] | None, typer.Option("--param", "-p", help="A parameter as key=value; repeatable.")
    ] = None,
    as_json: AsJson = False,
    build_dir: BuildDir = DEFAULT_BUILD_DIR,
    timeout: Timeout = DEFAULT_TIMEOUT_S,
    max_rows: RowCap = DEFAULT_ROW_CAP,
) -> None:
    """Run a named library query."""
    from queries.catalog import run_named

    params = _parse_params(param or [])
    with _friendly_errors():
        store = open_store(build_dir)
        try:
            result = run_named(store, name, params, timeout_s=timeout, row_cap=max_rows)
        finally:
            store.close()
    _show(result, as_json)


@app.command()
def cypher(
    query: Annotated[str, typer.Argument(help="One Cypher statement; the graph is opened read-only.")],
    as_json: AsJson = False,
    build_dir: BuildDir = DEFAULT_BUILD_DIR,
    timeout: Timeout = DEFAULT_TIMEOUT_S,
    max_rows: RowCap = DEFAULT_ROW_CAP,
) -> None:
    """Run a read-only Cypher statement (writes are refused)."""
    with _friendly_errors():
        store = open_store(build_dir, read_only=True)
        try:
            result = store.query(query, timeout_s=timeout, row_cap=max_rows)
        finally:
            store.close()
    _show(result, as_json)


@app.command()
def lint() -> None:
    """Lint every Neo4j Cypher string (library variants and loader statements) against the ontology."""
    from queries.cypher_lint import lint_items, run_lint

    with _friendly_errors():
        report = run_lint(lint_items())
    for problem in report.problems:
        out.print(str(problem))
    if report.problems:
        err.print(f"[bold red]Cypher lint failed:[/] {len(report.problems)} problems in {report.checked} statements")
        raise typer.Exit(1)
    out.print(f"Cypher lint passed: {report.checked} statements, no problems")


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        return ", ".join(_cell(v) for v in value)
    if isinstance(value, float):
        return f"{value:.4g}"
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


def _show(result: QueryResult, as_json: bool) -> None:
    if as_json:
        payload = {"columns": result.columns, "rows": result.rows, "truncated": result.truncated}
        sys.stdout.write(json.dumps(payload, ensure_ascii=False, default=str) + "\n")
        return
    table = Table(*result.columns)
    for row in result.rows:
        table.add_row(*(_cell(row[c]) for c in result.columns))
    out.print(table)
    note = f"{len(result.rows)} rows" + (" (cut at the row limit; use --max-rows for more)" if result.truncated else "")
    err.print(note)


if __name__ == "__main__":
    app()

"""Command line: export the graph, validate it against the SHACL shapes, regenerate the Turtle.

    python -m ontology export --format ttl|jsonld|graphml|csv --out PATH [--graph data/build/graph.jsonl]
    python -m ontology validate [--graph data/build/graph.jsonl]
    python -m ontology generate        # rewrite ontology/jilin.ttl and ontology/shapes.ttl
"""

from __future__ import annotations

import logging
from pathlib import Path

import typer
from rich.console import Console
from rich.logging import RichHandler
from rich.markup import escape

from jig.core.errors import DataFileError, GraphNotBuiltError, JilinGraphError
from jig.core.graph import KnowledgeGraph
from ontology.export import ExportFormat, export_graph
from ontology.owl import write_ontology
from ontology.shapes import write_shapes
from ontology.validate import DEFAULT_GRAPH, load_graph, validate_graph

app = typer.Typer(add_completion=False, no_args_is_help=True, help="The ontology: export, validate, generate.")
console = Console(soft_wrap=True)
errors = Console(stderr=True, soft_wrap=True)

GraphOption = typer.Option(DEFAULT_GRAPH, "--graph", help="graph.jsonl written by `python -m ingest build`")


def _fail(message: str, code: int = 2) -> typer.Exit:
    errors.print(f"[red]error:[/red] {escape(message)}")
    return typer.Exit(code)


def _load(path: Path) -> KnowledgeGraph:
    try:
        return load_graph(path)
    except GraphNotBuiltError:
        raise _fail(f"no graph at {path}. Build it first: python -m ingest build") from None
    except DataFileError as exc:
        raise _fail(f"{exc}. Rebuild it: python -m ingest build") from None


@app.callback()
def _main(verbose: bool = typer.Option(False, "--verbose", "-v", help="show progress logging")) -> None:
    logging.basicConfig(level=logging.INFO if verbose else logging.WARNING, format="%(message)s",
                        handlers=[RichHandler(console=errors, show_path=False)])


@app.command()
def export(
    fmt: ExportFormat = typer.Option(..., "--format", "-f", help="ttl, jsonld, graphml or csv"),
    out: Path = typer.Option(..., "--out", "-o", help="output file (a directory for csv)"),
    graph: Path = GraphOption,
) -> None:
    """Export the built graph as Turtle, JSON-LD, GraphML or neo4j-admin CSV."""
    kg = _load(graph)
    try:
        written = export_graph(kg, fmt, out)
    except JilinGraphError as exc:
        raise _fail(str(exc)) from None
    except OSError as exc:
        raise _fail(f"cannot write {exc.filename or out}: {exc.strerror}") from None
    console.print(f"exported {len(kg.nodes)} nodes and {len(kg.relationships)} relationships as {fmt}:")
    for path in written:
        console.print(f"  {path}")


@app.command()
def validate(graph: Path = GraphOption) -> None:
    """Check the built graph against the SHACL shapes; exit 1 when anything violates them."""
    report = validate_graph(_load(graph))
    if report.conforms:
        console.print(f"{graph}: valid ({report.triples} triples checked in {report.seconds:.1f} s)")
        return
    console.print(f"{graph}: {len(report.violations)} violations of the SHACL shapes (ontology/shapes.ttl):")
    for violation in report.violations:
        console.print(f"  - {violation}")
    raise typer.Exit(1)


@app.command()
def generate() -> None:
    """Regenerate ontology/jilin.ttl and ontology/shapes.ttl from jig/core/schema.py."""
    for path in (write_ontology(), write_shapes()):
        console.print(f"wrote {path}")


if __name__ == "__main__":
    app()

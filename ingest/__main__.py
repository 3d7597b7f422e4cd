"""Command line: `python -m ingest build | add | extract | evaluate`.

User-facing wording lives here: project errors become one plain line on stderr and exit code 1.
"""

from __future__ import annotations

import json
import logging
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from ingest.build import DEFAULT_BUILD_DIR, BuildReport
from jig.core.errors import JilinGraphError
from jig.core.records import Extraction

app = typer.Typer(add_completion=False, no_args_is_help=True, help="Build the Jilin Innovation Graph from policy documents.")
console = Console(stderr=True)

_JOBS_HELP = "Processes for reading, segmenting and extracting (default: the machine's cores); the same graph."
_STAGE_TITLES = {"read": "reading documents", "extract": "extracting entities", "relate": "relations and targets",
                 "load": "loading the graph stores"}


@contextmanager
def _friendly_errors() -> Iterator[None]:
    """Turn project errors into one plain line and exit code 1 (no traceback)."""
    try:
        yield
    except JilinGraphError as exc:
        console.print(f"[bold red]error:[/] {escape(str(exc))}", highlight=False, soft_wrap=True)
        raise typer.Exit(1) from None


@app.callback()
def _setup(verbose: Annotated[bool, typer.Option("--verbose", "-v", help="Show debug logging.")] = False) -> None:
    logging.basicConfig(level=logging.DEBUG if verbose else logging.WARNING, format="%(levelname)s %(name)s: %(message)s")


@app.command()
def build(
    corpus: Annotated[Path, typer.Option(help="Folder of documents (.txt .md .html .pdf .docx) and manifest.yaml.")] = Path("data/corpus"),
    out: Annotated[Path, typer.Option(help="Build folder for graph.jsonl and the embedded store.")] = DEFAULT_BUILD_DIR,
    neo4j: Annotated[bool, typer.Option("--neo4j", help="Also load into Neo4j (NEO4J_URI, NEO4J_USER, ...).")] = False,
    no_cache: Annotated[bool, typer.Option("--no-cache", help="Analyse every document afresh.")] = False,
    jobs: Annotated[int | None, typer.Option("--jobs", "-j", min=1, help=_JOBS_HELP)] = None,
) -> None:
    """Run the whole pipeline on a corpus; the previous build stays untouched if anything fails."""
    from ingest.build import build as run_build

    with _friendly_errors(), _progress_bar() as progress:
        report = run_build(corpus, out, neo4j=neo4j, cache=not no_cache, jobs=jobs, progress=progress)
    _print_summary(report)


@app.command()
def add(
    files: Annotated[list[Path], typer.Argument(help="Documents to add (any shape the reader accepts).")],
    out: Annotated[Path, typer.Option(help="Build folder to add to (made by `ingest build`).")] = DEFAULT_BUILD_DIR,
    neo4j: Annotated[bool, typer.Option("--neo4j", help="Also load into Neo4j (NEO4J_URI, NEO4J_USER, ...).")] = False,
    jobs: Annotated[int | None, typer.Option("--jobs", "-j", min=1, help=_JOBS_HELP)] = None,
) -> None:
    """Add documents to the current build (a file with a document's id replaces it); unchanged documents come
    from the cache, relations are recomputed over the whole graph; the build stays untouched if anything fails."""
    from ingest.build import add as run_add

    with _friendly_errors(), _progress_bar() as progress:
        report = run_add(files, out, neo4j=neo4j, jobs=jobs, progress=progress)
    _print_summary(report)


@app.command()
def extract(
    files: Annotated[list[Path], typer.Argument(help="Documents to read (any shape the reader accepts).")],
    as_json: Annotated[bool, typer.Option("--json", help="Print one JSON object instead of tables.")] = False,
) -> None:
    """Extract entities and relations from files without any database."""
    from ingest.pipeline import extract_documents
    from ingest.read.document import read_document
    from ingest.read.manifest import load_corpus_manifest

    with _friendly_errors():
        documents = [read_document(path, load_corpus_manifest(path.parent)) for path in files]
        extraction = extract_documents(documents)
    payload = extraction_json(extraction)
    if as_json:
        json.dump(payload, sys.stdout, ensure_ascii=False, indent=1)
        sys.stdout.write("\n")
    else:
        _print_extraction(payload)


@app.command()
def evaluate(
    gold: Annotated[Path | None, typer.Option(help="Gold folder (default: the dev set, tests/gold).")] = None,
    details: Annotated[bool, typer.Option("--details", help="List the missed and spurious items per document.")] = False,
) -> None:
    """Score extraction against gold sets: per-type precision, recall and F1 for each split, then the
    ablation of the learned tagger. `--gold` is one gold folder or a folder of splits (tests/gold/real)."""
    from evaluation.report import format_ablation, format_report
    from evaluation.run import evaluate as run_evaluation
    from evaluation.run import gold_splits
    from jig.core.paths import GOLD_DIR

    ablation = {}
    with _friendly_errors():
        for split in gold_splits(gold or GOLD_DIR):
            learned = run_evaluation(split)
            typer.echo(format_report(learned, details=details) + "\n")
            ablation[learned.gold_set] = (run_evaluation(split, learned=False), learned)
    typer.echo(format_ablation(ablation))


def extraction_json(extraction: Extraction) -> dict:
    """The `extract --json` payload of DESIGN.md: documents, entities, relations."""
    from ingest.assemble.assembler import target_name
    from jig.core.schema import RelType

    files = {d.id: d.file for d in extraction.documents}
    docs_of: dict[str, dict[str, None]] = {}
    for resolved in extraction.resolution.mentions:
        docs_of.setdefault(resolved.entity_id, {})[files[resolved.mention.doc_id]] = None
    entities = [
        {"id": e.id, "name": e.name, "type": e.label.value, "kind": e.kind, "name_en": e.name_en,
         "aliases": sorted({r.mention.surface for r in extraction.resolution.mentions if r.entity_id == e.id}),
         "docs": list(docs_of.get(e.id, ()))}
        for e in extraction.resolution.entities
    ]
    entities += [
        {"id": t.id, "name": target_name(t), "type": "Target", "kind": t.kind, "name_en": t.metric_en,
         "aliases": [], "docs": [files[t.doc_id]]}
        for t in extraction.targets
    ]
    relations = [
        {"source": edge.source, "type": edge.type.value, "target": edge.target, "doc": files[ev.doc_id],
         "evidence": ev.text}
        for edge in extraction.edges
        if edge.type != RelType.CO_MENTIONED
        for ev in edge.evidence
    ]
    relations += [
        {"source": files[t.doc_id], "type": RelType.SETS_TARGET.value, "target": t.id, "doc": files[t.doc_id],
         "evidence": t.evidence.text}
        for t in extraction.targets
    ]
    return {
        "documents": [{"file": d.file, "title": d.title, "date": d.date, "doc_number": d.doc_number}
                      for d in extraction.documents],
        "entities": entities,
        "relations": relations,
    }


@contextmanager
def _progress_bar() -> Iterator:
    columns = (TextColumn("{task.description:<26}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn())
    with Progress(*columns, console=console, transient=False) as bar:
        tasks: dict[str, int] = {}

        def update(stage: str, done: int, total: int) -> None:
            if stage not in tasks:
                tasks[stage] = bar.add_task(_STAGE_TITLES.get(stage, stage), total=total)
            bar.update(tasks[stage], completed=done, total=total)

        yield update


def _print_extraction(payload: dict) -> None:
    out = Console()
    entities = Table(title=f"{len(payload['entities'])} entities")
    for column in ("type", "kind", "name", "name_en", "id"):
        entities.add_column(column)
    for e in sorted(payload["entities"], key=lambda e: (e["type"], e["name"])):
        entities.add_row(e["type"], e["kind"], e["name"], e["name_en"], e["id"])
    out.print(entities)
    names = {e["id"]: e["name"] for e in payload["entities"]}
    relations = Table(title=f"{len(payload['relations'])} relation statements")
    for column in ("source", "type", "target", "doc"):
        relations.add_column(column)
    for r in payload["relations"]:
        relations.add_row(names.get(r["source"], r["source"]), r["type"], names.get(r["target"], r["target"]), r["doc"])
    out.print(relations)


def _print_summary(report: BuildReport) -> None:
    out = Console()
    table = Table(title=f"Built from {report.documents} documents in {report.seconds:.1f} s")
    table.add_column("nodes", style="bold")
    table.add_column("count", justify="right")
    table.add_column("relationships", style="bold")
    table.add_column("count", justify="right")
    labels = list(report.label_counts.items())
    types = list(report.type_counts.items())
    for i in range(max(len(labels), len(types))):
        label, n = labels[i] if i < len(labels) else ("", "")
        rel, m = types[i] if i < len(types) else ("", "")
        table.add_row(label, str(n), rel, str(m))
    table.add_row("total", str(sum(report.label_counts.values())), "total", str(sum(report.type_counts.values())))
    out.print(table)
    workers = f" by {report.jobs} processes" if report.jobs > 1 else ""
    out.print(f"documents: {report.extracted} extracted{workers}, {report.cached} from the cache")
    for label, files in (("added", report.added), ("replaced", report.replaced)):
        if files:
            out.print(f"{label}: {escape(', '.join(files))}", highlight=False)
    out.print(f"graph: {report.graph_path}   stores: {', '.join(report.stores)}")


@app.command("evaluate-instruments")
def evaluate_instruments(
    gold: Annotated[Path | None, typer.Option(help="Gold file (default: tests/gold/instruments/sentences.yaml).")] = None,
    details: Annotated[bool, typer.Option("--details", help="List every sentence coded differently from the gold.")] = False,
) -> None:
    """Score the policy-instrument coding on its dev set: per-type precision, recall and F1, over all sentences
    and over the random sample alone."""
    from evaluation.instruments import INSTRUMENT_GOLD, evaluate_instruments as run_evaluation, format_instrument_report

    with _friendly_errors():
        report = run_evaluation(gold or INSTRUMENT_GOLD)
    typer.echo(format_instrument_report(report, details=details))


if __name__ == "__main__":
    app()

"""The ontology exports (Turtle, JSON-LD, GraphML, neo4j-admin CSV) of a built graph, as bytes to download."""

from __future__ import annotations

import io
import tempfile
import zipfile
from dataclasses import dataclass
from pathlib import Path

from jig.core.graph import read_jsonl
from ontology.export import ExportFormat, export_graph


@dataclass(frozen=True)
class ExportKind:
    """One downloadable export: its format, file name and MIME type."""

    format: ExportFormat
    file_name: str
    mime: str


EXPORTS: tuple[ExportKind, ...] = (
    ExportKind(ExportFormat.TTL, "jilin-innovation-graph.ttl", "text/turtle"),
    ExportKind(ExportFormat.JSONLD, "jilin-innovation-graph.jsonld", "application/ld+json"),
    ExportKind(ExportFormat.GRAPHML, "jilin-innovation-graph.graphml", "application/graphml+xml"),
    ExportKind(ExportFormat.CSV, "jilin-innovation-graph-csv.zip", "application/zip"),
)


def export_bytes(graph_path: Path, kind: ExportKind) -> bytes:
    """The graph of `graph_path` (graph.jsonl) exported as `kind`; the CSV directory comes zipped."""
    graph = read_jsonl(graph_path)
    with tempfile.TemporaryDirectory(prefix="jig-export-") as tmp:
        out = Path(tmp) / kind.file_name.removesuffix(".zip")
        files = export_graph(graph, kind.format, out)
        if kind.format != ExportFormat.CSV:
            return out.read_bytes()
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
            for path in sorted(files):
                archive.write(path, arcname=f"{out.name}/{path.relative_to(out)}")
        return buffer.getvalue()

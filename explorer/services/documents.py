"""The corpus documents: metadata, text and the entity mentions inside them."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from explorer.services.dialect import dialect_for
from explorer.services.models import DocumentInfo

if TYPE_CHECKING:
    from queries.store import GraphStore

ROW_CAP = 200_000


@dataclass(frozen=True)
class MentionSpan:
    """A recognised entity in a document: offsets into `Document.text`, half-open."""

    start: int
    end: int
    entity: str
    label: str


def list_documents(store: GraphStore) -> list[DocumentInfo]:
    """Every document's metadata, oldest first."""
    rows = store.query(
        "MATCH (d:Document) RETURN d.id AS id, d.file AS file, d.title AS title, d.issuer AS issuer, "
        "d.date AS date, d.year AS year, d.doc_number AS doc_number",
        row_cap=ROW_CAP,
    ).rows
    documents = [
        DocumentInfo(
            id=row["id"],
            file=row.get("file") or "",
            title=row.get("title") or row["id"],
            issuer=row.get("issuer") or "",
            date=row.get("date") or "",
            year=row.get("year"),
            doc_number=row.get("doc_number") or "",
        )
        for row in rows
    ]
    return sorted(documents, key=lambda d: (d.year or 0, d.date, d.id))


def document_text(store: GraphStore, document_id: str) -> str | None:
    """The readable text of a document, or None when there is no such document."""
    rows = store.query("MATCH (d:Document) WHERE d.id = $id RETURN d.text AS text", {"id": document_id}).rows
    return rows[0]["text"] if rows else None


def document_mentions(store: GraphStore, document_id: str) -> list[MentionSpan]:
    """Entity mentions in one document, as MENTIONS offsets from its sentences."""
    cypher = (
        "MATCH (s:Sentence)-[m:MENTIONS]->(e) WHERE s.document = $id "
        "RETURN m.start AS start, m.`end` AS stop, e.id AS entity, "
        f"{dialect_for(store.backend).node_label('e')} AS label"
    )
    rows = store.query(cypher, {"id": document_id}, row_cap=ROW_CAP).rows
    return [MentionSpan(int(r["start"]), int(r["stop"]), r["entity"], r["label"]) for r in rows]


def outermost(spans: list[MentionSpan]) -> list[MentionSpan]:
    """Non-overlapping spans in text order, the longer one winning where mentions nest or overlap."""
    chosen: list[MentionSpan] = []
    for span in sorted(spans, key=lambda s: (s.start, -(s.end - s.start), s.entity)):
        if span.end <= span.start:
            continue
        if chosen and span.start < chosen[-1].end:
            continue
        chosen.append(span)
    return chosen

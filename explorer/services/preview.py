"""Preview of an uploaded file: what the pipeline would extract from it, the graph left untouched.

The upload is written to a temporary folder under its own name, read by `ingest.read.document` and
run through `ingest.pipeline.extract_documents`, the same code `ingest build` and `ingest add` use.
"""

from __future__ import annotations

import os
import shlex
import tempfile
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path, PureWindowsPath

from explorer.services.documents import MentionSpan, outermost
from explorer.services.models import DocumentInfo, Entity
from ingest.assemble.assembler import target_name
from ingest.lexicon.gazetteer import Gazetteer, default_gazetteer
from ingest.pipeline import extract_documents
from ingest.read.document import DOCUMENT_SUFFIXES, LEGACY_SUFFIXES, read_document
from jig.core.errors import JilinGraphError
from jig.core.records import Document, Evidence, Extraction
from jig.core.schema import ENTITY_LABELS, Label, RelType
from jig.core.text import simplified_view

#: File types the uploader offers: what the reader reads, and the legacy Word/WPS files it says how to convert.
UPLOAD_TYPES = ("pdf", "docx", "txt", "html", "htm", "md", "doc", "wps")
#: Where a document goes to become part of the graph.
CORPUS_DIR = "data/corpus"
#: Relation types listed with their evidence (co-mentions are a weighted signal, not statements).
_HIDDEN_TYPES = frozenset({RelType.CO_MENTIONED})
_GROUPS = (*(label.value for label in ENTITY_LABELS), Label.TARGET.value)
_WARM_UP_TEXT = "吉林大学依托长春光机所建设光电子产业创新平台。"


class PreviewError(JilinGraphError):
    """An uploaded file cannot be read; the message names the upload, never the temporary copy."""


@dataclass(frozen=True)
class MarkedEvidence:
    """A sentence stating a relation; `spans` are the mentions of its two entities, offsets into `text`."""

    text: str
    spans: tuple[tuple[int, int], ...]


@dataclass(frozen=True)
class PreviewRelation:
    """A relation the pipeline found in the upload, with its evidence sentences."""

    source: str
    type: str
    target: str
    weight: float
    evidence: tuple[MarkedEvidence, ...]


@dataclass(frozen=True)
class Preview:
    """What adding one file would put into the graph."""

    document: DocumentInfo
    characters: int
    sentences: int
    entities: tuple[Entity, ...]
    relations: tuple[PreviewRelation, ...]

    @property
    def command(self) -> str:
        """The command that adds the file once it is saved into the corpus folder."""
        return add_command(self.document.file)

    def groups(self) -> list[tuple[str, tuple[Entity, ...]]]:
        """The entities by label, in ontology order (targets last); labels with none left out."""
        grouped = [(label, tuple(e for e in self.entities if e.label == label)) for label in _GROUPS]
        return [(label, members) for label, members in grouped if members]


def upload_name(name: str) -> str:
    """The bare file name of an upload (any folder part a browser sent dropped)."""
    return PureWindowsPath(name).name.strip() or "upload.txt"


def add_command(file_name: str) -> str:
    """`.venv/bin/python -m ingest add data/corpus/<file>`, quoted for a shell."""
    return f".venv/bin/python -m ingest add {shlex.quote(f'{CORPUS_DIR}/{upload_name(file_name)}')}"


def warm_up() -> Gazetteer:
    """Load the gazetteer and run the pipeline once on one sentence (jieba's dictionary and the
    extractor load on first use, about a second), so that a preview starts at once."""
    gazetteer = default_gazetteer()
    document = Document(id="warm_up", file="warm_up.txt", path="warm_up.txt", text=_WARM_UP_TEXT,
                        view=simplified_view(_WARM_UP_TEXT))
    extract_documents([document], gazetteer)
    return gazetteer


def preview(file_name: str, content: bytes, gazetteer: Gazetteer | None = None) -> Preview:
    """Read an upload and extract from it, writing nothing but a temporary copy.

    Raises PreviewError with the reader's message when the file cannot be read.
    """
    name = upload_name(file_name)
    suffix = Path(name).suffix.lower()
    if suffix not in (*DOCUMENT_SUFFIXES, *LEGACY_SUFFIXES):
        readable = ", ".join(DOCUMENT_SUFFIXES)
        raise PreviewError(f"{name}: the reader cannot read {suffix or 'files without a suffix'} yet "
                           f"(it reads {readable})")
    with tempfile.TemporaryDirectory(prefix="jig-preview-") as folder:
        path = Path(folder) / name
        path.write_bytes(content)
        try:
            document = read_document(path)
        except JilinGraphError as exc:
            raise PreviewError(str(exc).replace(folder + os.sep, "")) from None
    return _summarise(extract_documents([document], gazetteer))


def _summarise(extraction: Extraction) -> Preview:
    """The preview of a one-document extraction."""
    (document,) = extraction.documents
    return Preview(
        document=DocumentInfo(id=document.id, file=document.file, title=document.title or "",
                              issuer=document.issuer or "", date=document.date or "", year=document.year,
                              doc_number=document.doc_number or ""),
        characters=len(document.text),
        sentences=len(extraction.sentences),
        entities=tuple(_entities(extraction)),
        relations=tuple(_relations(extraction)),
    )


def _entities(extraction: Extraction) -> list[Entity]:
    mentions = Counter(resolved.entity_id for resolved in extraction.resolution.mentions)
    found = [
        Entity(id=e.id, label=e.label.value, kind=e.kind, name=e.name, name_en=e.name_en, aliases=e.aliases,
               mentions=mentions[e.id], source=e.source)
        for e in extraction.resolution.entities
    ]
    found += [
        Entity(id=t.id, label=Label.TARGET.value, kind=t.kind, name=target_name(t), name_en=t.metric_en, mentions=1)
        for t in extraction.targets
    ]
    return sorted(found, key=lambda e: (-e.mentions, e.name))


def _relations(extraction: Extraction) -> list[PreviewRelation]:
    spans: dict[tuple[str, str], list[tuple[int, int]]] = {}
    for resolved in extraction.resolution.mentions:
        mention = resolved.mention
        spans.setdefault((mention.sentence_id, resolved.entity_id), []).append((mention.start, mention.end))
    relations = [
        PreviewRelation(edge.source, edge.type.value, edge.target, edge.weight,
                        tuple(_marked(ev, [*spans.get((ev.sentence_id, edge.source), ()),
                                           *spans.get((ev.sentence_id, edge.target), ())]) for ev in edge.evidence))
        for edge in extraction.edges
        if edge.type not in _HIDDEN_TYPES
    ]
    order = list(RelType)
    return sorted(relations, key=lambda r: (order.index(RelType(r.type)), -r.weight, r.source, r.target))


def _marked(evidence: Evidence, spans: Sequence[tuple[int, int]]) -> MarkedEvidence:
    """The evidence with the given document spans as non-overlapping sentence spans, outer ones kept."""
    local = outermost([MentionSpan(start - evidence.start, end - evidence.start, "", "") for start, end in spans])
    return MarkedEvidence(evidence.text, tuple((span.start, span.end) for span in local))

"""Typed records passed between the ingest stages.

read → Document; segment → Sentence; extract → Mention; resolve → Entity + ResolvedMention;
relate → Edge; targets → Target; instruments → Instrument. The KnowledgeGraph payload (`jig.core.graph`) is
assembled from them.
All character offsets are into `Document.text` and are half-open ``[start, end)``, except a
`Token`'s, which are into its sentence's `view` (the tokens are read sentence by sentence).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import NamedTuple, Protocol

from jig.core.schema import Label, RelType


@dataclass(frozen=True)
class Document:
    """One corpus document, read and cleaned.

    `text` is the readable original: markup, front matter and site boilerplate removed, lines
    broken by PDF extraction joined, characters otherwise exactly as written (traditional script
    and full-width forms kept). Evidence is always a substring of `text`.
    `view` has the same length as `text`, character for character: simplified script, half-width
    digits, letters and ASCII punctuation. Matching runs on `view`; offsets carry over to `text`.
    `metadata_source` says, per metadata field, where its value came from: "text" or "manifest".
    Metadata values are in the view's form (simplified script, half-width digits); `year` may be
    set without `date` when only the year is known (from the manifest).
    """

    id: str
    file: str
    path: str
    text: str
    view: str
    title: str | None = None
    issuer: str | None = None
    date: str | None = None
    year: int | None = None
    doc_number: str | None = None
    metadata_source: dict[str, str] = field(default_factory=dict)


class Token(NamedTuple):
    """A jieba token of a sentence: `sentence.view[start:end] == word` (offsets local to the sentence;
    add `Sentence.start` for document offsets). A plain tuple underneath: cheap to make by the
    hundred thousand, and it unpacks as ``word, start, end``."""

    word: str
    start: int
    end: int


class SentenceTokens(Protocol):
    """The tokens of one sentence's view, in order, and where they start and end (positions into the view)."""

    view: str

    def __len__(self) -> int: ...

    def __iter__(self) -> Iterator[Token]: ...

    def __getitem__(self, index: int) -> Token: ...

    def covering(self, pos: int) -> Token | None:
        """The token holding the character at `pos` (None for a blank or outside the view)."""

    def ending_at(self, pos: int) -> Token | None:
        """The token that ends exactly at `pos`, if any."""

    def starts_at(self, pos: int) -> bool:
        """Whether a token starts at `pos`."""

    def ends_at(self, pos: int) -> bool:
        """Whether a token ends at `pos`."""

    def after(self, pos: int) -> str:
        """The text of the token starting at `pos` ('' if none)."""

    def between(self, start: int, end: int) -> list[Token]:
        """The tokens lying inside ``[start, end)``, in order."""


@dataclass(frozen=True)
class Sentence:
    """A sentence (ended by 。！？； or a line break) with its tokens and clauses.

    `text` is `Document.text[start:end]` verbatim; `view` is the same span of `Document.view`.
    `tokens` are the jieba tokens of `view`: a sequence of `Token` that also answers where tokens
    start and end (`SentenceTokens`, implemented by `ingest.segment.sentences`). It cuts the text the first time it is asked
    about it, stretch by stretch: jieba is the costliest step of the pipeline, and most of the text
    is never looked into by any stage. The tokens are the same whenever they are cut.
    `clauses` are (start, end) document offsets of the comma/colon-separated parts.
    """

    id: str
    doc_id: str
    index: int
    start: int
    end: int
    text: str
    view: str
    tokens: SentenceTokens = field(repr=False, compare=False)
    clauses: tuple[tuple[int, int], ...] = ()


@dataclass(frozen=True)
class Mention:
    """A span of a sentence naming an entity.

    `surface` is the original text of the span, `normalized` its simplified view (the key used for
    resolution). `source` is "gazetteer" when found by the curated list, "form" when found by the
    shape of the name. `gazetteer_id` is set when the span matched a curated entity or alias.
    """

    sentence_id: str
    doc_id: str
    start: int
    end: int
    surface: str
    normalized: str
    label: Label
    kind: str
    source: str
    gazetteer_id: str | None = None
    implied_name: str | None = None


@dataclass(frozen=True)
class Entity:
    """A canonical entity: one node per real thing."""

    id: str
    label: Label
    kind: str
    name: str
    name_en: str = ""
    aliases: tuple[str, ...] = ()
    source: str = "gazetteer"
    mentions: int = 0
    docs: tuple[str, ...] = ()
    first_year: int | None = None
    last_year: int | None = None


@dataclass(frozen=True)
class ResolvedMention:
    """A mention and the id of the entity it resolved to."""

    mention: Mention
    entity_id: str


@dataclass(frozen=True)
class Evidence:
    """A verbatim sentence supporting a fact: `text == document.text[start:end]`."""

    sentence_id: str
    doc_id: str
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Edge:
    """A typed relation between two entities with its weight and evidence.

    `cues` are the cue words that signalled the relation (依托, 牵头, ...); empty for relations
    read from a name or the taxonomy.
    """

    source: str
    type: RelType
    target: str
    weight: float
    evidence: tuple[Evidence, ...]
    cues: tuple[str, ...] = ()

    @property
    def docs(self) -> tuple[str, ...]:
        """Ids of the documents the evidence comes from, in first-seen order."""
        return tuple(dict.fromkeys(e.doc_id for e in self.evidence))


@dataclass(frozen=True)
class Target:
    """A quantitative goal (or a baseline figure) stated in a document."""

    id: str
    kind: str
    metric: str
    metric_en: str
    value: float
    unit: str
    comparator: str
    year: int | None
    doc_id: str
    evidence: Evidence


@dataclass(frozen=True)
class Instrument:
    """A measure sentence coded with one policy-instrument type (a kind of `Instrument` in the schema).

    `cues` are the words of the sentence that signalled the type (for a goal read by the targets
    stage, the target it states); `entities` are the ids of the entities the sentence names that the
    measure concerns (`schema.INSTRUMENT_TARGETS`), in order of first mention.
    """

    id: str
    kind: str
    side: str
    cues: tuple[str, ...]
    doc_id: str
    year: int | None
    evidence: Evidence
    entities: tuple[str, ...] = ()


@dataclass(frozen=True)
class Resolution:
    """The canonical entities and every mention with the id of the entity it resolved to."""

    entities: list[Entity]
    mentions: list[ResolvedMention]


@dataclass(frozen=True)
class Extraction:
    """Everything the text stages found in a set of documents."""

    documents: list[Document]
    sentences: list[Sentence]
    mentions: list[Mention]
    resolution: Resolution
    edges: list[Edge]
    targets: list[Target]
    instruments: list[Instrument] = field(default_factory=list)

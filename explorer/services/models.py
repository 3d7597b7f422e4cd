"""Typed records the services hand to the pages."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Entity:
    """An entity node of the graph with the properties the explorer shows."""

    id: str
    label: str
    kind: str
    name: str
    name_en: str
    aliases: tuple[str, ...] = ()
    mentions: int = 0
    first_year: int | None = None
    last_year: int | None = None
    docs: tuple[str, ...] = ()
    centrality: float = 0.0
    source: str = ""
    pagerank: float | None = None
    betweenness: float | None = None
    community: int | None = None

    def display(self, lang: str) -> str:
        """The name to show in `lang` ("zh" or "en"); the Chinese name when no English one exists."""
        return self.name_en if lang == "en" and self.name_en else self.name

    @property
    def names(self) -> tuple[str, ...]:
        """Every name the entity is known by: canonical, English and aliases (no empties, no repeats)."""
        return tuple(dict.fromkeys(n for n in (self.name, self.name_en, *self.aliases) if n))


@dataclass(frozen=True)
class DocumentInfo:
    """A corpus document's metadata (its text is fetched separately)."""

    id: str
    file: str
    title: str
    issuer: str
    date: str
    year: int | None
    doc_number: str


@dataclass(frozen=True)
class GraphNode:
    """A node drawn in a graph view."""

    id: str
    label: str
    name: str
    name_en: str
    kind: str
    centrality: float = 0.0
    centre: bool = False
    community: int | None = None


@dataclass(frozen=True)
class GraphEdge:
    """A relationship drawn in a graph view."""

    source: str
    target: str
    type: str
    weight: float = 1.0


@dataclass(frozen=True)
class Subgraph:
    """Nodes and edges to draw; `hidden` counts the nodes left out by the node cap."""

    nodes: tuple[GraphNode, ...]
    edges: tuple[GraphEdge, ...]
    hidden: int = 0

    @property
    def capped(self) -> bool:
        """Whether the node cap left some nodes out."""
        return self.hidden > 0


@dataclass(frozen=True)
class Evidence:
    """A sentence stating a relation, with where it comes from."""

    sentence_id: str
    document_id: str
    text: str


@dataclass(frozen=True)
class Relation:
    """A derived relationship with its evidence sentences (perhaps only the first few: `evidence_count` has them all)."""

    source: str
    type: str
    target: str
    weight: float | None
    docs: tuple[str, ...] = ()
    cues: tuple[str, ...] = ()
    evidence: tuple[Evidence, ...] = field(default_factory=tuple)
    evidence_count: int = 0

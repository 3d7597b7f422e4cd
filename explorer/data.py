"""Cached data access for the pages: one store per build, service results cached per build.

The store is a `st.cache_resource` (one open database shared by every session); service results
are `st.cache_data`, keyed by a build stamp so that a rebuilt graph is picked up without a restart.
The build directory is `$JIG_BUILD_DIR`, default `data/build`.
Previews of uploaded files need no graph: they share one warmed-up pipeline and are cached by content.
"""

from __future__ import annotations

import os
from pathlib import Path

import streamlit as st

from explorer.services import compare as compare_service
from explorer.services import documents as documents_service
from explorer.services import entities as entities_service
from explorer.services import industry as industry_service
from explorer.services import instruments as instruments_service
from explorer.services import neighbourhood as neighbourhood_service
from explorer.services import network as network_service
from explorer.services import overview as overview_service
from explorer.services import preview as preview_service
from explorer.services import relations as relations_service
from explorer.services import trends as trends_service
from explorer.services.compare import Comparison, Novelty, Profile
from explorer.services.documents import MentionSpan
from explorer.services.industry import AnchorCell, EcosystemMember
from explorer.services.instruments import CodedSentence, CrossTab
from explorer.services.models import DocumentInfo, Entity, Relation, Subgraph
from explorer.services.preview import Preview
from explorer.services.trends import AttentionShare, FocusPoint, TargetPoint
from ingest.lexicon.gazetteer import Gazetteer
from queries.catalog import run_named
from queries.embedded import store_generation
from queries.store import DEFAULT_BUILD_DIR, GraphStore, QueryResult, open_store

BUILD_DIR_ENV = "JIG_BUILD_DIR"


def build_dir() -> Path:
    """The build directory the app reads: `$JIG_BUILD_DIR` or `data/build`."""
    return Path(os.environ.get(BUILD_DIR_ENV) or DEFAULT_BUILD_DIR)


def build_stamp() -> str:
    """A key that changes whenever the graph is rebuilt (or the store switches to Neo4j)."""
    neo4j = os.environ.get("NEO4J_URI")
    if neo4j:
        return f"neo4j:{neo4j}"
    graph_file = build_dir() / "graph.jsonl"
    mtime = graph_file.stat().st_mtime_ns if graph_file.exists() else 0
    return f"embedded:{build_dir().resolve()}:{store_generation(build_dir())}:{mtime}"


@st.cache_resource(show_spinner=False, max_entries=1)
def _open(stamp: str) -> GraphStore:
    return open_store(build_dir(), read_only=True)


def store() -> GraphStore:
    """The open graph store; raises GraphNotBuiltError when no graph has been built."""
    return _open(build_stamp())


@st.cache_data(show_spinner=False)
def _entities(stamp: str) -> list[Entity]:
    return entities_service.load_entities(store())


def entities() -> list[Entity]:
    """Every entity, most central first."""
    return _entities(build_stamp())


def entity_index() -> dict[str, Entity]:
    """Every entity by id."""
    return {e.id: e for e in entities()}


@st.cache_data(show_spinner=False)
def _documents(stamp: str) -> list[DocumentInfo]:
    return documents_service.list_documents(store())


def documents() -> list[DocumentInfo]:
    """Every document's metadata, oldest first."""
    return _documents(build_stamp())


@st.cache_data(show_spinner=False)
def _document_titles(stamp: str) -> dict[str, str]:
    return {d.id: d.title for d in documents()}


def document_titles() -> dict[str, str]:
    """Every document's title by id (one lookup per evidence line, not a pass over the corpus)."""
    return _document_titles(build_stamp())


@st.cache_data(show_spinner=False)
def _counts(stamp: str) -> tuple[dict[str, int], dict[str, int]]:
    return overview_service.label_counts(store()), overview_service.type_counts(store())


def counts() -> tuple[dict[str, int], dict[str, int]]:
    """Nodes per label and relationships per type."""
    return _counts(build_stamp())


@st.cache_data(show_spinner=False, max_entries=256)
def _neighbourhood(stamp: str, centres: tuple[str, ...], depth: int, types: tuple[str, ...],
                   labels: tuple[str, ...], cap: int) -> Subgraph:
    return neighbourhood_service.neighbourhood(
        store(), entity_index(), centres, depth=depth, types=types, labels=labels, cap=cap
    )


def neighbourhood(centres: tuple[str, ...], depth: int, types: tuple[str, ...], labels: tuple[str, ...],
                  cap: int) -> Subgraph:
    """The capped neighbourhood of some entities (see `services.neighbourhood.neighbourhood`)."""
    return _neighbourhood(build_stamp(), centres, depth, types, labels, cap)


@st.cache_data(show_spinner=False, max_entries=256)
def _relations(stamp: str, entity_id: str, types: tuple[str, ...], evidence_limit: int | None) -> list[Relation]:
    return relations_service.relations_of(store(), entity_id, types, evidence_limit)


def relations(entity_id: str, types: tuple[str, ...], evidence_limit: int | None = None) -> list[Relation]:
    """An entity's derived relations of the given types, with evidence (the first `evidence_limit` of each)."""
    return _relations(build_stamp(), entity_id, types, evidence_limit)


@st.cache_data(show_spinner=False)
def _anchor_matrix(stamp: str) -> list[AnchorCell]:
    return industry_service.anchor_matrix(store(), documents())


def anchor_matrix() -> list[AnchorCell]:
    """Every ANCHORS relationship as a matrix cell."""
    return _anchor_matrix(build_stamp())


@st.cache_data(show_spinner=False, max_entries=128)
def _industry(stamp: str, industry_id: str) -> tuple[list[str], list[EcosystemMember], Subgraph, list[FocusPoint]]:
    ids = industry_service.descendants(store(), industry_id)
    members, graph = industry_service.ecosystem(store(), entity_index(), ids)
    return ids, members, graph, trends_service.industry_focus(store(), documents(), ids)


def industry(industry_id: str) -> tuple[list[str], list[EcosystemMember], Subgraph, list[FocusPoint]]:
    """An industry with its sub-industries: their ids, ecosystem, graph and mentions per year."""
    return _industry(build_stamp(), industry_id)


@st.cache_data(show_spinner=False)
def _targets(stamp: str) -> list[TargetPoint]:
    return trends_service.targets(store())


def targets() -> list[TargetPoint]:
    """Every target and baseline figure."""
    return _targets(build_stamp())


@st.cache_data(show_spinner=False)
def _industry_focus(stamp: str) -> list[FocusPoint]:
    return trends_service.industry_focus(store(), documents())


def industry_focus() -> list[FocusPoint]:
    """Mentions of every industry per document year."""
    return _industry_focus(build_stamp())


@st.cache_data(show_spinner=False, max_entries=4)
def _attention_share(stamp: str, label: str) -> AttentionShare:
    return trends_service.attention_share(store(), label)


def attention_share(label: str) -> AttentionShare:
    """Per document year, the share of entity-mentioning sentences naming each industry or technology (`label`)."""
    return _attention_share(build_stamp(), label)


@st.cache_data(show_spinner=False, max_entries=64)
def _whats_new(stamp: str, document_id: str) -> Novelty:
    return compare_service.whats_new(store(), documents(), document_id)


def whats_new(document_id: str) -> Novelty:
    """The entities, target metrics and instrument types of a document that no earlier document has."""
    return _whats_new(build_stamp(), document_id)


@st.cache_data(show_spinner=False, max_entries=64)
def _profile(stamp: str, document_id: str) -> Profile:
    document = next(d for d in documents() if d.id == document_id)
    return compare_service.profile(store(), document, targets())


def comparison(a: str, b: str) -> Comparison:
    """Two documents (ids of existing documents) side by side."""
    stamp = build_stamp()
    return compare_service.compare(_profile(stamp, a), _profile(stamp, b))


@st.cache_data(show_spinner=False, max_entries=32)
def _document(stamp: str, document_id: str) -> tuple[str | None, list[MentionSpan]]:
    text = documents_service.document_text(store(), document_id)
    spans = documents_service.document_mentions(store(), document_id) if text is not None else []
    return text, documents_service.outermost(spans)


def document(document_id: str) -> tuple[str | None, list[MentionSpan]]:
    """A document's text (None when unknown) and its non-overlapping entity mentions."""
    return _document(build_stamp(), document_id)


@st.cache_data(show_spinner=False, max_entries=16)
def _instruments_by_industry(stamp: str, side: str) -> CrossTab:
    return instruments_service.by_industry(store(), side)


def instruments_by_industry(side: str) -> CrossTab:
    """Instrument type × industry for every side or one (see `services.instruments.by_industry`)."""
    return _instruments_by_industry(build_stamp(), side)


@st.cache_data(show_spinner=False, max_entries=64)
def _instruments_by_year(stamp: str, industry: str, side: str, years: tuple[int, int]) -> CrossTab:
    return instruments_service.by_year(store(), industry, side, years)


def instruments_by_year(industry: str, side: str, years: tuple[int, int]) -> CrossTab:
    """Instrument type × year for the sentences naming an industry (or all), for every side or one."""
    return _instruments_by_year(build_stamp(), industry, side, years)


@st.cache_data(show_spinner=False, max_entries=128)
def _instrument_sentences(stamp: str, kind: str, industry: str, year: int) -> list[CodedSentence]:
    return instruments_service.cell_sentences(store(), kind, industry, year)


def instrument_sentences(kind: str, industry: str, year: int) -> list[CodedSentence]:
    """The sentences behind one cross-tab cell (see `services.instruments.cell_sentences`)."""
    return _instrument_sentences(build_stamp(), kind, industry, year)


@st.cache_data(show_spinner=False, max_entries=16)
def _network_view(stamp: str, cap: int) -> tuple[Subgraph, int]:
    return network_service.network_view(store(), entities(), cap)


def network_view(cap: int) -> tuple[Subgraph, int]:
    """The most central members of the institution–platform–industry network and how many were left out."""
    return _network_view(build_stamp(), cap)


@st.cache_data(show_spinner=False, max_entries=128)
def _named(stamp: str, name: str, params: tuple[tuple[str, object], ...]) -> QueryResult:
    return run_named(store(), name, dict(params))


def named(name: str, params: dict[str, object]) -> QueryResult:
    """The result of a library query (raises QueryError for bad parameters or a database error)."""
    return _named(build_stamp(), name, tuple(sorted(params.items())))


@st.cache_resource(show_spinner=False)
def _warm_pipeline() -> Gazetteer:
    return preview_service.warm_up()


@st.cache_data(show_spinner=False, max_entries=16)
def preview(file_name: str, content: bytes) -> Preview:
    """What the pipeline extracts from an uploaded file (raises PreviewError when it cannot be read).

    Needs no graph: the gazetteer and jieba are loaded once per process, results cached per file content.
    """
    return preview_service.preview(file_name, content, _warm_pipeline())

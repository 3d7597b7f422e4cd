"""Quantitative targets and industry attention over the years."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from explorer.services.models import DocumentInfo
from jig.core.schema import Label
from queries.catalog import run_named

if TYPE_CHECKING:
    from queries.store import GraphStore

ROW_CAP = 50_000
#: The labels whose share of attention the Trends page follows.
ATTENTION_LABELS: tuple[str, ...] = (Label.INDUSTRY.value, Label.TECHNOLOGY.value)


@dataclass(frozen=True)
class TargetPoint:
    """A target or baseline figure set by a document."""

    id: str
    text: str
    kind: str
    metric: str
    metric_en: str
    value: float | None
    unit: str
    comparator: str
    year: int | None
    document: str
    sentence: str


@dataclass(frozen=True)
class FocusPoint:
    """How many sentences mention an industry in the documents of one year."""

    industry: str
    year: int
    mentions: int


@dataclass(frozen=True)
class SharePoint:
    """The share of one year's entity-mentioning sentences that name an industry or technology."""

    entity: str
    year: int
    sentences: int
    total: int
    share: float


@dataclass(frozen=True)
class AttentionShare:
    """The shares of attention of one label's entities: `totals` has every year with an entity-mentioning sentence
    (year → how many), `points` only the (entity, year) pairs with a mention; any other pair's share is 0."""

    label: str
    totals: dict[int, int]
    points: tuple[SharePoint, ...]

    def share(self, entity: str, year: int) -> float:
        """The share of `entity` in `year` (0 when the year's documents do not name it)."""
        return next((p.share for p in self.points if p.entity == entity and p.year == year), 0.0)

    def ranked(self) -> list[str]:
        """The entities, named in most sentences over all years first."""
        totals: Counter[str] = Counter()
        for point in self.points:
            totals[point.entity] += point.sentences
        return sorted(totals, key=lambda e: (-totals[e], e))


def targets(store: GraphStore) -> list[TargetPoint]:
    """Every Target node, by metric then year."""
    rows = store.query(
        "MATCH (t:Target) RETURN t.id AS id, t.name AS name, t.kind AS kind, t.metric AS metric, "
        "t.metric_en AS metric_en, t.value AS value, t.unit AS unit, t.comparator AS comparator, "
        "t.year AS year, t.document AS document, t.sentence AS sentence",
        row_cap=ROW_CAP,
    ).rows
    points = [
        TargetPoint(
            id=r["id"], text=r.get("name") or "", kind=r.get("kind") or "", metric=r.get("metric") or "",
            metric_en=r.get("metric_en") or "", value=r.get("value"), unit=r.get("unit") or "",
            comparator=r.get("comparator") or "", year=r.get("year"), document=r.get("document") or "",
            sentence=r.get("sentence") or "",
        )
        for r in rows
    ]
    return sorted(points, key=lambda p: (p.metric, p.year or 0, p.id))


def industry_focus(
    store: GraphStore, documents: Sequence[DocumentInfo], industry_ids: Sequence[str] | None = None
) -> list[FocusPoint]:
    """Sentences mentioning each industry (all, or those of `industry_ids`), per document year."""
    where = "WHERE i.id IN $ids " if industry_ids is not None else ""
    rows = store.query(
        f"MATCH (s:Sentence)-[:MENTIONS]->(i:Industry) {where}"
        "RETURN i.id AS industry, s.document AS document, count(*) AS n",
        {"ids": list(industry_ids)} if industry_ids is not None else None,
        row_cap=ROW_CAP,
    ).rows
    year_of = {d.id: d.year for d in documents}
    totals: Counter[tuple[str, int]] = Counter()
    for row in rows:
        year = year_of.get(row["document"])
        if year is not None:
            totals[(row["industry"], year)] += int(row["n"])
    return [FocusPoint(i, y, n) for (i, y), n in sorted(totals.items())]


def attention_share(store: GraphStore, label: str) -> AttentionShare:
    """Per document year, the share of the sentences naming any entity that name each industry or technology.

    `label` is "Industry" or "Technology"; from the library query `attention_share_by_year`.
    """
    if label not in ATTENTION_LABELS:
        raise ValueError(f"attention is followed for {', '.join(ATTENTION_LABELS)}, not {label!r}")
    rows = run_named(store, "attention_share_by_year", {"label": label}, row_cap=ROW_CAP).rows
    points = tuple(SharePoint(r["id"], int(r["year"]), int(r["sentences"]), int(r["total"]), float(r["share"]))
                   for r in rows if r["id"] is not None)
    return AttentionShare(label, {int(r["year"]): int(r["total"]) for r in rows}, points)

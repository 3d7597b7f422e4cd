"""Policy instruments: instrument × industry and instrument × year cross-tabs, and the sentences of a cell.

Every figure comes from the library queries (`instruments_by_industry`, `instruments_by_year`,
`instrument_sentences`), so the explorer and `python -m queries run` always agree.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import TYPE_CHECKING

from jig.core.schema import INSTRUMENT_SIDES, SIDES
from queries.catalog import run_named

if TYPE_CHECKING:
    from queries.store import GraphStore

ALL = "all"
#: The side filter's choices: every side, or one of them.
SIDE_CHOICES: tuple[str, ...] = (ALL, *SIDES)
ROW_CAP = 50_000


@dataclass(frozen=True)
class Cell:
    """Measure sentences coded with one instrument type in one column (an industry id or a year)."""

    kind: str
    column: str
    sentences: int
    documents: int


@dataclass(frozen=True)
class CrossTab:
    """Instrument types (schema order) × columns (largest total first for industries, in order for years)."""

    kinds: tuple[str, ...]
    columns: tuple[str, ...]
    cells: dict[tuple[str, str], Cell]

    def count(self, kind: str, column: str) -> int:
        """Sentences in a cell (0 when empty)."""
        cell = self.cells.get((kind, column))
        return cell.sentences if cell else 0

    def first(self, n: int) -> CrossTab:
        """The cross-tab of the first `n` columns only."""
        kept = self.columns[:n]
        cells = {key: cell for key, cell in self.cells.items() if cell.column in kept}
        return CrossTab(_kinds(cells), kept, cells)

    def ranked(self) -> list[Cell]:
        """The non-empty cells, most sentences first."""
        return sorted(self.cells.values(), key=lambda c: (-c.sentences, self.kinds.index(c.kind), c.column))


@dataclass(frozen=True)
class CodedSentence:
    """A measure sentence behind a cell: its text, the cue words, the entities it names and its document."""

    sentence_id: str
    text: str
    cues: tuple[str, ...]
    entities: tuple[str, ...]
    document_id: str
    title: str
    year: int | None


def by_industry(store: GraphStore, side: str = ALL) -> CrossTab:
    """Instrument type × industry (each industry with its sub-industries), for every side or one."""
    rows = run_named(store, "instruments_by_industry", {"side": side}, row_cap=ROW_CAP).rows
    return _crosstab(rows, "id", ordered=False)


def by_year(store: GraphStore, industry: str = ALL, side: str = ALL, years: tuple[int, int] = (1949, 2100)) -> CrossTab:
    """Instrument type × document year, for sentences naming `industry` (or all), for every side or one."""
    params = {"industry": industry, "from_year": years[0], "to_year": years[1]}
    rows = run_named(store, "instruments_by_year", params, row_cap=ROW_CAP).rows
    return _crosstab([r for r in rows if side == ALL or r["side"] == side], "year", ordered=True)


def cell_sentences(store: GraphStore, kind: str, industry: str = ALL, year: int = 0) -> list[CodedSentence]:
    """The sentences coded `kind`, naming `industry` (or any) and of `year` (0: any), oldest first."""
    params = {"instrument": kind, "industry": industry, "year": year}
    rows = run_named(store, "instrument_sentences", params, row_cap=ROW_CAP).rows
    return [
        CodedSentence(
            sentence_id=r["sentence"], text=r.get("text") or "", cues=tuple(r.get("cues") or ()),
            entities=tuple(sorted(set(r.get("entities") or ()) - {None})), document_id=r["document"],
            title=r.get("title") or r.get("file") or r["document"], year=r.get("year"),
        )
        for r in rows
    ]


def _crosstab(rows: list[dict], column: str, *, ordered: bool) -> CrossTab:
    cells = {}
    totals: dict[str, int] = defaultdict(int)
    for row in rows:
        if row.get(column) is None or row.get("instrument") not in INSTRUMENT_SIDES:
            continue
        key = str(row[column])
        cell = Cell(row["instrument"], key, int(row["sentences"]), int(row["documents"]))
        cells[(cell.kind, key)] = cell
        totals[key] += cell.sentences
    columns = sorted(totals) if ordered else sorted(totals, key=lambda c: (-totals[c], c))
    return CrossTab(_kinds(cells), tuple(columns), cells)


def _kinds(cells: dict[tuple[str, str], Cell]) -> tuple[str, ...]:
    """The instrument types with a non-empty cell, in schema order."""
    present = {kind for kind, _ in cells}
    return tuple(k for k in INSTRUMENT_SIDES if k in present)

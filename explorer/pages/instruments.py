"""Policy instruments: instrument × industry and instrument × year cross-tabs; a cell's sentences with their cues."""

from __future__ import annotations

import html
from collections.abc import Callable
from functools import partial

import altair as alt
import pandas as pd
import streamlit as st

from explorer import data
from explorer.i18n import kind_name
from explorer.markup import mark, markdown_text, name_spans
from explorer.services.instruments import ALL, SIDE_CHOICES, CodedSentence, CrossTab
from explorer.services.models import Entity
from explorer.ui import document_href, guarded, lang, tr
from jig.core.schema import Label
from jig.core.text import simplified_view

_SIDE = "instruments_side"
_YEAR_INDUSTRY = "instruments_year_industry"
_YEARS = "instruments_years"
MAX_INDUSTRIES = 20

Namer = Callable[[str], str]


def _kind(kind: str) -> str:
    return kind_name(Label.INSTRUMENT.value, kind, lang())


def _frame(tab: CrossTab, name: Namer) -> pd.DataFrame:
    """The cross-tab as a table: a row per instrument type, a column per industry or year, and the total."""
    rows = {_kind(k): {name(c): tab.count(k, c) for c in tab.columns} for k in tab.kinds}
    frame = pd.DataFrame.from_dict(rows, orient="index", columns=[name(c) for c in tab.columns])
    frame[tr("col.total")] = frame.sum(axis=1)
    frame.index.name = tr("col.instrument")
    return frame


def _cell_key(kind: str, column: str) -> str:
    return f"{kind}|{column}"


def _cell_of(key: str) -> tuple[str, str]:
    kind, _, column = key.partition("|")
    return kind, column


def _clicked(grid: str, pick: str, tab: CrossTab, names: list[str]) -> None:
    """A click on a cell of the table chooses that cell (when it holds sentences); `names` are the table's columns."""
    cells = st.session_state[grid].selection.cells
    if not cells:
        return
    row, column = cells[0]
    if 0 <= row < len(tab.kinds) and column in names[:len(tab.columns)]:
        kind, key = tab.kinds[row], tab.columns[names.index(column)]
        if tab.count(kind, key):
            st.session_state[pick] = _cell_key(kind, key)


def _crosstab(tab: CrossTab, name: Namer, *, key: str, help_text: str) -> tuple[str, str] | None:
    """Draw a cross-tab with a cell picker; returns the (instrument type, column) chosen."""
    if not tab.cells:
        st.info(tr("instruments.empty"))
        return None
    st.caption(help_text)
    pick, grid = f"{key}_cell", f"{key}_grid"
    frame = _frame(tab, name)
    st.dataframe(frame, key=grid, on_select=partial(_clicked, grid, pick, tab, list(frame.columns)),
                 selection_mode="single-cell")
    options = [_cell_key(c.kind, c.column) for c in tab.ranked()]
    if st.session_state.get(pick) not in options:
        st.session_state.pop(pick, None)

    def shown(option: str) -> str:
        kind, column = _cell_of(option)
        return tr("instruments.cell_option", instrument=_kind(kind), column=name(column), n=tab.count(kind, column))

    chosen = st.selectbox(tr("instruments.cell"), options, key=pick, format_func=shown)
    return _cell_of(chosen) if chosen else None


def _sentences(kind: str, column: str, name: Namer, industry: str, year: int) -> None:
    sentences = guarded(lambda: data.instrument_sentences(kind, industry, year))
    title = tr("instruments.sentences", instrument=_kind(kind), column=name(column), n=len(sentences))
    st.markdown(f"**{markdown_text(title)}**")
    st.markdown(_sentence_table(sentences), unsafe_allow_html=True)


def _sentence_table(sentences: list[CodedSentence]) -> str:
    header = (f"<tr><th>{tr('col.sentence')}</th><th>{tr('col.cues')}</th><th>{tr('col.entities')}</th>"
              f"<th>{tr('col.document')}</th></tr>")
    rows = [
        f"<tr><td>{mark(s.text, name_spans(simplified_view(s.text), s.cues))}</td>"
        f"<td>{html.escape('、'.join(s.cues))}</td><td>{html.escape('、'.join(s.entities))}</td>"
        f'<td><a href="{document_href(s.document_id)}" target="_self">{html.escape(s.title)}</a> '
        f"{s.year or ''}</td></tr>"
        for s in sentences
    ]
    return f'<table class="jig-table jig-evidence jig-instruments">{header}{"".join(rows)}</table>'


def _by_industry(side: str, index: dict[str, Entity]) -> None:
    tab = guarded(lambda: data.instruments_by_industry(side)).first(MAX_INDUSTRIES)

    def name(column: str) -> str:
        return index[column].display(lang()) if column in index else column

    chosen = _crosstab(tab, name, key="instruments_industry", help_text=tr("instruments.industry_help"))
    if chosen:
        _sentences(chosen[0], chosen[1], name, industry=chosen[1], year=0)


def _year_filters(index: dict[str, Entity]) -> tuple[str, tuple[int, int]]:
    industries = sorted((e for e in index.values() if e.label == Label.INDUSTRY.value), key=lambda e: -e.mentions)
    choices = [ALL, *(e.id for e in industries)]
    wanted = st.query_params.get("industry")
    if wanted in choices and _YEAR_INDUSTRY not in st.session_state:
        st.session_state[_YEAR_INDUSTRY] = wanted
    left, right = st.columns(2)
    industry = left.selectbox(tr("instruments.industry"), choices, key=_YEAR_INDUSTRY,
                              format_func=lambda i: tr("instruments.all_industries") if i == ALL
                              else index[i].display(lang()))
    years = sorted({d.year for d in data.documents() if d.year is not None})
    span = (years[0], years[-1]) if years else (1949, 2100)
    if span[0] < span[1]:
        span = right.slider(tr("instruments.years"), span[0], span[1], span, key=_YEARS)
    return industry, span


def _by_year(side: str, index: dict[str, Entity]) -> None:
    industry, years = _year_filters(index)
    tab = guarded(lambda: data.instruments_by_year(industry, side, years))
    if tab.cells:
        frame = pd.DataFrame([{tr("col.year"): c.column, tr("col.instrument"): _kind(c.kind),
                               tr("col.sentences"): c.sentences} for c in tab.cells.values()])
        st.markdown(f"**{tr('instruments.chart')}**")
        st.altair_chart(alt.Chart(frame).mark_bar().encode(
            x=alt.X(tr("col.year"), type="ordinal"), y=alt.Y(tr("col.sentences"), type="quantitative", stack=True),
            color=alt.Color(tr("col.instrument"), type="nominal"), tooltip=list(frame.columns),
        ), width="stretch")
    chosen = _crosstab(tab, str, key="instruments_year", help_text=tr("instruments.year_help"))
    if chosen:
        _sentences(chosen[0], chosen[1], str, industry=industry, year=int(chosen[1]))


def render() -> None:
    """Draw the policy-instrument view."""
    st.title(tr("page.instruments"))
    st.markdown(tr("instruments.intro"))
    index = {e.id: e for e in guarded(data.entities)}
    side = st.radio(tr("instruments.side"), SIDE_CHOICES, horizontal=True, key=_SIDE,
                    format_func=lambda s: tr(f"side.{s}"))
    by_industry, by_year = st.tabs([tr("instruments.tab_industry"), tr("instruments.tab_year")])
    with by_industry:
        _by_industry(side, index)
    with by_year:
        _by_year(side, index)


if __name__ == "__main__":
    render()

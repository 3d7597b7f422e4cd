"""Compare documents: two documents side by side, and what a document brings that no earlier one has."""

from __future__ import annotations

import html
from collections.abc import Sequence

import altair as alt
import pandas as pd
import streamlit as st

from explorer import data
from explorer.i18n import kind_name, label_name
from explorer.markup import markdown_text
from explorer.services.compare import Comparison, Named, Profile, grouped
from explorer.services.models import DocumentInfo
from explorer.ui import document_href, entity_href, guarded, lang, tr
from jig.core.schema import ENTITY_LABELS, INSTRUMENT_SIDES, Label

_A, _B, _NEW = "compare_a", "compare_b", "compare_new"


def _kind(kind: str) -> str:
    return kind_name(Label.INSTRUMENT.value, kind, lang())


def _side(kind: str) -> str:
    return tr(f"side.{INSTRUMENT_SIDES[kind]}")


def _pick(label: str, key: str, ids: list[str], default: str, by_id: dict[str, DocumentInfo]) -> str:
    """A document picker, preselected from the query parameter of the same name (a, b or new) or `default`."""
    param = key.removeprefix("compare_")
    wanted = st.query_params.get(param)
    if key not in st.session_state:
        st.session_state[key] = wanted if wanted in ids else default

    def picked() -> None:
        st.query_params[param] = st.session_state[key]

    return st.selectbox(label, ids, key=key, on_change=picked,
                        format_func=lambda i: f"{by_id[i].year or '—'} · {by_id[i].title}")


def _metadata(document: DocumentInfo) -> str:
    fields = (("col.title", document.title), ("col.issuer", document.issuer), ("col.date", document.date),
              ("col.year", str(document.year or "")), ("col.doc_number", document.doc_number),
              ("col.file", document.file))
    rows = "".join(f"<tr><th>{tr(key)}</th><td>{html.escape(value) if value else tr('word.none')}</td></tr>"
                   for key, value in fields)
    link = f'<a href="{document_href(document.id)}" target="_self">{tr("compare.read")}</a>'
    return f'<table class="jig-table jig-compare-meta">{rows}</table><p>{link}</p>'


def _entity_table(entities: Sequence[Named], counts: Sequence[tuple[str, Sequence[int]]]) -> str:
    """Entities as an HTML table: type, linked name, then one column per (heading, counts) pair."""
    if not entities:
        return f"<p>{tr('compare.none')}</p>"
    header = "".join(f"<th>{html.escape(heading)}</th>" for heading, _ in counts)
    rows = []
    for number, entity in enumerate(entities):
        other = entity.name if lang() == "en" else entity.name_en
        name = (f'<a href="{entity_href(entity.id)}" target="_self" title="{html.escape(other or entity.id)}">'
                f"{html.escape(entity.display(lang()))}</a>")
        cells = "".join(f"<td>{values[number]}</td>" for _, values in counts)
        rows.append(f"<tr><td>{html.escape(label_name(entity.label, lang()))}</td><td>{name}</td>{cells}</tr>")
    return (f'<table class="jig-table jig-compare"><tr><th>{tr("col.label")}</th><th>{tr("col.name")}</th>'
            f'{header}</tr>{"".join(rows)}</table>')


def _label_counts(comparison: Comparison) -> pd.DataFrame:
    a, b = comparison.a.label_counts(), comparison.b.label_counts()
    both = {label.value: 0 for label in ENTITY_LABELS}
    for entity in comparison.shared:
        both[entity.label] += 1
    return pd.DataFrame(
        [{tr("col.label"): label_name(label.value, lang()), tr("col.in_a"): a[label.value],
          tr("col.in_b"): b[label.value], tr("col.in_both"): both[label.value]} for label in ENTITY_LABELS]
    )


def _entities(comparison: Comparison) -> None:
    st.subheader(tr("compare.entities"))
    sentences = tr("col.naming")
    tabs = st.tabs([tr("compare.shared", n=len(comparison.shared)), tr("compare.only_a", n=len(comparison.only_a)),
                    tr("compare.only_b", n=len(comparison.only_b))])
    with tabs[0]:
        pairs = [comparison.sentences(e.id) for e in comparison.shared]
        st.markdown(_entity_table(comparison.shared, [(f"{sentences} · A", [p[0] for p in pairs]),
                                                      (f"{sentences} · B", [p[1] for p in pairs])]),
                    unsafe_allow_html=True)
    for tab, entities in ((tabs[1], comparison.only_a), (tabs[2], comparison.only_b)):
        with tab:
            st.markdown(_entity_table(entities, [(sentences, [e.sentences for e in entities])]),
                        unsafe_allow_html=True)


def _instruments(comparison: Comparison) -> None:
    st.subheader(tr("compare.instruments"))
    kinds = comparison.instrument_kinds()
    if not kinds:
        st.info(tr("compare.no_instruments"))
        return
    counts = {(side, i.id): i.sentences for side, profile in (("A", comparison.a), ("B", comparison.b))
              for i in profile.instruments}
    instrument, document, number = tr("col.instrument"), tr("col.document"), tr("col.sentences")
    frame = pd.DataFrame([{instrument: _kind(k), tr("col.side"): _side(k), document: side,
                           number: counts.get((side, k), 0)} for k in kinds for side in ("A", "B")])
    st.altair_chart(alt.Chart(frame).mark_bar().encode(
        x=alt.X(number, type="quantitative", axis=alt.Axis(format="d", tickMinStep=1)),
        y=alt.Y(instrument, type="nominal", sort=[_kind(k) for k in kinds]),
        yOffset=alt.YOffset(document, type="nominal"), color=alt.Color(document, type="nominal"),
        tooltip=list(frame.columns),
    ), width="stretch")
    table = frame.pivot_table(index=[instrument, tr("col.side")], columns=document, values=number, sort=False)
    st.dataframe(table)


def _targets(profile: Profile) -> None:
    if not profile.targets:
        st.info(tr("compare.no_targets"))
        return
    st.dataframe(pd.DataFrame([
        {tr("col.metric"): t.metric_en if lang() == "en" and t.metric_en else t.metric, tr("col.target_year"): t.year,
         tr("col.value"): t.value, tr("col.kind"): tr("word.baseline") if t.kind == "Baseline" else tr("word.target"),
         tr("col.sentence"): t.text}
        for t in profile.targets
    ]), hide_index=True)


def _side_by_side(a: str, b: str) -> None:
    comparison = guarded(lambda: data.comparison(a, b))
    left, right = st.columns(2)
    for column, name, profile in ((left, "A", comparison.a), (right, "B", comparison.b)):
        column.markdown(f"**{name} · {markdown_text(profile.document.title)}**")
        column.markdown(_metadata(profile.document), unsafe_allow_html=True)
    st.subheader(tr("compare.entity_counts"))
    st.dataframe(_label_counts(comparison), hide_index=True)
    _entities(comparison)
    _instruments(comparison)
    st.subheader(tr("compare.targets"))
    left, right = st.columns(2)
    for column, profile in ((left, comparison.a), (right, comparison.b)):
        with column:
            st.markdown(f"**{markdown_text(profile.document.title)}**")
            _targets(profile)


def _whats_new(document_id: str) -> None:
    novelty = guarded(lambda: data.whats_new(document_id))
    st.caption(tr("compare.new_help", n=novelty.earlier))
    if not novelty.earlier:
        st.info(tr("compare.new_first"))
    st.markdown(f"**{tr('compare.new_entities', n=len(novelty.entities))}**")
    groups = grouped(novelty.entities)
    if groups:
        tabs = st.tabs([f"{label_name(label, lang())} ({len(found)})" for label, found in groups.items()])
        for tab, found in zip(tabs, groups.values(), strict=True):
            tab.markdown(_entity_table(found, [(tr("col.naming"), [e.sentences for e in found])]),
                         unsafe_allow_html=True)
    else:
        st.markdown(tr("compare.none"))
    st.markdown(f"**{tr('compare.new_metrics', n=len(novelty.metrics))}**")
    if novelty.metrics:
        st.dataframe(pd.DataFrame([{tr("col.metric"): m.display(lang()), tr("col.naming"): m.sentences}
                                   for m in novelty.metrics]), hide_index=True)
    st.markdown(f"**{tr('compare.new_instruments', n=len(novelty.instruments))}**")
    if novelty.instruments:
        st.dataframe(pd.DataFrame([{tr("col.instrument"): _kind(i.id), tr("col.side"): _side(i.id),
                                    tr("col.sentences"): i.sentences} for i in novelty.instruments]), hide_index=True)


def render() -> None:
    """Draw two documents side by side, then what one document brings that no earlier one has."""
    st.title(tr("page.compare"))
    st.markdown(tr("compare.intro"))
    documents = guarded(data.documents)
    if not documents:
        return
    ids = [d.id for d in documents]
    by_id = {d.id: d for d in documents}
    left, right = st.columns(2)
    with left:
        a = _pick(tr("compare.pick_a"), _A, ids, ids[max(len(ids) - 2, 0)], by_id)
    with right:
        b = _pick(tr("compare.pick_b"), _B, ids, ids[-1], by_id)
    if a == b:
        st.info(tr("compare.same"))
    else:
        _side_by_side(a, b)
    st.subheader(tr("compare.new"))
    _whats_new(_pick(tr("compare.new_pick"), _NEW, ids, b, by_id))


if __name__ == "__main__":
    render()

"""Overview page: what the graph holds, where it comes from, and its most central entities."""

from __future__ import annotations

import html

import altair as alt
import pandas as pd
import streamlit as st

from explorer import data
from explorer.i18n import kind_name, label_name, rel_name
from explorer.services.models import Entity
from explorer.services.overview import documents_by_year
from explorer.ui import entity_anchor, guarded, lang, tr
from jig.core.schema import Label

TOP = 10


def _top_table(entities: list[Entity], label: Label) -> str:
    rows = [e for e in entities if e.label == label.value][:TOP]
    header = f"<tr><th>{tr('col.name')}</th><th>{tr('col.kind')}</th><th>{tr('col.centrality')}</th>" \
             f"<th>{tr('col.mentions')}</th></tr>"
    body = "".join(
        f"<tr><td>{entity_anchor(e)}</td><td>{html.escape(kind_name(e.label, e.kind, lang()))}</td>"
        f"<td>{e.centrality:.4f}</td><td>{e.mentions}</td></tr>"
        for e in rows
    )
    return f'<table class="jig-table">{header}{body}</table>'


def render() -> None:
    """Draw the overview."""
    st.title(tr("app.title"))
    labels, types = guarded(data.counts)
    documents = guarded(data.documents)
    entities = guarded(data.entities)
    by_year = documents_by_year(documents)
    years = f"{min(by_year)}–{max(by_year)}" if by_year else "—"
    st.markdown(tr("overview.intro", documents=len(documents), years=years))
    st.caption(tr("app.backend", backend=data.store().backend))

    metrics = st.columns(4)
    for column, label in zip(metrics, (Label.INSTITUTION, Label.PLATFORM, Label.INDUSTRY, Label.DOCUMENT), strict=True):
        column.metric(label_name(label.value, lang()), labels[label.value])

    left, right = st.columns(2)
    with left:
        st.subheader(tr("overview.nodes"))
        frame = pd.DataFrame(
            {tr("col.label"): [label_name(k, lang()) for k in labels], tr("col.count"): list(labels.values())}
        )
        st.altair_chart(
            alt.Chart(frame).mark_bar().encode(
                x=alt.X(tr("col.count"), type="quantitative"),
                y=alt.Y(tr("col.label"), type="nominal", sort="-x"),
                tooltip=[tr("col.label"), tr("col.count")],
            ),
            width="stretch",
        )
    with right:
        st.subheader(tr("overview.docs_by_year"))
        frame = pd.DataFrame({tr("col.year"): [str(y) for y in by_year], tr("col.documents"): list(by_year.values())})
        st.altair_chart(
            alt.Chart(frame).mark_bar().encode(
                x=alt.X(tr("col.year"), type="ordinal"),
                y=alt.Y(tr("col.documents"), type="quantitative", axis=alt.Axis(tickMinStep=1)),
                tooltip=[tr("col.year"), tr("col.documents")],
            ),
            width="stretch",
        )

    left, right = st.columns(2)
    with left:
        st.subheader(tr("overview.top_institutions"))
        st.markdown(_top_table(entities, Label.INSTITUTION), unsafe_allow_html=True)
    with right:
        st.subheader(tr("overview.top_industries"))
        st.markdown(_top_table(entities, Label.INDUSTRY), unsafe_allow_html=True)

    st.subheader(tr("overview.relations"))
    st.dataframe(
        pd.DataFrame(
            {
                tr("col.relation"): [rel_name(k, lang()) for k in types],
                tr("col.cypher_name"): list(types),
                tr("col.count"): list(types.values()),
            }
        ),
        hide_index=True,
    )


if __name__ == "__main__":
    render()

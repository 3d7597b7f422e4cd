"""Industries: the institution × industry anchor matrix, thinly anchored industries, one industry's ecosystem."""

from __future__ import annotations

import altair as alt
import pandas as pd
import streamlit as st

from explorer import data
from explorer.i18n import label_name, rel_name
from explorer.markup import markdown_text
from explorer.services.industry import anchor_counts
from explorer.services.models import Entity
from explorer.ui import guarded, lang, show_graph, tr
from jig.core.schema import Label

_PICK = "industry_pick"


def _matrix(index: dict[str, Entity]) -> None:
    st.subheader(tr("industry.matrix"))
    cells = guarded(data.anchor_matrix)
    if not cells:
        st.info(tr("industry.no_anchors"))
        return
    st.caption(tr("industry.matrix_help"))
    frame = pd.DataFrame(
        [
            {
                tr("col.institution"): index[c.institution].display(lang()),
                tr("col.industry"): index[c.industry].display(lang()),
                tr("col.weight"): c.weight,
                tr("col.sentences"): c.sentences,
                tr("col.documents"): c.documents,
                tr("col.years"): ", ".join(map(str, c.years)),
            }
            for c in cells
            if c.institution in index and c.industry in index
        ]
    )
    height = max(240, 30 * frame[tr("col.institution")].nunique())
    chart = alt.Chart(frame).mark_rect(stroke="white").encode(
        x=alt.X(tr("col.industry"), type="nominal", sort="-color", axis=alt.Axis(labelAngle=-40, labelOverlap=False)),
        y=alt.Y(tr("col.institution"), type="nominal", sort="-color", title=None,
                axis=alt.Axis(labelLimit=320, labelOverlap=False)),
        color=alt.Color(tr("col.weight"), type="quantitative", scale=alt.Scale(scheme="blues")),
        tooltip=list(frame.columns),
    ).properties(height=height)
    st.altair_chart(chart, width="stretch")


def _flags(entities: list[Entity], index: dict[str, Entity]) -> None:
    st.subheader(tr("industry.flags"))
    counts = anchor_counts(entities, data.anchor_matrix())
    rows = [
        {
            tr("col.industry"): index[i].display(lang()),
            tr("industry.anchors"): n,
            tr("industry.flag"): tr("industry.flag_none") if n == 0 else tr("industry.flag_single"),
            tr("col.mentions"): index[i].mentions,
        }
        for i, n in sorted(counts.items(), key=lambda item: (item[1], -index[item[0]].mentions))
        if n <= 1
    ]
    st.dataframe(pd.DataFrame(rows), hide_index=True)


def _ecosystem(industries: list[Entity], index: dict[str, Entity]) -> None:
    st.subheader(tr("industry.ecosystem"))
    ids = [e.id for e in industries]
    wanted = st.query_params.get("industry")
    if wanted in ids and _PICK not in st.session_state:
        st.session_state[_PICK] = wanted
    picked = st.selectbox(tr("industry.pick"), ids, key=_PICK,
                          format_func=lambda i: f"{index[i].display(lang())} · {index[i].mentions}")
    members_ids, members, graph, focus = guarded(lambda: data.industry(picked))
    if len(members_ids) > 1:
        names = "、".join(index[i].display(lang()) for i in members_ids if i in index)
        st.caption(tr("industry.includes", names=markdown_text(names)))
    if not members:
        st.info(tr("industry.no_ecosystem"))
    else:
        table = pd.DataFrame(
            [
                {
                    tr("col.name"): index[m.entity].display(lang()),
                    tr("col.label"): label_name(m.label, lang()),
                    tr("col.relations"): "、".join(rel_name(r, lang()) for r in m.relations),
                    tr("col.weight"): m.weight,
                    tr("col.sentences"): m.sentences,
                }
                for m in members
            ]
        )
        left, right = st.columns([2, 3])
        left.dataframe(table, hide_index=True, height=480)
        with right:
            show_graph(graph, index[picked].display(lang()), key="industry_graph", height=460,
                       download_name=f"{picked}.html")
    st.markdown(f"**{tr('industry.mentions_by_year')}**")
    per_year: dict[int, int] = {}
    for point in focus:
        per_year[point.year] = per_year.get(point.year, 0) + point.mentions
    frame = pd.DataFrame({tr("col.year"): [str(y) for y in per_year], tr("col.mentions"): list(per_year.values())})
    st.altair_chart(
        alt.Chart(frame).mark_bar().encode(
            x=alt.X(tr("col.year"), type="ordinal"), y=alt.Y(tr("col.mentions"), type="quantitative"),
            tooltip=list(frame.columns),
        ),
        width="stretch",
    )


def render() -> None:
    """Draw the industry view."""
    st.title(tr("page.industry"))
    entities = guarded(data.entities)
    index = {e.id: e for e in entities}
    _matrix(index)
    _flags(entities, index)
    industries = sorted((e for e in entities if e.label == Label.INDUSTRY.value), key=lambda e: -e.mentions)
    if industries:
        _ecosystem(industries, index)


if __name__ == "__main__":
    render()

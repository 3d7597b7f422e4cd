"""Targets and trends: quantitative targets over time, industry focus by year, and the graph's exports."""

from __future__ import annotations

import altair as alt
import pandas as pd
import streamlit as st

from explorer import data
from explorer.i18n import label_name, prop_name
from explorer.services.exports import EXPORTS, ExportKind, export_bytes
from explorer.services.trends import ATTENTION_LABELS
from explorer.ui import guarded, lang, tr

TOP_INDUSTRIES = 8
#: Industries or technologies drawn in the share chart (the table lists all).
TOP_SHARES = 8


def _targets() -> None:
    st.subheader(tr("trends.targets"))
    points = guarded(data.targets)
    if not points:
        st.info(tr("trends.no_targets"))
        return
    titles = {}
    for p in points:
        titles.setdefault(p.metric, p.metric_en if lang() == "en" and p.metric_en else p.metric)
    counts = {m: sum(1 for p in points if p.metric == m) for m in titles}
    metrics = sorted(titles, key=lambda m: (-counts[m], m))
    rd = next((m for m in metrics if "R&D" in m or "研发" in m), metrics[0])
    metric = st.selectbox(tr("trends.metric"), metrics, index=metrics.index(rd), key="trends_metric",
                          format_func=lambda m: f"{titles[m]} ({counts[m]})")
    years = {d.id: d.year for d in data.documents()}
    rows = [
        {
            tr("col.target_year"): p.year,
            tr("col.value"): p.value,
            prop_name("unit", lang()): p.unit,
            tr("col.kind"): tr("word.baseline") if p.kind == "Baseline" else tr("word.target"),
            tr("col.doc_year"): years.get(p.document),
            tr("col.sentence"): p.text,
        }
        for p in points
        if p.metric == metric
    ]
    frame = pd.DataFrame(rows)
    plotted = frame.dropna(subset=[tr("col.target_year"), tr("col.value")])
    unit_column = prop_name("unit", lang())
    if not plotted.empty:
        base = alt.Chart(plotted).encode(
            x=alt.X(tr("col.target_year"), type="quantitative", scale=alt.Scale(zero=False),
                    axis=alt.Axis(format="d", tickMinStep=1)),
            y=alt.Y(tr("col.value"), type="quantitative", title=f"{titles[metric]} ({plotted[unit_column].iloc[0]})"),
            color=alt.Color(tr("col.kind"), type="nominal"),
            tooltip=list(plotted.columns),
        )
        st.altair_chart(base.mark_line(point=True) + base.mark_point(size=80), width="stretch")
    st.dataframe(frame, hide_index=True)


def _focus() -> None:
    st.subheader(tr("trends.focus"))
    points = guarded(data.industry_focus)
    index = data.entity_index()
    totals: dict[str, int] = {}
    for p in points:
        totals[p.industry] = totals.get(p.industry, 0) + p.mentions
    top = set(sorted(totals, key=lambda i: -totals[i])[:TOP_INDUSTRIES])
    frame = pd.DataFrame(
        [
            {tr("col.industry"): index[p.industry].display(lang()), tr("col.year"): p.year,
             tr("col.mentions"): p.mentions}
            for p in points
            if p.industry in top and p.industry in index
        ]
    )
    if frame.empty:
        return
    st.altair_chart(
        alt.Chart(frame).mark_line(point=True).encode(
            x=alt.X(tr("col.year"), type="ordinal"),
            y=alt.Y(tr("col.mentions"), type="quantitative"),
            color=alt.Color(tr("col.industry"), type="nominal"),
            tooltip=list(frame.columns),
        ),
        width="stretch",
    )


def _share() -> None:
    st.subheader(tr("trends.share"))
    label = st.radio(tr("trends.share_of"), ATTENTION_LABELS, key="trends_share_label", horizontal=True,
                     format_func=lambda value: label_name(value, lang()))
    named = label_name(label, lang())
    attention = guarded(lambda: data.attention_share(label))
    if not attention.points:
        st.info(tr("trends.no_share", label=named.lower()))
        return
    st.caption(tr("trends.share_help", label=named.lower(), n=TOP_SHARES))
    index = data.entity_index()
    ranked = attention.ranked()
    name = {e: index[e].display(lang()) if e in index else e for e in ranked}
    share, year = tr("col.share"), tr("col.year")
    frame = pd.DataFrame([{named: name[e], year: y, share: round(100 * attention.share(e, y), 1)}
                          for e in ranked for y in sorted(attention.totals)])
    top = [name[e] for e in ranked[:TOP_SHARES]]
    st.altair_chart(
        alt.Chart(frame[frame[named].isin(top)]).mark_line(point=True).encode(
            x=alt.X(year, type="ordinal"), y=alt.Y(share, type="quantitative"),
            color=alt.Color(named, type="nominal", sort=top), tooltip=list(frame.columns),
        ),
        width="stretch",
    )
    table = frame.pivot_table(index=named, columns=year, values=share, aggfunc="first", sort=False)
    table.columns = [str(y) for y in table.columns]
    st.dataframe(table, column_config={y: st.column_config.NumberColumn(format="%.1f%%") for y in table.columns})
    st.caption(tr("trends.share_totals", totals=" · ".join(f"{y}: {n}" for y, n in sorted(attention.totals.items()))))


def _exports() -> None:
    st.subheader(tr("trends.exports"))
    graph_path = data.build_dir() / "graph.jsonl"
    if not graph_path.is_file():
        st.info(tr("trends.export_unavailable", error=graph_path))
        return
    st.markdown(tr("trends.exports_intro"))
    columns = st.columns(len(EXPORTS))
    for column, kind in zip(columns, EXPORTS, strict=True):
        column.download_button(
            tr("trends.export_button", fmt=kind.format.value), _deferred(kind), file_name=kind.file_name,
            mime=kind.mime, key=f"export_{kind.format.value}", on_click="ignore",
        )


def _deferred(kind: ExportKind):
    graph_path = data.build_dir() / "graph.jsonl"
    return lambda: export_bytes(graph_path, kind)


def render() -> None:
    """Draw targets, trends and exports."""
    st.title(tr("page.trends"))
    _targets()
    _focus()
    _share()
    _exports()


if __name__ == "__main__":
    render()

"""Network roles: bridging institutions, the communities and the institution–platform–industry network by community."""

from __future__ import annotations

import html

import pandas as pd
import streamlit as st

from explorer import data
from explorer.i18n import kind_name, label_name, prop_name
from explorer.services.models import Entity
from explorer.services.network import bridging, communities, community_names
from explorer.ui import entity_anchor, guarded, lang, show_graph, tr

BRIDGING = 15
LEADING = 6


def _bridging(entities: list[Entity], names: dict[int, str]) -> None:
    st.subheader(tr("network.bridging"))
    header = "".join(f"<th>{html.escape(h)}</th>" for h in (
        tr("col.name"), tr("col.kind"), prop_name("betweenness", lang()), prop_name("pagerank", lang()),
        prop_name("community", lang()), tr("col.mentions")))
    rows = []
    for e in bridging(entities, BRIDGING):
        community = tr("network.community_named", number=e.community, name=names.get(e.community, ""))
        cells = (html.escape(kind_name(e.label, e.kind, lang())), f"{e.betweenness:.4f}", f"{e.pagerank or 0.0:.4f}",
                 html.escape(community), str(e.mentions))
        rows.append(f"<tr><td>{entity_anchor(e)}</td>{''.join(f'<td>{c}</td>' for c in cells)}</tr>")
    st.markdown(f'<table class="jig-table jig-bridging"><tr>{header}</tr>{"".join(rows)}</table>',
                unsafe_allow_html=True)


def _communities(entities: list[Entity]) -> None:
    st.subheader(tr("network.communities"))
    rows = [
        {
            prop_name("community", lang()): c.number,
            tr("col.size"): len(c.members),
            tr("col.label"): "、".join(f"{label_name(label, lang())} {n}" for label, n in sorted(c.labels.items())),
            tr("col.members"): "、".join(e.display(lang()) for e in c.members[:LEADING]),
        }
        for c in communities(entities)
    ]
    st.dataframe(pd.DataFrame(rows), hide_index=True)


def _graph(names: dict[int, str]) -> None:
    st.subheader(tr("network.graph"))
    cap = st.slider(tr("network.cap"), 20, 200, 80, step=10, key="network_cap")
    graph, hidden = guarded(lambda: data.network_view(cap))
    if hidden:
        st.caption(tr("network.capped", hidden=hidden))
    show_graph(graph, tr("network.graph"), key="network_graph", height=620, download_name="network.html",
               communities=names)


def render() -> None:
    """Draw the network roles view."""
    st.title(tr("page.network"))
    st.markdown(tr("network.intro"))
    entities = guarded(data.entities)
    if not any(e.community is not None for e in entities):
        st.info(tr("network.none"))
        return
    names = community_names(entities, lang())
    _bridging(entities, names)
    _communities(entities)
    _graph(names)


if __name__ == "__main__":
    render()

"""Entity explorer: search, the entity card, its neighbourhood graph and its relations with evidence."""

from __future__ import annotations

import html

import streamlit as st

from explorer import data
from explorer.i18n import kind_name, label_name, prop_name, rel_name
from explorer.markup import highlight, markdown_text
from explorer.services.entities import search
from explorer.services.models import Entity, Relation
from explorer.services.neighbourhood import ENTITY_LABEL_NAMES, ENTITY_REL_TYPES
from explorer.services.network import community_names
from explorer.ui import document_href, entity_anchor, guarded, lang, show_graph, tr

MAX_RELATIONS = 60
MAX_EVIDENCE = 3
_STATE = "entity_centres"
_PARAM_SEEN = "entity_param_seen"
_QUERY_SEEN = "entity_query_seen"
_COLOUR = "entity_colour_community"


def _select(entity_id: str) -> None:
    st.session_state[_STATE] = [entity_id]
    st.session_state[_PARAM_SEEN] = entity_id
    st.query_params["entity"] = entity_id


def _current() -> str | None:
    param = st.query_params.get("entity")
    if param and param != st.session_state.get(_PARAM_SEEN):
        _select(param)
    centres = st.session_state.get(_STATE) or []
    return centres[0] if centres else None


def _describe(entity: Entity) -> str:
    other = entity.name if lang() == "en" else entity.name_en
    parts = [entity.display(lang()), label_name(entity.label, lang())]
    return " · ".join(parts + ([other] if other else []))


def _search_box(entities: list[Entity], current: str | None) -> None:
    query = st.text_input(tr("entity.search"), key="entity_query", placeholder=tr("entity.search_placeholder"))
    if not query.strip():
        return
    results = search(entities, query)
    if query != st.session_state.get(_QUERY_SEEN):
        st.session_state[_QUERY_SEEN] = query
        if results and results[0].id != current:
            _select(results[0].id)
            current = results[0].id
    if not results:
        st.warning(tr("entity.no_match", query=markdown_text(query)))
        return
    ids = [r.id for r in results]
    by_id = {r.id: r for r in results}
    key = f"entity_pick::{query}"
    st.selectbox(tr("entity.matches", n=len(results)), ids, index=ids.index(current) if current in ids else None,
                 format_func=lambda i: _describe(by_id[i]), key=key, on_change=_picked, args=(key,))


def _picked(key: str) -> None:
    value = st.session_state.get(key)
    if value:
        _select(value)


def _card(entity: Entity) -> None:
    st.header(markdown_text(entity.display(lang())))
    other = entity.name if lang() == "en" else entity.name_en
    if other:
        st.caption(markdown_text(other))
    cols = st.columns(5)
    cols[0].metric(tr("col.label"), label_name(entity.label, lang()))
    cols[1].metric(tr("col.kind"), kind_name(entity.label, entity.kind, lang()))
    cols[2].metric(prop_name("mentions", lang()), entity.mentions)
    cols[3].metric(prop_name("centrality", lang()), f"{entity.centrality:.4f}")
    years = f"{entity.first_year}–{entity.last_year}" if entity.first_year else tr("word.none")
    cols[4].metric(tr("entity.years"), years)
    names = " / ".join(n for n in (entity.name, entity.name_en) if n)
    aliases = "、".join(entity.aliases) or tr("word.none")
    lines = [
        f"**{tr('entity.names')}**: {markdown_text(names)}",
        f"**{tr('entity.aliases')}**: {markdown_text(aliases)}",
        f"**{tr('entity.source')}**: {markdown_text(entity.source or tr('word.none'))} · {markdown_text(entity.id)}",
        *([markdown_text(_roles(entity))] if entity.community is not None else []),
    ]
    st.markdown("  \n".join(lines))


def _roles(entity: Entity) -> str:
    names = community_names(data.entities(), lang())
    community = tr("network.community_named", number=entity.community, name=names.get(entity.community, ""))
    return tr("entity.roles", community=community, betweenness=entity.betweenness or 0.0,
              pagerank=entity.pagerank or 0.0)


def _graph_controls() -> tuple[int, tuple[str, ...], tuple[str, ...], int]:
    with st.expander(tr("entity.settings"), expanded=False):
        left, middle, right = st.columns([1, 2, 2])
        depth = left.radio(tr("entity.depth"), (1, 2), horizontal=True, key="entity_depth")
        cap = left.slider(tr("entity.cap"), 10, 200, 60, step=10, key="entity_cap")
        left.toggle(tr("entity.colour"), key=_COLOUR)
        labels = middle.multiselect(tr("entity.labels"), ENTITY_LABEL_NAMES, default=list(ENTITY_LABEL_NAMES),
                                    format_func=lambda v: label_name(v, lang()), key="entity_labels")
        types = right.multiselect(tr("entity.types"), ENTITY_REL_TYPES, default=list(ENTITY_REL_TYPES),
                                  format_func=lambda v: rel_name(v, lang()), key="entity_types")
    return depth, tuple(types), tuple(labels), cap


def _expand(index: dict[str, Entity], node_ids: list[str], centres: list[str]) -> None:
    neighbours = [n for n in node_ids if n not in centres and n in index]
    if not neighbours:
        return
    st.markdown(f"**{tr('entity.expand')}**")
    pick_col, recentre_col, add_col = st.columns([3, 1, 1])
    picked = pick_col.selectbox(tr("entity.expand"), neighbours, format_func=lambda i: _describe(index[i]),
                                label_visibility="collapsed", key="entity_expand_pick")
    if recentre_col.button(tr("entity.recentre"), key="entity_recentre", width="stretch"):
        _select(picked)
        st.rerun()
    if add_col.button(tr("entity.add"), key="entity_add", width="stretch"):
        st.session_state[_STATE] = [*centres, picked]
        st.rerun()


def _relation_rows(entity: Entity, relations: list[Relation], index: dict[str, Entity]) -> str:
    rows = []
    for relation in relations[:MAX_RELATIONS]:
        outgoing = relation.source == entity.id
        other = index.get(relation.target if outgoing else relation.source)
        if other is None:
            continue
        names = (*entity.names, *other.names)
        evidence = "".join(
            f'<div>{highlight(ev.text, names)} <a href="{document_href(ev.document_id)}" target="_self">'
            f"[{html.escape(_doc_title(ev.document_id))}]</a></div>"
            for ev in relation.evidence[:MAX_EVIDENCE]
        )
        extra = relation.evidence_count - MAX_EVIDENCE
        if extra > 0:
            evidence += f"<div><em>{tr('entity.more_evidence', n=extra)}</em></div>"
        arrow = "→" if outgoing else "←"
        weight = f"{relation.weight:g}" if relation.weight is not None else ""
        rows.append(
            f"<tr><td>{arrow} {html.escape(rel_name(relation.type, lang()))}</td><td>{entity_anchor(other)}<br>"
            f"<small>{html.escape(label_name(other.label, lang()))}</small></td><td>{weight}</td>"
            f"<td>{evidence}</td></tr>"
        )
    header = (f"<tr><th>{tr('col.relation')}</th><th>{tr('col.other')}</th><th>{tr('col.weight')}</th>"
              f"<th>{tr('col.evidence')}</th></tr>")
    return f'<table class="jig-table jig-evidence">{header}{"".join(rows)}</table>'


def _doc_title(document_id: str) -> str:
    return data.document_titles().get(document_id, document_id)


def render() -> None:
    """Draw the entity explorer."""
    st.title(tr("page.entity"))
    entities = guarded(data.entities)
    index = {e.id: e for e in entities}
    current = _current()
    _search_box(entities, current)
    current = _current()
    if current is None:
        st.info(tr("entity.hint"))
        st.markdown(" · ".join(entity_anchor(e) for e in entities[:12]), unsafe_allow_html=True)
        return
    entity = index.get(current)
    if entity is None:
        st.warning(tr("entity.unknown", id=markdown_text(current)))
        return
    _card(entity)

    st.subheader(tr("entity.graph"))
    depth, types, labels, cap = _graph_controls()
    centres = [c for c in st.session_state.get(_STATE, [current]) if c in index]
    if types:
        graph = guarded(lambda: data.neighbourhood(tuple(centres), depth, types, labels, cap))
        st.caption(tr("entity.centres", names=markdown_text("、".join(index[c].display(lang()) for c in centres))))
        if graph.capped:
            st.info(tr("entity.capped", shown=len(graph.nodes), hidden=graph.hidden))
        communities = community_names(entities, lang()) if st.session_state.get(_COLOUR) else None
        show_graph(graph, entity.display(lang()), key="entity_graph", download_name=f"{entity.id}.html",
                   communities=communities)
        _expand(index, [n.id for n in graph.nodes], centres)

    st.subheader(tr("entity.relations"))
    include_co = st.toggle(tr("entity.include_co"), value=False, key="entity_include_co")
    wanted = tuple(t for t in ENTITY_REL_TYPES if t != "SUBINDUSTRY_OF" and (include_co or t != "CO_MENTIONED"))
    relations = guarded(lambda: data.relations(entity.id, wanted, MAX_EVIDENCE))
    if not relations:
        st.info(tr("entity.no_relations"))
        return
    if len(relations) > MAX_RELATIONS:
        st.caption(tr("entity.more_relations", shown=MAX_RELATIONS, total=len(relations)))
    st.markdown(_relation_rows(entity, relations, index), unsafe_allow_html=True)


if __name__ == "__main__":
    render()

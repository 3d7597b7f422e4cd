"""Query gallery: every library query with a form for its parameters, results as table, graph and downloads."""

from __future__ import annotations

import streamlit as st

from explorer import data
from explorer.markup import markdown_text
from explorer.services.entities import resolve
from explorer.ui import guarded, lang, show_result, tr
from jig.core.errors import JilinGraphError
from queries.catalog import NamedQuery, Parameter, load_catalog

_SUBMITTED = "gallery_submitted"


def _title(query: NamedQuery) -> str:
    return query.title_en if lang() == "en" else query.title_zh


def _input(query: NamedQuery, param: Parameter) -> object:
    key = f"gallery::{query.name}::{param.name}"
    initial = param.default if param.default is not None else param.example
    label = f"{param.name} — {param.description}"
    if param.type == "int":
        return st.number_input(label, value=int(initial) if initial is not None else 0, step=1, key=key)
    if param.type == "float":
        return st.number_input(label, value=float(initial) if initial is not None else 0.0, key=key)
    return st.text_input(label, value=str(initial) if initial is not None else "", key=key)


def _show_result(query: NamedQuery, params: dict[str, object]) -> None:
    result = guarded(lambda: data.named(query.name, params))
    entities = data.entities()
    centres = [e.id for value in params.values() if isinstance(value, str) and (e := resolve(entities, value))]
    show_result(result, name=query.name, title=_title(query), key="gallery", centres=centres)


def render() -> None:
    """Draw the query gallery."""
    st.title(tr("page.gallery"))
    st.markdown(tr("gallery.intro"))
    try:
        catalog = load_catalog()
    except JilinGraphError as exc:
        st.error(tr("gallery.no_catalog", error=markdown_text(str(exc))))
        return
    store = guarded(data.store)
    names = sorted(catalog, key=lambda n: _title(catalog[n]))
    name = st.selectbox(tr("gallery.query"), names, format_func=lambda n: f"{_title(catalog[n])} · {n}",
                        key="gallery_query")
    query = catalog[name]
    st.markdown(query.description_en if lang() == "en" else query.description_zh)
    with st.expander(tr("gallery.cypher")):
        st.code(query.text_for(store.backend), language="cypher")
    with st.form(f"gallery_form::{name}"):
        values = {p.name: _input(query, p) for p in query.parameters}
        if st.form_submit_button(tr("gallery.run"), type="primary"):
            st.session_state[_SUBMITTED] = (name, values)
    submitted = st.session_state.get(_SUBMITTED)
    _show_result(query, submitted[1] if submitted and submitted[0] == name else values)


if __name__ == "__main__":
    render()

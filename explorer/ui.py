"""Pieces every page shares: the language switch, the store guard, graph display and links."""

from __future__ import annotations

import html
from collections.abc import Callable, Mapping, Sequence
from typing import TypeVar
from urllib.parse import urlencode

import pandas as pd
import streamlit as st

from explorer import data
from explorer.graphviz import LABEL_COLOURS, render_html
from explorer.i18n import DEFAULT_LANG, LANGS, Lang, t
from explorer.markup import markdown_text
from explorer.services.models import Entity, Subgraph
from explorer.services.results import result_graph, to_csv, to_json
from jig.core.errors import GraphNotBuiltError, StoreError
from queries.store import QueryResult

R = TypeVar("R")
_LANG_KEY = "lang"
_LANG_NAMES = {"zh": "中文", "en": "English"}


_CSS = """
<style>
table.jig-table { border-collapse: collapse; width: 100%; font-size: 0.9rem; }
table.jig-table th, table.jig-table td { border-bottom: 1px solid #e6e6e6; padding: 4px 6px; text-align: left;
  vertical-align: top; }
table.jig-table th { background: #f5f7fa; }
mark { background: #ffe58a; padding: 0 1px; }
table.jig-instruments td:nth-child(1) { width: 60%; }
table.jig-instruments td:nth-child(4) { min-width: 11em; }
div.jig-document { line-height: 1.9; font-size: 1rem; max-height: 70vh; overflow-y: auto; padding: 0.5rem 1rem;
  border: 1px solid #e6e6e6; border-radius: 6px; }
div.jig-document a { text-decoration: none; border-radius: 3px; padding: 0 1px; color: inherit; }
/*LABELS*/
</style>
"""


def _label_rules() -> str:
    return "\n".join(
        f"div.jig-document a.ent-{label} {{ background: {colour}33; border-bottom: 2px solid {colour}; }}"
        for label, colour in LABEL_COLOURS.items()
    )


def frame() -> Lang:
    """What every page shares: the explorer's styles and the language switch. Returns the language."""
    st.html(_CSS.replace("/*LABELS*/", _label_rules()))
    return language_switch()


def language_switch() -> Lang:
    """The sidebar language switch (中文 default, `?lang=en` preselects English); returns the language."""
    if _LANG_KEY not in st.session_state:
        wanted = st.query_params.get("lang", DEFAULT_LANG)
        st.session_state[_LANG_KEY] = wanted if wanted in LANGS else DEFAULT_LANG
    st.sidebar.radio(t("app.language", lang()), LANGS, key=_LANG_KEY, format_func=_LANG_NAMES.__getitem__,
                     horizontal=True)
    return lang()


def lang() -> Lang:
    """The language chosen for this session."""
    return st.session_state.get(_LANG_KEY, DEFAULT_LANG)


def tr(key: str, **fields: object) -> str:
    """A UI string in the session's language."""
    return t(key, lang(), **fields)


def guarded(load: Callable[[], R]) -> R:
    """Run a data load; on a missing graph or a store failure, say so plainly and stop the page."""
    try:
        return load()
    except GraphNotBuiltError:
        st.info(tr("app.not_built"))
    except StoreError as exc:
        st.error(tr("app.query_failed", error=markdown_text(str(exc))))
    st.stop()


def entity_href(entity_id: str) -> str:
    """Relative link to an entity's page."""
    return "entity?" + urlencode({"entity": entity_id})


def document_href(document_id: str) -> str:
    """Relative link to a document in the reader."""
    return "documents?" + urlencode({"doc": document_id})


def entity_anchor(entity: Entity) -> str:
    """An HTML link to an entity's page, its name in the session's language, the other name as tooltip."""
    other = entity.name if lang() == "en" else entity.name_en
    return (f'<a href="{entity_href(entity.id)}" target="_self" title="{html.escape(other or entity.id)}">'
            f"{html.escape(entity.display(lang()))}</a>")


def show_graph(graph: Subgraph, title: str, *, key: str, height: int = 560, download_name: str = "graph.html",
               communities: Mapping[int, str] | None = None) -> None:
    """Draw a subgraph in an iframe and offer it as a standalone HTML download (coloured by community when
    `communities`, community number → name, is given)."""
    page = render_html(graph, lang(), height=height, title=title, communities=communities)
    st.iframe(page, height=height + 20, alt=title)
    st.download_button(tr("entity.download"), page.encode("utf-8"), file_name=download_name, mime="text/html",
                       key=f"{key}_download", on_click="ignore")


def show_result(result: QueryResult, *, name: str, title: str, key: str, centres: Sequence[str] = ()) -> None:
    """A query result as a table with CSV and JSON downloads, and as a graph when it holds entities."""
    if not result.rows:
        st.info(tr("gallery.empty"))
        return
    st.caption(tr("gallery.rows", n=len(result.rows)))
    if result.truncated:
        st.warning(tr("gallery.truncated", n=len(result.rows)))
    st.dataframe(pd.DataFrame(result.rows, columns=result.columns), hide_index=True)
    left, right = st.columns(2)
    left.download_button(tr("download.csv"), to_csv(result), file_name=f"{name}.csv", mime="text/csv",
                         key=f"{key}_csv", on_click="ignore")
    right.download_button(tr("download.json"), to_json(result), file_name=f"{name}.json", mime="application/json",
                          key=f"{key}_json", on_click="ignore")
    graph = result_graph(result, data.entity_index(), centres)
    if graph is not None and graph.nodes:
        st.subheader(tr("gallery.graph"))
        show_graph(graph, title, key=f"{key}_graph", height=480, download_name=f"{name}.html")

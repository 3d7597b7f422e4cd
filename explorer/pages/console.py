"""Cypher console: a read-only editor with examples, the schema beside it, a timeout and a row cap."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from explorer import data
from explorer.i18n import label_name, rel_name
from explorer.markup import markdown_text
from explorer.services.console import EXAMPLES, node_schema, relation_schema
from explorer.ui import guarded, lang, show_result, tr
from jig.core.errors import QueryError, ReadOnlyQueryError

_EDITOR = "console_cypher"
_EXAMPLE = "console_example"


def _load_example() -> None:
    st.session_state[_EDITOR] = EXAMPLES[st.session_state[_EXAMPLE]].cypher


def _schema_panel() -> None:
    st.subheader(tr("console.schema"))
    st.markdown(f"**{tr('console.labels')}**")
    for line in node_schema():
        with st.expander(f"{line.shape} · {label_name(line.name, lang())}"):
            st.code(line.properties.replace(", ", "\n"), language="text")
    st.markdown(f"**{tr('console.types')}**")
    st.dataframe(
        pd.DataFrame(
            [{tr("col.cypher_name"): r.name, tr("col.relation"): rel_name(r.name, lang()),
              tr("col.pattern"): r.shape, tr("col.properties"): r.properties} for r in relation_schema()]
        ),
        hide_index=True,
    )


def _run(cypher: str, timeout_s: float, row_cap: int) -> None:
    store = guarded(data.store)
    try:
        result = store.query(cypher, timeout_s=timeout_s, row_cap=row_cap)
    except ReadOnlyQueryError as exc:
        st.error(tr("console.read_only", error=markdown_text(str(exc))))
        return
    except QueryError as exc:
        st.error(tr("console.db_error", error=markdown_text(str(exc))))
        return
    show_result(result, name="result", title=tr("page.console"), key="console")


def render() -> None:
    """Draw the Cypher console."""
    st.title(tr("page.console"))
    st.markdown(tr("console.intro"))
    guarded(data.store)
    if _EDITOR not in st.session_state:
        st.session_state[_EDITOR] = EXAMPLES[0].cypher
    editor, schema = st.columns([3, 2])
    with editor:
        st.selectbox(tr("console.example"), range(len(EXAMPLES)), key=_EXAMPLE, on_change=_load_example,
                     format_func=lambda i: EXAMPLES[i].title_en if lang() == "en" else EXAMPLES[i].title_zh)
        cypher = st.text_area(tr("console.editor"), key=_EDITOR, height=180)
        left, right = st.columns(2)
        timeout_s = left.number_input(tr("console.timeout"), min_value=1.0, max_value=60.0, value=10.0, step=1.0,
                                      key="console_timeout")
        row_cap = right.number_input(tr("console.row_cap"), min_value=1, max_value=5000, value=500, step=100,
                                     key="console_row_cap")
        if st.button(tr("console.run"), type="primary", key="console_run") or st.session_state.get("console_ran"):
            st.session_state["console_ran"] = True
            if cypher.strip():
                _run(cypher, float(timeout_s), int(row_cap))
            else:
                st.info(tr("console.empty"))
    with schema:
        _schema_panel()


if __name__ == "__main__":
    render()

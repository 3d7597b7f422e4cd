"""Documents: the corpus with its metadata, and a reader with recognised entities highlighted and linked."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from explorer import data
from explorer.graphviz import LABEL_COLOURS
from explorer.i18n import label_name
from explorer.markup import annotate
from explorer.services.documents import MentionSpan
from explorer.services.models import DocumentInfo
from explorer.ui import entity_href, guarded, lang, tr
from jig.core.schema import Label

_PICK = "documents_pick"


def _table(documents: list[DocumentInfo]) -> pd.DataFrame:
    return pd.DataFrame(
        [
            {tr("col.title"): d.title, tr("col.issuer"): d.issuer, tr("col.date"): d.date, tr("col.year"): d.year,
             tr("col.doc_number"): d.doc_number, tr("col.file"): d.file}
            for d in documents
        ]
    )


def _link(index: dict, span: MentionSpan) -> tuple[str, str, str]:
    entity = index.get(span.entity)
    other = "" if entity is None else (entity.name_en if lang() == "zh" else entity.name)
    tooltip = " · ".join(p for p in (label_name(span.label, lang()), other, span.entity) if p)
    href = "trends" if span.label == Label.TARGET.value else entity_href(span.entity)
    return href, f"ent-{span.label}", tooltip


def _picked() -> None:
    st.query_params["doc"] = st.session_state[_PICK]


def render() -> None:
    """Draw the corpus table and the document reader."""
    st.title(tr("page.documents"))
    documents = guarded(data.documents)
    st.subheader(tr("documents.corpus"))
    st.dataframe(_table(documents), hide_index=True)
    if not documents:
        return
    ids = [d.id for d in documents]
    wanted = st.query_params.get("doc")
    if wanted in ids and st.session_state.get(_PICK) != wanted:
        st.session_state[_PICK] = wanted
    by_id = {d.id: d for d in documents}
    doc_id = st.selectbox(tr("documents.open"), ids, key=_PICK, on_change=_picked,
                          format_func=lambda i: f"{by_id[i].year or '—'} · {by_id[i].title}")
    if wanted and wanted not in ids:
        st.warning(tr("documents.missing", id=wanted))
    text, spans = guarded(lambda: data.document(doc_id))
    if text is None:
        st.warning(tr("documents.missing", id=doc_id))
        return
    document = by_id[doc_id]
    st.subheader(document.title)
    st.caption(" · ".join(p for p in (document.issuer, document.date, document.doc_number, document.file) if p))
    st.caption(tr("documents.recognised", n=len(spans)) + " " + tr("documents.legend"))
    legend = " ".join(
        f'<span style="background:{colour}33;border-bottom:2px solid {colour};padding:0 4px">'
        f"{label_name(label, lang())}</span>"
        for label, colour in LABEL_COLOURS.items()
        if any(s.label == label for s in spans)
    )
    st.markdown(legend, unsafe_allow_html=True)
    index = data.entity_index()
    body = annotate(text, spans, lambda span: _link(index, span))
    st.markdown(f'<div class="jig-document">{body}</div>', unsafe_allow_html=True)


if __name__ == "__main__":
    render()

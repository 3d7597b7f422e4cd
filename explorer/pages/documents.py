"""Documents: the corpus with its metadata, a reader with recognised entities highlighted and linked,
and a preview of what an uploaded file would add to the graph."""

from __future__ import annotations

import html

import pandas as pd
import streamlit as st

from explorer import data
from explorer.graphviz import LABEL_COLOURS
from explorer.i18n import kind_name, label_name, rel_name
from explorer.markup import annotate, mark, markdown_text
from explorer.services.documents import MentionSpan
from explorer.services.models import DocumentInfo, Entity
from explorer.services.preview import UPLOAD_TYPES, Preview, PreviewRelation
from explorer.ui import entity_href, guarded, lang, tr
from jig.core.errors import JilinGraphError
from jig.core.schema import Label

_PICK = "documents_pick"
_UPLOAD = "preview_upload"
MAX_RELATIONS = 200
MAX_EVIDENCE = 3
_NOWRAP = ' style="white-space: nowrap"'


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


def _corpus() -> None:
    """The corpus table and the document reader (stops the page when there is no graph)."""
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
        st.warning(tr("documents.missing", id=markdown_text(wanted)))
    text, spans = guarded(lambda: data.document(doc_id))
    if text is None:
        st.warning(tr("documents.missing", id=markdown_text(doc_id)))
        return
    document = by_id[doc_id]
    st.subheader(markdown_text(document.title))
    st.caption(markdown_text(" · ".join(p for p in (document.issuer, document.date, document.doc_number, document.file)
                                        if p)))
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


def _preview() -> None:
    """The uploader and what the pipeline extracts from the uploaded file (needs no graph)."""
    st.caption(tr("preview.intro"))
    upload = st.file_uploader(tr("preview.upload"), type=list(UPLOAD_TYPES), key=_UPLOAD)
    if upload is None:
        return
    try:
        with st.spinner(tr("preview.running", file=markdown_text(upload.name)), show_time=True):
            result = data.preview(upload.name, upload.getvalue())
    except JilinGraphError as exc:
        st.error(tr("preview.unreadable", error=markdown_text(str(exc))))
        return
    st.subheader(tr("preview.result"))
    st.markdown(_metadata(result), unsafe_allow_html=True)
    notes = [tr("preview.size", characters=result.characters, sentences=result.sentences)]
    document = result.document
    if not all((document.title, document.issuer, document.date, document.doc_number)):
        notes.append(tr("preview.missing_hint"))
    st.caption("  \n".join(notes))
    st.markdown(f"**{tr('preview.add')}**  \n{tr('preview.add_how')}")
    st.code(result.command, language="bash")
    _preview_entities(result)
    _preview_relations(result)


def _metadata(result: Preview) -> str:
    document = result.document
    fields = (("col.title", document.title), ("col.issuer", document.issuer), ("col.date", document.date),
              ("col.doc_number", document.doc_number), ("col.file", document.file))
    missing = f"<em>{tr('preview.missing')}</em>"
    rows = "".join(f"<tr><th>{tr(key)}</th><td>{html.escape(value) if value else missing}</td></tr>"
                   for key, value in fields)
    return f'<table class="jig-table">{rows}</table>'


def _preview_entities(result: Preview) -> None:
    st.subheader(tr("preview.entities", n=len(result.entities)))
    groups = result.groups()
    if not groups:
        st.info(tr("preview.no_entities"))
        return
    tabs = st.tabs([f"{label_name(label, lang())} ({len(members)})" for label, members in groups])
    for tab, (label, members) in zip(tabs, groups, strict=True):
        tab.dataframe(pd.DataFrame([
            {tr("col.name"): e.name, tr("col.name_en"): e.name_en, tr("col.kind"): kind_name(label, e.kind, lang()),
             tr("col.mentions"): e.mentions}
            for e in members
        ]), hide_index=True)


def _preview_relations(result: Preview) -> None:
    relations = result.relations
    st.subheader(tr("preview.relations", n=len(relations)))
    if not relations:
        st.info(tr("preview.no_relations"))
        return
    if len(relations) > MAX_RELATIONS:
        st.caption(tr("preview.more_relations", shown=MAX_RELATIONS, total=len(relations)))
    index = {e.id: e for e in result.entities}
    header = "".join(f"<th>{tr(key)}</th>" for key in ("col.entity", "col.relation", "col.other", "col.weight",
                                                        "col.evidence"))
    rows = "".join(_relation_row(relation, index) for relation in relations[:MAX_RELATIONS])
    st.markdown(f'<table class="jig-table jig-evidence"><tr>{header}</tr>{rows}</table>', unsafe_allow_html=True)


def _relation_row(relation: PreviewRelation, index: dict[str, Entity]) -> str:
    evidence = "".join(f"<div>{mark(ev.text, ev.spans)}</div>" for ev in relation.evidence[:MAX_EVIDENCE])
    extra = len(relation.evidence) - MAX_EVIDENCE
    if extra > 0:
        evidence += f"<div><em>{tr('entity.more_evidence', n=extra)}</em></div>"
    return (f"<tr><td>{_entity_cell(index, relation.source)}</td><td{_NOWRAP}>"
            f"{html.escape(rel_name(relation.type, lang()))} →</td><td>{_entity_cell(index, relation.target)}</td>"
            f"<td{_NOWRAP}>{relation.weight:g}</td><td>{evidence}</td></tr>")


def _entity_cell(index: dict[str, Entity], entity_id: str) -> str:
    entity = index.get(entity_id)
    if entity is None:
        return html.escape(entity_id)
    other = entity.name if lang() == "en" else entity.name_en
    return (f'<span title="{html.escape(other or entity.id)}">{html.escape(entity.display(lang()))}</span><br>'
            f"<small>{html.escape(label_name(entity.label, lang()))}</small>")


def render() -> None:
    """Draw the page: the corpus and its reader in one tab, the preview of an uploaded file in the other."""
    st.title(tr("page.documents"))
    corpus_tab, preview_tab = st.tabs([tr("documents.tab_corpus"), tr("documents.tab_preview")])
    with preview_tab:
        _preview()
    with corpus_tab:
        _corpus()


if __name__ == "__main__":
    render()

"""The bundled corpus read as a whole (ingest.read.document.read_corpus)."""

from __future__ import annotations

import re
import runpy
from pathlib import Path

import pytest

from ingest.read.document import DOCUMENT_SUFFIXES, read_corpus, read_document
from jig.core.records import Document

SOURCES = Path(__file__).resolve().parents[3] / "data" / "corpus_sources"
#: The corpus copies made from public text by data/make_corpus_copies.py.
PDF_COPY, DOCX_COPY = "022_jilin_2022_sci_tech_14th_fyp", "023_changchun_2022_sci_tech_14th_fyp"
#: The metadata block at the top of 023 that its Word copy holds as a table.
DOCX_TABLE_ROWS = 7


@pytest.fixture(scope="module")
def documents(corpus_dir: Path) -> list[Document]:
    return read_corpus(corpus_dir)


def test_read_corpus_gives_one_document_per_file_sorted(documents: list[Document], corpus_dir: Path) -> None:
    assert [d.file for d in documents] == sorted(p.name for p in corpus_dir.iterdir() if p.suffix in DOCUMENT_SUFFIXES)
    assert {".txt", ".pdf", ".docx"} <= {Path(d.file).suffix for d in documents}
    assert [d.id for d in documents] == [Path(d.file).stem for d in documents]
    assert all(d.path == str(corpus_dir / d.file) for d in documents)
    assert "manifest" not in {d.id for d in documents}


def test_read_corpus_views_are_aligned_simplified_and_half_width(documents: list[Document]) -> None:
    for document in documents:
        assert len(document.view) == len(document.text)
        assert not re.search(r"[０-９Ａ-Ｚａ-ｚ％＆＋－．／]", document.view)
        assert all(v == t or not t.isascii() for v, t in zip(document.view, document.text, strict=True))
        assert _line_breaks(document.text) == _line_breaks(document.view)


def _line_breaks(text: str) -> list[int]:
    return [i for i, c in enumerate(text) if c == "\n"]


def test_read_corpus_texts_are_one_paragraph_per_line(documents: list[Document]) -> None:
    for document in documents:
        lines = document.text.split("\n")
        assert all(line and line == line.strip() for line in lines), document.file


def test_read_corpus_plain_texts_keep_their_paragraphs(documents: list[Document], corpus_dir: Path) -> None:
    by_file = {d.file: d for d in documents}
    for name in ("000_f999817a0b652a22.txt", "003_cfe322f93ce14a7f.txt", "004_d5ef4daaa3968a2a.txt"):
        raw = (corpus_dir / name).read_text(encoding="utf-8")
        assert by_file[name].text.split("\n") == [line.strip() for line in raw.split("\n") if line.strip()]


def test_read_corpus_pdf_copy_reads_as_its_public_text(documents: list[Document]) -> None:
    read = next(d for d in documents if d.file == f"{PDF_COPY}.pdf")
    assert read.text == read_document(SOURCES / f"{PDF_COPY}.txt").text  # header, page numbers and wraps undone


def test_read_corpus_word_copy_reads_as_its_public_text(documents: list[Document]) -> None:
    read = next(d for d in documents if d.file == f"{DOCX_COPY}.docx")
    public = read_document(SOURCES / f"{DOCX_COPY}.txt").text.split("\n")
    rows = [line.replace(": ", ":", 1) for line in public[:DOCX_TABLE_ROWS]]  # cells "发文机关:" and "长春市…"
    assert read.text.split("\n") == rows + public[DOCX_TABLE_ROWS:]


def test_read_corpus_copies_are_what_their_generator_makes(corpus_dir: Path) -> None:
    """data/make_corpus_copies.py gives the corpus files byte for byte (run it again after changing it)."""
    generator = runpy.run_path(str(SOURCES.parent / "make_corpus_copies.py"))
    assert generator["PDF_COPY"].name == PDF_COPY and generator["DOCX_COPY"] == DOCX_COPY

    def lines(name: str) -> list[str]:
        return (SOURCES / f"{name}.txt").read_text(encoding="utf-8").split("\n")

    pdf = generator["make_pdf"](lines(PDF_COPY), generator["PDF_COPY"])
    assert pdf == (corpus_dir / f"{PDF_COPY}.pdf").read_bytes()
    assert generator["make_docx"](lines(DOCX_COPY)) == (corpus_dir / f"{DOCX_COPY}.docx").read_bytes()

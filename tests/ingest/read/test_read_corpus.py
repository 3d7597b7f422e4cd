"""The bundled corpus read as a whole (ingest.read.document.read_corpus)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from ingest.read.document import read_corpus
from jig.core.records import Document


@pytest.fixture(scope="module")
def documents(corpus_dir: Path) -> list[Document]:
    return read_corpus(corpus_dir)


def test_read_corpus_gives_one_document_per_file_sorted(documents: list[Document], corpus_dir: Path) -> None:
    assert [d.file for d in documents] == sorted(p.name for p in corpus_dir.glob("*.txt"))
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

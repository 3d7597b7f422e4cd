"""Files and directories that cannot be read raise DocumentReadError naming the file and the problem."""

from __future__ import annotations

from pathlib import Path

import pytest

from ingest.read.document import read_corpus, read_document
from jig.core.errors import DocumentReadError, JilinGraphError


@pytest.mark.parametrize(
    ("data", "problem"),
    [
        (b"", "the file is empty"),
        (b"  \r\n\t\n", "the file contains only whitespace"),
        ("\u3000\u3000\n\n".encode("utf-8"), "the file contains only whitespace"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", "binary file (it contains NUL bytes), not text"),
        (bytes(range(1, 9)) * 40 + "正文".encode(), "binary file (mostly control characters), not text"),
        ("\x01\x02\x03\x04\x05".encode("utf-16"), "binary file (mostly control characters), not text"),
        (b"\x81\x30\xff\xfe\xff\xfd", "cannot decode the file as text (tried utf-8, gb18030, big5hkscs)"),
        ("<html><style>p{}</style><p class='editor'>责任编辑：张三</p></html>".encode(),
         "no text left after removing markup and site boilerplate"),
    ],
)
def test_read_unreadable_file_raises_with_file_and_problem(tmp_path: Path, data: bytes, problem: str) -> None:
    path = tmp_path / "bad_file.html"
    path.write_bytes(data)
    with pytest.raises(DocumentReadError) as caught:
        read_document(path)
    assert caught.value.problem == problem
    assert caught.value.path == str(path)
    assert str(caught.value) == f"{path}: {problem}"
    assert isinstance(caught.value, JilinGraphError)


def test_read_missing_file(tmp_path: Path) -> None:
    with pytest.raises(DocumentReadError, match=r"absent\.txt: the file does not exist"):
        read_document(tmp_path / "absent.txt")


def test_read_missing_corpus_directory(tmp_path: Path) -> None:
    with pytest.raises(DocumentReadError, match=r"nowhere: the corpus directory does not exist"):
        read_corpus(tmp_path / "nowhere")


def test_read_corpus_directory_without_documents(tmp_path: Path) -> None:
    (tmp_path / "manifest.yaml").write_text("documents: {}\n", encoding="utf-8")
    (tmp_path / "figures.xlsx").write_bytes(b"PK\x03\x04")
    expected = r"no documents \(\*\.txt, \*\.html, \*\.htm, \*\.md, \*\.pdf, \*\.docx\) in the directory"
    with pytest.raises(DocumentReadError, match=expected):
        read_corpus(tmp_path)


def test_read_corpus_with_two_files_of_one_id(tmp_path: Path) -> None:
    for name in ("notice.txt", "notice.html"):
        (tmp_path / name).write_text("正文。", encoding="utf-8")
    with pytest.raises(DocumentReadError, match=r"two documents have the id 'notice': notice\.html and notice\.txt"):
        read_corpus(tmp_path)


def test_read_corpus_stops_at_the_first_unreadable_file(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("正文。", encoding="utf-8")
    (tmp_path / "b.txt").write_bytes(b"")
    with pytest.raises(DocumentReadError, match=r"b\.txt: the file is empty"):
        read_corpus(tmp_path)

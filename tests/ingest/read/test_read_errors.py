"""Files and directories that cannot be read raise DocumentReadError naming the file, the problem and what to do."""

from __future__ import annotations

import io
import subprocess
import sys
import zipfile
from pathlib import Path

import docx
import pytest

from ingest.read.document import read_corpus, read_document
from jig.core.errors import (
    DamagedDocumentError,
    DocumentReadError,
    EncryptedDocumentError,
    JilinGraphError,
    NoTextLayerError,
    UnsupportedFormatError,
)
from tests.ingest.read.pdfs import MARGIN, pdf, scanned_pdf

ROOT = Path(__file__).resolve().parents[3]


@pytest.mark.parametrize(
    ("data", "problem"),
    [
        (b"", "the file is empty"),
        (b"  \r\n\t\n", "the file contains only whitespace"),
        ("\u3000\u3000\n\n".encode("utf-8"), "the file contains only whitespace"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", "binary file (it contains NUL bytes), not text"),
        (bytes(range(1, 9)) * 40 + "正文".encode(), "binary file (mostly control characters), not text"),
        ("\x01\x02\x03\x04\x05".encode("utf-16"), "binary file (mostly control characters), not text"),
        (b"\x81\x30\xff\xfe\xff\xfd", "cannot decode the file as text (tried utf-8, gb18030, big5hkscs; "
                                   "its first byte that is not UTF-8 is on line 1): save it as UTF-8"),
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


def _docx(*paragraphs: str) -> bytes:
    document = docx.Document()
    for text in paragraphs:
        document.add_paragraph(text)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _zip(name: str, content: str) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr(name, content)
    return out.getvalue()


_OLE = bytes.fromhex("D0CF11E0A1B11AE1") + bytes(504)  # the header of a compound file (.doc, .wps, locked .docx)
_PAGE = "<!DOCTYPE html><html><head><title>404</title></head><body><p>页面不存在</p></body></html>".encode()
_NOTICE = [[(MARGIN, 300, "吉林省科技厅关于开展工作的通知")]]
_SCANNED = ("the PDF has no text layer (its pages are scanned images): "
            "run OCR on it (for instance with ocrmypdf) or supply a text version")
_LEGACY = "this is a legacy Word/WPS file: save it as .docx (in Word or WPS: Save As, Word document)"
_NOT_DOCX = "the file is not a readable .docx (damaged, or not a Word file): open it in Word or WPS and save it again"


@pytest.mark.parametrize(
    ("name", "make", "error", "problem"),
    [
        ("scan.pdf", scanned_pdf, NoTextLayerError, _SCANNED),
        ("blank.pdf", lambda: pdf([[]]), DocumentReadError,
         "the PDF has no text (its pages are blank): check that it is the right file"),
        ("locked.pdf", lambda: pdf(_NOTICE, encrypt="secret"), EncryptedDocumentError,
         "the PDF is password-protected: save a copy without the password, or supply a text version"),
        ("cut.pdf", lambda: pdf(_NOTICE)[:400], DamagedDocumentError,
         "the file is damaged or not a PDF: export or download it again, or supply a text version"),
        ("page.pdf", lambda: _PAGE, DamagedDocumentError,
         "this is a web page (HTML), not a PDF: download the PDF again, or rename the file to .html"),
        ("empty.pdf", lambda: b"", DocumentReadError, "the file is empty"),
        ("old.doc", lambda: _OLE, UnsupportedFormatError, _LEGACY),
        ("old.wps", lambda: _OLE, UnsupportedFormatError, _LEGACY),
        ("renamed.docx", lambda: _OLE, UnsupportedFormatError, _LEGACY),
        ("locked.docx", lambda: _OLE + "EncryptedPackage".encode("utf-16-le"), EncryptedDocumentError,
         "the Word file is password-protected: save a copy without the password"),
        ("archive.docx", lambda: _zip("data.csv", "名称,地区\n"), DamagedDocumentError, _NOT_DOCX),
        ("sheet.docx", lambda: _zip("[Content_Types].xml", "<Types/>"), DamagedDocumentError, _NOT_DOCX),
        ("page.docx", lambda: _PAGE, DamagedDocumentError,
         "this is a web page (HTML), not a Word file: download the Word file again, or rename the file to .html"),
        ("empty.docx", lambda: b"", DocumentReadError, "the file is empty"),
        ("blank.docx", lambda: _docx("", "  "), DocumentReadError,
         "the Word file contains no text: check that it is the right file"),
    ],
)
def test_read_unreadable_pdf_or_word_file_names_the_file_and_what_to_do(
    tmp_path: Path, name: str, make, error: type[DocumentReadError], problem: str
) -> None:
    path = tmp_path / name
    path.write_bytes(make())
    with pytest.raises(error) as caught:
        read_document(path)
    assert type(caught.value) is error
    assert str(caught.value) == f"{path}: {problem}"


def test_read_corpus_build_with_a_scanned_pdf_fails_in_one_line_and_writes_nothing(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a_notice.txt").write_text("吉林省科技厅关于开展工作的通知\n各有关单位：现将有关事项通知如下。\n", encoding="utf-8")
    (corpus / "b_scan.pdf").write_bytes(scanned_pdf())
    command = [sys.executable, "-m", "ingest", "build", "--corpus", str(corpus), "--out", str(tmp_path / "build")]
    result = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert result.returncode == 1
    assert result.stderr.strip() == f"error: {corpus / 'b_scan.pdf'}: {_SCANNED}"
    assert not (tmp_path / "build").exists()

"""Reading corpus files into Documents: read the file's shape, clean, build the matching view, find the metadata.

Any file shape becomes one `Document`: plain text, Markdown and HTML-in-text files (front matter,
styles and site boilerplate removed; UTF-8 with or without BOM, UTF-16/UTF-32 with BOM, GB18030 (GBK,
GB2312) and Big5; simplified or traditional script), saved web pages (.html, .htm: the main content and
the metadata table, `ingest.read.webpage`), PDF (`ingest.read.pdf`) and Word .docx (`ingest.read.word`).
Lines broken by a layout are joined by what the shape tells: a PDF's geometry (`ingest.read.pdf`), a
plain text's line widths (`jig.core.text.repair_wraps`); a Word or web page paragraph is one already.
A file that cannot be read raises DocumentReadError (or a subclass) naming the file and what to do.
"""

from __future__ import annotations

import codecs
import logging
import re
import unicodedata
from collections.abc import Mapping
from pathlib import Path

from ingest.read.manifest import Manifest, load_corpus_manifest
from ingest.read.metadata import Metadata, extract_metadata, merge_metadata, prefer, table_metadata
from ingest.read.pdf import pdf_paragraphs
from ingest.read.webpage import read_webpage
from ingest.read.word import LEGACY_WORD, docx_lines
from jig.core.errors import DamagedDocumentError, DocumentReadError, UnsupportedFormatError
from jig.core.records import Document
from jig.core.text import (
    HTML_SUFFIXES,
    CleanText,
    clean_text,
    drop_boilerplate,
    simplified_view,
    strip_front_matter,
)

log = logging.getLogger(__name__)

DOCUMENT_SUFFIXES = (".txt", ".html", ".htm", ".md", ".pdf", ".docx")
#: Word formats read only once saved as .docx; a corpus lists them so that reading names them.
LEGACY_SUFFIXES = (".doc", ".wps")

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
#: Encodings tried, in order, for a file without a byte-order mark.
ENCODINGS = ("utf-8", "gb18030", "big5hkscs")
#: A decoding is implausible when more than this share of its characters are private-use or unassigned
#: (what Big5 bytes read as GB18030 look like).
_ODD_SHARE = 0.01
#: A file is binary when more than this share of its characters are control characters.
_CONTROL_SHARE = 0.05
_TEXT_CONTROLS = frozenset("\t\n\r\f\v\x1b")
_EMPTY = "the file is empty"
#: The start of a web page (what a site may send in place of a PDF or Word file).
_HTML_START = re.compile(rb"(?:\xef\xbb\xbf)?\s*<(?:!doctype\s+html|html|head|body|meta|!--)", re.IGNORECASE)
_KINDS = {".pdf": "PDF", ".docx": "Word file"}


def read_corpus(directory: Path) -> list[Document]:
    """Every document (*.txt, *.html, *.htm, *.md, *.pdf, *.docx) of a corpus directory, sorted by file name.

    `manifest.yaml` in the directory, if present, supplies metadata; an entry for a missing file
    raises DataFileError. A missing directory, one without documents, two files with the same stem,
    or a legacy Word/WPS file (*.doc, *.wps) raise DocumentReadError.
    """
    directory = Path(directory)
    if not directory.is_dir():
        raise DocumentReadError(directory, "the corpus directory does not exist")
    files = corpus_files(directory)
    manifest = load_corpus_manifest(directory)
    if manifest:
        manifest.check_files(path.name for path in files)
    return [read_document(path, manifest) for path in files]


def corpus_files(directory: Path) -> list[Path]:
    """The document files (and legacy Word/WPS files) of a corpus directory, sorted by name.

    DocumentReadError if there are none, or two share a stem (a document id).
    """
    listed = (*DOCUMENT_SUFFIXES, *LEGACY_SUFFIXES)
    files = sorted(p for p in directory.iterdir() if p.is_file() and p.suffix.lower() in listed)
    if not files:
        patterns = ", ".join("*" + suffix for suffix in DOCUMENT_SUFFIXES)
        raise DocumentReadError(directory, f"no documents ({patterns}) in the directory")
    stems: dict[str, str] = {}
    for path in files:
        if path.stem in stems:
            problem = f"two documents have the id {path.stem!r}: {stems[path.stem]} and {path.name}"
            raise DocumentReadError(directory, problem)
        stems[path.stem] = path.name
    return files


def read_document(path: Path, manifest: Manifest | None = None) -> Document:
    """Read one file into a Document: cleaned text, its simplified view, and metadata.

    Metadata comes from the text; the manifest's manual values, if it has an entry for this file
    name, fill gaps and override. `Document.metadata_source` says which, per field.
    """
    path = Path(path)
    cleaned, table = _read_text(path)
    if not cleaned.text:
        raise DocumentReadError(path, "no text left after removing markup and site boilerplate")
    view = simplified_view(cleaned.text)
    entry = manifest.entry(path.name) if manifest else None
    found = prefer(table, extract_metadata(view, cleaned.hints))
    metadata, sources = merge_metadata(found, entry.manual() if entry else {})
    log.debug("read %s: %d characters, title %r", path.name, len(cleaned.text), metadata.title)
    return Document(
        id=path.stem,
        file=path.name,
        path=str(path),
        text=cleaned.text,
        view=view,
        title=metadata.title,
        issuer=metadata.issuer,
        date=metadata.date,
        year=metadata.year,
        doc_number=metadata.doc_number,
        metadata_source=sources,
    )


def _read_text(path: Path) -> tuple[CleanText, Metadata]:
    """The cleaned text of a file, by its shape, and the metadata of its page's metadata table (if any)."""
    suffix = path.suffix.lower()
    if suffix in LEGACY_SUFFIXES:
        raise UnsupportedFormatError(path, LEGACY_WORD)
    data = _read_bytes(path)
    if suffix in _KINDS:
        return _paragraphs(_binary_paragraphs(data, path, suffix)), Metadata()
    raw = decode(data, path)
    if suffix not in HTML_SUFFIXES:
        return clean_text(raw, suffix), Metadata()
    body, hints = strip_front_matter(raw)
    page = read_webpage(body)
    return _paragraphs(page.lines, {**page.hints, **hints}), table_metadata(page.fields)


def _binary_paragraphs(data: bytes, path: Path, suffix: str) -> list[str]:
    """The paragraphs of a PDF or Word file; DocumentReadError if it is empty or a web page under that name."""
    if not data:
        raise DocumentReadError(path, _EMPTY)
    if _HTML_START.match(data):
        kind = _KINDS[suffix]
        problem = f"this is a web page (HTML), not a {kind}: download the {kind} again, or rename the file to .html"
        raise DamagedDocumentError(path, problem)
    return pdf_paragraphs(data, path) if suffix == ".pdf" else docx_lines(data, path)


def _paragraphs(lines: list[str], hints: Mapping[str, str] | None = None) -> CleanText:
    """A web page's, PDF's or Word file's paragraphs as text: stripped, blank and boilerplate lines dropped."""
    kept, original_title = drop_boilerplate(lines)
    hints = {**(hints or {}), **({"title": original_title} if original_title else {})}
    return CleanText("\n".join(line.strip() for line in kept if line.strip()), hints)


def decode(data: bytes, path: Path | str) -> str:
    """The text of a file's bytes, line breaks as "\\n"; DocumentReadError if it is empty, binary or undecodable."""
    if not data:
        raise DocumentReadError(path, _EMPTY)
    encoding = next((name for bom, name in _BOMS if data.startswith(bom)), None)
    if encoding is None and b"\x00" in data:
        raise DocumentReadError(path, "binary file (it contains NUL bytes), not text")
    text = _decode_with(data, encoding) if encoding else _decode_plain(data)
    if text is None:
        raise DocumentReadError(path, f"cannot decode the file as text (tried {', '.join(ENCODINGS)})")
    if _control_share(text) > _CONTROL_SHARE:
        raise DocumentReadError(path, "binary file (mostly control characters), not text")
    if not text.strip():
        raise DocumentReadError(path, "the file contains only whitespace")
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _read_bytes(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except FileNotFoundError:
        raise DocumentReadError(path, "the file does not exist") from None
    except IsADirectoryError:
        raise DocumentReadError(path, "this is a directory, not a file") from None
    except OSError as exc:
        raise DocumentReadError(path, f"the file cannot be opened ({exc.strerror})") from None


def _decode_plain(data: bytes) -> str | None:
    for encoding in ENCODINGS:
        text = _decode_with(data, encoding)
        if text is not None and _plausible(text):
            if encoding != ENCODINGS[0]:
                log.info("decoded as %s", encoding)
            return text
    return None


def _decode_with(data: bytes, encoding: str) -> str | None:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError:
        return None


def _plausible(text: str) -> bool:
    odd = sum(unicodedata.category(c) in ("Co", "Cn") for c in text)
    return odd <= _ODD_SHARE * len(text)


def _control_share(text: str) -> float:
    controls = sum(unicodedata.category(c) == "Cc" and c not in _TEXT_CONTROLS for c in text)
    return controls / len(text) if text else 0.0

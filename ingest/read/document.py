"""Reading corpus files into Documents: read the file's shape, clean, build the matching view, find the metadata.

Any file shape becomes one `Document`: plain text, Markdown and HTML-in-text files (front matter,
styles and site boilerplate removed; UTF-8 or UTF-16 with or without BOM, UTF-32 with BOM, GB18030
(GBK, GB2312) and Big5, `ingest.read.encoding`; simplified or traditional script), saved web pages
(.html, .htm: the main content and the metadata table, `ingest.read.webpage`), PDF (`ingest.read.pdf`)
and Word .docx (`ingest.read.word`).
Lines broken by a layout are joined by what the shape tells: a PDF's geometry (`ingest.read.pdf`), a
plain text's line widths (`jig.core.text.repair_wraps`); a Word or web page paragraph is one already.
A file that cannot be read, a text with no words or longer than MAX_CHARACTERS, raises
DocumentReadError (or a subclass) naming the file and what to do.
"""

from __future__ import annotations

import errno
import logging
import os
import re
from collections.abc import Mapping, Sequence
from pathlib import Path

from ingest.read.encoding import EMPTY, decode
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

#: The most characters one document's text may hold (the bundled corpus's longest holds about 11,000):
#: a bigger file is many documents in one, or not a document; reading and extracting take about
#: 3 s per million characters.
MAX_CHARACTERS = 2_000_000
#: The start of a web page (what a site may send in place of a PDF or Word file).
_HTML_START = re.compile(rb"(?:\xef\xbb\xbf)?\s*<(?:!doctype\s+html|html|head|body|meta|!--)", re.IGNORECASE)
_KINDS = {".pdf": "PDF", ".docx": "Word file"}


def read_corpus(directory: Path) -> list[Document]:
    """Every document (*.txt, *.html, *.htm, *.md, *.pdf, *.docx) of a corpus directory, sorted by file name.

    `manifest.yaml` in the directory, if present, supplies metadata; an entry for a missing file
    raises DataFileError. A missing directory, one without documents, two files with the same stem
    or the same text, or a legacy Word/WPS file (*.doc, *.wps) raise DocumentReadError.
    """
    directory = Path(directory)
    if directory.is_file():
        raise DocumentReadError(directory, "this is a file, not a folder: give the folder that holds the documents")
    if not directory.is_dir():
        raise DocumentReadError(directory, _not_a_file(directory, "the corpus directory"))
    files = corpus_files(directory)
    manifest = load_corpus_manifest(directory)
    if manifest:
        manifest.check_files(path.name for path in files)
    documents = [read_document(path, manifest) for path in files]
    check_distinct(documents)
    return documents


def corpus_files(directory: Path) -> list[Path]:
    """The document files (and legacy Word/WPS files) of a corpus directory, sorted by name.

    DocumentReadError if there are none, two share a stem (a document id), or an entry with a document's
    name is a folder, a broken or looping symbolic link, or a pipe (the folders of a corpus are not read).
    """
    listed = (*DOCUMENT_SUFFIXES, *LEGACY_SUFFIXES)
    try:
        files = sorted(p for p in directory.iterdir() if p.suffix.lower() in listed)
    except OSError as exc:
        raise DocumentReadError(directory, f"the corpus directory cannot be opened ({exc.strerror})") from None
    for path in files:
        if path.is_dir():
            problem = "this is a folder, not a document: rename it or move it out of the corpus folder"
            raise DocumentReadError(path, problem + " (the folders of a corpus are not read)")
        if not path.is_file():
            raise DocumentReadError(path, _not_a_file(path))
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


def check_distinct(documents: Sequence[Document]) -> None:
    """DocumentReadError naming the later file when two documents have the same text (one document, twice)."""
    first: dict[str, Document] = {}
    for document in documents:
        earlier = first.setdefault(document.text, document)
        if earlier is not document:
            problem = f"the same text as {earlier.file}: the document is there twice; remove one of the two files"
            raise DocumentReadError(document.path, problem)


def read_document(path: Path, manifest: Manifest | None = None) -> Document:
    """Read one file into a Document: cleaned text, its simplified view, and metadata.

    Metadata comes from the text; the manifest's manual values, if it has an entry for this file
    name, fill gaps and override. `Document.metadata_source` says which, per field.
    """
    path = Path(path)
    cleaned, table = _read_text(path)
    if not cleaned.text:
        raise DocumentReadError(path, "no text left after removing markup and site boilerplate")
    if len(cleaned.text) > MAX_CHARACTERS:
        problem = (f"the text is too long for one document ({len(cleaned.text):,} characters, at most "
                   f"{MAX_CHARACTERS:,}): split it into its documents, or check that it is the right file")
        raise DocumentReadError(path, problem)
    if not any(char.isalpha() for char in cleaned.text):
        raise DocumentReadError(path, "the text has no words (only digits, punctuation or symbols): "
                                      "check that it is the right file")
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
        raise DocumentReadError(path, EMPTY)
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


def _read_bytes(path: Path) -> bytes:
    if path.is_dir():
        raise DocumentReadError(path, "this is a directory, not a file")
    if not path.is_file():
        raise DocumentReadError(path, _not_a_file(path))
    try:
        return path.read_bytes()
    except OSError as exc:
        raise DocumentReadError(path, f"the file cannot be opened ({exc.strerror})") from None


def _not_a_file(path: Path, what: str = "the file") -> str:
    """Why `path`, neither a file nor a folder, cannot be read: missing, a broken or looping link, a pipe."""
    try:
        path.stat()
    except FileNotFoundError:
        if path.is_symlink():
            return f"{what} is a symbolic link to {os.readlink(path)}, which does not exist"
        return f"{what} does not exist"
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            return f"{what} is a symbolic link that loops (it leads back to itself)"
        return f"{what} cannot be opened ({exc.strerror})"
    return f"{what} is not a regular file (a pipe, socket or device)"

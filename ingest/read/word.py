"""The text of a Word .docx file (python-docx): the body's paragraphs and tables, in document order.

A paragraph gives one line per line break, with the text of all its runs: those in hyperlinks, tracked
insertions, content controls, smart tags and fields too (deleted text and text boxes left out). A table
gives one line per row (`ingest.read.tables`), a cell spanning several columns counted once, a cell
spanning several rows repeated in each. A legacy binary Word/WPS file, a password-protected or damaged
.docx, or one without text raises a DocumentReadError naming the file and what to do.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from pathlib import Path

import docx
from docx.oxml.ns import qn
from docx.oxml.xmlchemy import BaseOxmlElement
from docx.table import Table, _Row
from docx.text.paragraph import Paragraph

from ingest.read.tables import row_text
from jig.core.errors import DamagedDocumentError, DocumentReadError, EncryptedDocumentError, UnsupportedFormatError

LEGACY_WORD = "this is a legacy Word/WPS file: save it as .docx (in Word or WPS: Save As, Word document)"

#: Legacy .doc/.wps files and password-protected .docx files are OLE compound files.
_OLE_SIGNATURE = bytes.fromhex("D0CF11E0A1B11AE1")
#: The stream in which an OLE compound file holds an encrypted .docx (its name in UTF-16).
_ENCRYPTED_PACKAGE = "EncryptedPackage".encode("utf-16-le")
#: The text, tab and break elements of a paragraph's runs, wherever the runs sit, text boxes and moves aside.
_RUN_CONTENT = (
    ".//w:r[not(ancestor::w:txbxContent or ancestor::w:moveFrom)]"
    "/*[self::w:t or self::w:tab or self::w:br or self::w:cr]"
)
#: Breaks that end a line (a page or column break does not: the text runs on).
_LINE_BREAKS = (None, "textWrapping")


def docx_lines(data: bytes, path: Path | str) -> list[str]:
    """The lines of a .docx file's body; DocumentReadError (naming `path`) if it cannot be read or is empty."""
    if data.startswith(_OLE_SIGNATURE):
        if _ENCRYPTED_PACKAGE in data:
            raise EncryptedDocumentError(path, "the Word file is password-protected: save a copy without the password")
        raise UnsupportedFormatError(path, LEGACY_WORD)
    try:
        document = docx.Document(io.BytesIO(data))
        lines = [line for block in document.iter_inner_content() for line in _block_lines(block)]
    except Exception:  # python-docx raises errors of many kinds (zip, XML, KeyError, AttributeError …) on a bad package
        problem = ("the file is not a readable .docx (damaged, or not a Word file): "
                   "open it in Word or WPS and save it again")
        raise DamagedDocumentError(path, problem) from None
    if not any(line.strip() for line in lines):
        raise DocumentReadError(path, "the Word file contains no text: check that it is the right file")
    return lines


def _block_lines(block: Paragraph | Table) -> list[str]:
    if isinstance(block, Paragraph):
        return _paragraph_text(block).split("\n")
    return [row_text(_cell_lines(row)) for row in block.rows]


def _paragraph_text(paragraph: Paragraph) -> str:
    """The text of a paragraph's runs, in order: a tab as "\\t", a line break as "\\n".

    (python-docx's `Paragraph.text` leaves out the runs inside insertions, content controls, smart tags
    and fields.)
    """
    nodes = paragraph._p.xpath(_RUN_CONTENT)  # noqa: SLF001 (python-docx gives no public access to the XML)
    return "".join(_content_text(node) for node in nodes)


def _content_text(node: BaseOxmlElement) -> str:
    if node.tag == qn("w:t"):
        return node.text or ""
    if node.tag == qn("w:tab"):
        return "\t"
    return "\n" if node.tag == qn("w:cr") or node.get(qn("w:type")) in _LINE_BREAKS else ""


def _cell_lines(row: _Row) -> Iterator[str]:
    """The lines of a row's cells, left to right; a cell spanning several grid columns once."""
    previous = None
    for cell in row.cells:
        if cell is not previous:
            yield from (line for block in cell.iter_inner_content() for line in _block_lines(block))
        previous = cell

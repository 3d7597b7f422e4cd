"""The text of a Word .docx file (python-docx): the body's paragraphs and tables, in document order.

A paragraph gives one line per line break; a table gives one line per row (`ingest.read.tables`), a
cell spanning several columns counted once, a cell spanning several rows repeated in each. A legacy
binary Word/WPS file, a password-protected or damaged .docx, or one without text raises a
DocumentReadError naming the file and what to do.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterator
from pathlib import Path

import docx
from docx.opc.exceptions import PackageNotFoundError
from docx.table import Table, _Row
from docx.text.paragraph import Paragraph
from lxml.etree import XMLSyntaxError

from ingest.read.tables import row_text
from jig.core.errors import DamagedDocumentError, DocumentReadError, EncryptedDocumentError, UnsupportedFormatError

LEGACY_WORD = "this is a legacy Word/WPS file: save it as .docx (in Word or WPS: Save As, Word document)"

#: Legacy .doc/.wps files and password-protected .docx files are OLE compound files.
_OLE_SIGNATURE = bytes.fromhex("D0CF11E0A1B11AE1")
#: The stream in which an OLE compound file holds an encrypted .docx (its name in UTF-16).
_ENCRYPTED_PACKAGE = "EncryptedPackage".encode("utf-16-le")


def docx_lines(data: bytes, path: Path | str) -> list[str]:
    """The lines of a .docx file's body; DocumentReadError (naming `path`) if it cannot be read or is empty."""
    if data.startswith(_OLE_SIGNATURE):
        if _ENCRYPTED_PACKAGE in data:
            raise EncryptedDocumentError(path, "the Word file is password-protected: save a copy without the password")
        raise UnsupportedFormatError(path, LEGACY_WORD)
    try:
        document = docx.Document(io.BytesIO(data))
    except (zipfile.BadZipFile, PackageNotFoundError, KeyError, ValueError, XMLSyntaxError):
        problem = "the file is not a readable .docx (damaged, or not a Word file): open it in Word or WPS and save it again"
        raise DamagedDocumentError(path, problem) from None
    lines = [line for block in document.iter_inner_content() for line in _block_lines(block)]
    if not any(line.strip() for line in lines):
        raise DocumentReadError(path, "the Word file contains no text: check that it is the right file")
    return lines


def _block_lines(block: Paragraph | Table) -> list[str]:
    if isinstance(block, Paragraph):
        return block.text.split("\n")
    return [row_text(_cell_lines(row)) for row in block.rows]


def _cell_lines(row: _Row) -> Iterator[str]:
    """The lines of a row's cells, left to right; a cell spanning several grid columns once."""
    previous = None
    for cell in row.cells:
        if cell is not previous:
            yield from (line for block in cell.iter_inner_content() for line in _block_lines(block))
        previous = cell

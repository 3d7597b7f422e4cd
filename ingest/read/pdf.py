"""The text layer of a PDF (PDFium, through pypdfium2) as lines in reading order, page furniture removed.

Each page's characters are grouped into the lines PDFium finds, ordered top to bottom. Running headers
and footers (a line at the top or bottom edge of a page that recurs, digits aside, at the same height
on at least half the pages) and page numbers (第 3 页, - 3 -, 3, 3/10) are dropped. A line that starts
right of the body's left edge (a first-line indent, a centred or right-aligned line) gets a leading
ideographic space, so the wrap repair (`jig.core.text.repair_wraps`) keeps it as a paragraph start and
joins the other lines the layout broke.
"""

from __future__ import annotations

import math
import re
import statistics
import unicodedata
from collections import Counter
from collections.abc import Iterator
from itertools import groupby
from dataclasses import dataclass
from pathlib import Path

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from jig.core.errors import DamagedDocumentError, EncryptedDocumentError, NoTextLayerError

#: Lines looked at, at each edge (top, bottom) of a page, for running headers, footers and page numbers.
EDGE_LINES = 2
#: A line is indented when it starts this many line heights right of the body's left edge.
INDENT = 0.5
#: A text layer is undecodable when more than this share of its characters are private-use, unassigned
#: or replacement characters (fonts without a character map).
UNDECODABLE_SHARE = 0.3
INDENT_MARK = "\u3000"

#: A character box: left, bottom, right, top, in points from the bottom left of the page.
Box = tuple[float, float, float, float]

_PAGE_NUMBER = re.compile(
    r"[-—–－~·\s]*(?:第\s*\d+\s*页(?:\s*[，,/／]?\s*共\s*\d+\s*页)?|\d+(?:\s*[/／]\s*\d+)?|page\s*\d+(?:\s*of\s*\d+)?)"
    r"[-—–－~·\s]*",
    re.IGNORECASE,
)
_TEXT_ONLY = "run OCR or supply a text version"


@dataclass(frozen=True)
class Line:
    """One line of a page: its text, left edge, top (from the top of the page) and height, in points."""

    text: str
    left: float
    top: float
    height: float


def pdf_lines(data: bytes, path: Path | str) -> list[str]:
    """The body lines of a PDF, indented lines marked; errors name `path` and what to do."""
    pages = _pages(data, path)
    body = [line for page in _without_furniture(pages) for line in page]
    if not body:
        raise NoTextLayerError(path, f"the PDF has no text layer (a scanned image): {_TEXT_ONLY}")
    if _undecodable_share("".join(line.text for line in body)) > UNDECODABLE_SHARE:
        raise NoTextLayerError(path, f"the PDF's text cannot be decoded (its fonts have no character map): {_TEXT_ONLY}")
    margin = Counter(round(line.left) for line in body).most_common(1)[0][0]
    return [(INDENT_MARK if line.left - margin > INDENT * line.height else "") + line.text for line in body]


def _pages(data: bytes, path: Path | str) -> list[list[Line]]:
    try:
        pdf = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        if exc.err_code in (pdfium_c.FPDF_ERR_PASSWORD, pdfium_c.FPDF_ERR_SECURITY):
            problem = "the PDF is password-protected: save a copy without the password, or supply a text version"
            raise EncryptedDocumentError(path, problem) from None
        problem = "the file is damaged or not a PDF: export or download it again, or supply a text version"
        raise DamagedDocumentError(path, problem) from None
    try:
        return [_page_lines(pdf[index]) for index in range(len(pdf))]
    finally:
        pdf.close()


def _page_lines(page: pdfium.PdfPage) -> list[Line]:
    """The lines of one page, top to bottom (PDFium's line breaks, positions from its character boxes)."""
    textpage = page.get_textpage()
    chars = [_char(textpage, index) for index in range(textpage.count_chars())]
    height = page.get_height()
    textpage.close()
    page.close()
    lines = (_line(list(group), height) for is_break, group in groupby(chars, key=lambda c: c[0] in "\r\n")
             if not is_break)
    return sorted((line for line in lines if line), key=lambda line: (line.top, line.left))


def _char(textpage: pdfium.PdfTextPage, index: int) -> tuple[str, Box | None]:
    """A character of a text page and its box (None for a blank); control characters become blanks."""
    char = chr(pdfium_c.FPDFText_GetUnicode(textpage, index))
    if unicodedata.category(char) == "Cc" and char not in "\r\n":
        char = " "
    return char, None if char.isspace() else textpage.get_charbox(index, loose=True)


def _line(chars: list[tuple[str, Box | None]], page_height: float) -> Line | None:
    text = "".join(char for char, _ in chars).strip()
    boxes = [box for _, box in chars if box]
    if not text:
        return None
    top, bottom = max(box[3] for box in boxes), min(box[1] for box in boxes)
    return Line(text, min(box[0] for box in boxes), page_height - top, top - bottom)


def _without_furniture(pages: list[list[Line]]) -> Iterator[list[Line]]:
    """Each page without its running headers, footers and page numbers (peeled off its top and bottom edges)."""
    running = _running_lines(pages)
    for lines in pages:
        start, end = 0, len(lines)
        while start < min(EDGE_LINES, end) and _is_furniture(lines[start], "top", running):
            start += 1
        while end > max(start, len(lines) - EDGE_LINES) and _is_furniture(lines[end - 1], "bottom", running):
            end -= 1
        yield lines[start:end]


def _running_lines(pages: list[list[Line]]) -> dict[tuple[str, str], float]:
    """(edge, masked text) of the edge lines that recur on at least half the pages (two at least), with their median top."""
    tops: dict[tuple[str, str], dict[int, float]] = {}
    for number, lines in enumerate(pages):
        for edge, line in (*(("top", line) for line in lines[:EDGE_LINES]),
                           *(("bottom", line) for line in lines[-EDGE_LINES:])):
            tops.setdefault((edge, _masked(line.text)), {}).setdefault(number, line.top)
    needed = max(2, math.ceil(len(pages) / 2))
    return {key: statistics.median(found.values()) for key, found in tops.items() if len(found) >= needed}


def _is_furniture(line: Line, edge: str, running: dict[tuple[str, str], float]) -> bool:
    median_top = running.get((edge, _masked(line.text)))
    return bool(_PAGE_NUMBER.fullmatch(line.text)) or (median_top is not None and abs(line.top - median_top) <= line.height)


def _masked(text: str) -> str:
    """A line's text without blanks and with every run of digits as '#': the same header on every page."""
    return re.sub(r"\d+", "#", re.sub(r"\s+", "", text))


def _undecodable_share(text: str) -> float:
    bad = sum(unicodedata.category(c) in ("Co", "Cn") or c == "\ufffd" for c in text)
    return bad / len(text)

"""The text layer of a PDF (PDFium, through pypdfium2) as paragraphs, page furniture removed.

Each page's characters are grouped into the lines PDFium finds, top to bottom. Running headers and
footers (a line at the top or bottom edge of a page that recurs, digits aside, at the same height on
at least half the pages) and page numbers (第 3 页, - 3 -, 3, 3/10) are dropped. The lines left are
joined by their geometry: a line runs on into the next one (on the same page or the next) when it
reaches the right edge of the text block and the next line is not indented (a first-line indent, a
centred or right-aligned line), does not open with a heading marker (一、 第一章 …) and is not set
off by extra space.
"""

from __future__ import annotations

import logging
import math
import re
import statistics
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import groupby, pairwise
from pathlib import Path

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from jig.core.errors import DamagedDocumentError, DocumentReadError, EncryptedDocumentError, NoTextLayerError
from jig.core.text import HEADING_MARKER, join_broken

log = logging.getLogger(__name__)

#: Lines looked at, at each edge (top, bottom) of a page, for running headers, footers and page numbers.
EDGE_LINES = 2
#: A line is indented when it starts more than this many line heights right of the text block's left edge.
INDENT = 0.5
#: Lines further apart than this many times the usual line pitch are separate paragraphs.
PARAGRAPH_GAP = 1.6
#: A text layer is undecodable when more than this share of its characters are private-use, unassigned
#: or replacement characters (fonts without a character map).
UNDECODABLE_SHARE = 0.3

#: A character box: left, bottom, right, top, in points from the bottom left of the page.
Box = tuple[float, float, float, float]

_PAGE_NUMBER = re.compile(
    r"[-—–－~·\s]*(?:第\s*\d+\s*页(?:\s*[，,/／]?\s*共\s*\d+\s*页)?|\d+(?:\s*[/／]\s*\d+)?|page\s*\d+(?:\s*of\s*\d+)?)"
    r"[-—–－~·\s]*",
    re.IGNORECASE,
)
_OCR = "run OCR on it (for instance with ocrmypdf) or supply a text version"


@dataclass(frozen=True)
class Line:
    """One line of a page: its text, left and right edges, top (from the top of the page) and height, in points."""

    text: str
    left: float
    right: float
    top: float
    height: float
    page: int


@dataclass(frozen=True)
class Page:
    """The lines of one page, top to bottom, its width, and whether it holds images (a scan)."""

    lines: list[Line]
    width: float
    has_images: bool


@dataclass(frozen=True)
class Block:
    """The text block of a document: its left and right edges, and its line pitch.

    The right edge is where the rightmost line ends, if that is where a right margin as wide as the left
    one puts it; else (None) no line reaches the right edge and none was broken by the layout.
    """

    left: float
    right: float | None
    pitch: float

    @classmethod
    def of(cls, pages: list[Page]) -> Block:
        """The block of the body lines of some pages."""
        lines = [line for page in pages for line in page.lines]
        left, right = min(line.left for line in lines), max(line.right for line in lines)
        height = statistics.median(line.height for line in lines)
        width = max(page.width for page in pages)
        pitches = [b.top - a.top for a, b in pairwise(lines) if a.page == b.page and b.top > a.top]
        return cls(left, right if right >= width - left - height else None,
                   statistics.median(pitches) if pitches else height)

    def runs_on(self, line: Line, following: Line) -> bool:
        """Whether `line` was broken by the layout and continues on `following`."""
        return (
            self.right is not None
            and line.right >= self.right - line.height
            and following.left - self.left <= INDENT * following.height
            and not HEADING_MARKER.match(following.text)
            and (following.page != line.page or following.top - line.top <= PARAGRAPH_GAP * self.pitch)
        )


def pdf_paragraphs(data: bytes, path: Path | str) -> list[str]:
    """The body of a PDF as paragraphs; errors name `path` and what to do."""
    pages = _without_furniture(_pages(data, path))
    lines = [line for page in pages for line in page.lines]
    if not lines:
        raise _no_text(path, pages)
    if _undecodable_share("".join(line.text for line in lines)) > UNDECODABLE_SHARE:
        raise NoTextLayerError(path, f"the PDF's text cannot be decoded (its fonts have no character map): {_OCR}")
    scanned = [str(number) for number, page in enumerate(pages, start=1) if page.has_images and not page.lines]
    if scanned:
        log.warning("%s: no text layer on page %s (scanned): not read", path, ", ".join(scanned))
    return _join(lines, Block.of([page for page in pages if page.lines]))


def _no_text(path: Path | str, pages: list[Page]) -> DocumentReadError:
    if any(page.has_images for page in pages):
        return NoTextLayerError(path, f"the PDF has no text layer (its pages are scanned images): {_OCR}")
    return DocumentReadError(path, "the PDF has no text (its pages are blank): check that it is the right file")


def _join(lines: list[Line], block: Block) -> list[str]:
    paragraphs = [lines[0].text]
    for line, following in pairwise(lines):
        if block.runs_on(line, following):
            paragraphs[-1] = join_broken(paragraphs[-1], following.text)
        else:
            paragraphs.append(following.text)
    return paragraphs


def _pages(data: bytes, path: Path | str) -> list[Page]:
    try:
        pdf = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        if exc.err_code in (pdfium_c.FPDF_ERR_PASSWORD, pdfium_c.FPDF_ERR_SECURITY):
            problem = "the PDF is password-protected: save a copy without the password, or supply a text version"
            raise EncryptedDocumentError(path, problem) from None
        raise _damaged(path) from None
    try:
        return [_page(pdf[index], index) for index in range(len(pdf))]
    except pdfium.PdfiumError:
        raise _damaged(path) from None
    finally:
        pdf.close()


def _damaged(path: Path | str) -> DamagedDocumentError:
    problem = "the file is damaged or not a PDF: export or download it again, or supply a text version"
    return DamagedDocumentError(path, problem)


def _page(page: pdfium.PdfPage, number: int) -> Page:
    """The lines of one page, top to bottom (PDFium's line breaks, positions from its character boxes)."""
    textpage = page.get_textpage()
    chars = [_char(textpage, index) for index in range(textpage.count_chars())]
    height, width = page.get_height(), page.get_width()
    has_images = next(page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_IMAGE]), None) is not None
    textpage.close()
    page.close()
    groups = (list(group) for is_break, group in groupby(chars, key=lambda c: c[0] in "\r\n") if not is_break)
    lines = (_line(group, height, number) for group in groups)
    return Page(sorted((line for line in lines if line), key=lambda line: (line.top, line.left)), width, has_images)


def _char(textpage: pdfium.PdfTextPage, index: int) -> tuple[str, Box | None]:
    """A character of a text page and its box (None for a blank); control characters become blanks."""
    char = chr(pdfium_c.FPDFText_GetUnicode(textpage, index))
    if unicodedata.category(char) == "Cc" and char not in "\r\n":
        char = " "
    return char, None if char.isspace() else textpage.get_charbox(index, loose=True)


def _line(chars: list[tuple[str, Box | None]], page_height: float, page: int) -> Line | None:
    text = "".join(char for char, _ in chars).strip()
    if not text:
        return None
    boxes = [box for _, box in chars if box]
    top, bottom = max(box[3] for box in boxes), min(box[1] for box in boxes)
    return Line(text, min(box[0] for box in boxes), max(box[2] for box in boxes), page_height - top, top - bottom, page)


def _without_furniture(pages: list[Page]) -> list[Page]:
    """Each page without its running headers, footers and page numbers (peeled off its top and bottom edges)."""
    running = _running_lines([page.lines for page in pages])
    return [Page(list(_body(page.lines, running)), page.width, page.has_images) for page in pages]


def _body(lines: list[Line], running: dict[tuple[str, str], float]) -> Iterator[Line]:
    start, end = 0, len(lines)
    while start < min(EDGE_LINES, end) and _is_furniture(lines[start], "top", running):
        start += 1
    while end > max(start, len(lines) - EDGE_LINES) and _is_furniture(lines[end - 1], "bottom", running):
        end -= 1
    yield from lines[start:end]


def _running_lines(pages: list[list[Line]]) -> dict[tuple[str, str], float]:
    """(edge, masked text) of the edge lines that recur on at least half the pages with text (two at least),
    with their median top."""
    tops: dict[tuple[str, str], dict[int, float]] = {}
    for number, lines in enumerate(pages):
        for edge, line in (*(("top", line) for line in lines[:EDGE_LINES]),
                           *(("bottom", line) for line in lines[-EDGE_LINES:])):
            tops.setdefault((edge, _masked(line.text)), {}).setdefault(number, line.top)
    needed = max(2, math.ceil(sum(1 for lines in pages if lines) / 2))
    return {key: statistics.median(found.values()) for key, found in tops.items() if len(found) >= needed}


def _is_furniture(line: Line, edge: str, running: dict[tuple[str, str], float]) -> bool:
    median_top = running.get((edge, _masked(line.text)))
    at_its_height = median_top is not None and abs(line.top - median_top) <= line.height
    return at_its_height or bool(_PAGE_NUMBER.fullmatch(line.text))


def _masked(text: str) -> str:
    """A line's text without blanks and with every run of digits as '#': the same header on every page."""
    return re.sub(r"\d+", "#", re.sub(r"\s+", "", text))


def _undecodable_share(text: str) -> float:
    bad = sum(unicodedata.category(c) in ("Co", "Cn") or c == "\ufffd" for c in text)
    return bad / len(text)

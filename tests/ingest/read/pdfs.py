"""Real PDFs built in the test with reportlab and its built-in CJK font (STSong-Light), typeset like a document.

A page holds LINE_CHARS full-width characters a line (every character of the test texts is one em
wide), so a full line ends exactly at the right edge of the text block and the test knows where the
layout breaks each paragraph.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Collection
from dataclasses import dataclass

from PIL import Image
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfgen import canvas

FONT = "STSong-Light"
SIZE = 12
LINE_CHARS = 20
MARGIN = 72
WIDTH = LINE_CHARS * SIZE
PAGE = (2 * MARGIN + WIDTH, 420)
PITCH = 20
LINES_PER_PAGE = 12

#: Paragraph styles: first line indented two characters, flush left, centred (one line).
INDENTED, FLUSH, CENTRED = "indented", "flush", "centred"


@dataclass(frozen=True)
class Para:
    """A paragraph to typeset: its text, style, and extra space after it (in line pitches)."""

    text: str
    style: str = INDENTED
    space_after: float = 0.0


def wrapped(text: str, style: str = INDENTED) -> list[str]:
    """The lines the layout breaks a paragraph into."""
    if style == CENTRED:
        return [text]
    first = LINE_CHARS - (2 if style == INDENTED else 0)
    return [text[:first], *(text[i:i + LINE_CHARS] for i in range(first, len(text), LINE_CHARS))]


def document_pdf(
    paragraphs: list[Para], *, header: str | None = None, footer: Callable[[int], str] | None = None,
    lines_per_page: int = LINES_PER_PAGE,
) -> bytes:
    """The paragraphs typeset on as many pages as they need, each page with the header and footer given."""
    pages: list[list[tuple[float, float, str]]] = [[]]
    y = PAGE[1] - MARGIN
    for para in paragraphs:
        for number, line in enumerate(wrapped(para.text, para.style)):
            if len(pages[-1]) == lines_per_page:
                pages.append([])
                y = PAGE[1] - MARGIN
            pages[-1].append((_x(line, para.style, number), y, line))
            y -= PITCH
        y -= para.space_after * PITCH
    return pdf(pages, header=header, footer=footer)


def pdf(
    pages: list[list[tuple[float, float, str]]], *, header: str | None = None,
    footer: Callable[[int], str] | None = None, encrypt: str | None = None, scans: Collection[int] = (),
) -> bytes:
    """A PDF of pages of (x, baseline y, text), with a running header and a footer (from the page number);
    the pages numbered in `scans` hold a full-page image, as a scanner gives, instead."""
    pdfmetrics.registerFont(UnicodeCIDFont(FONT))
    out = io.BytesIO()
    page = canvas.Canvas(out, pagesize=PAGE, invariant=1, encrypt=encrypt)
    for number, lines in enumerate(pages, start=1):
        if number in scans:
            page.drawImage(ImageReader(Image.new("L", (200, 280), color=200)), 0, 0, width=PAGE[0], height=PAGE[1])
        page.setFont(FONT, SIZE)
        for x, y, text in lines:
            page.drawString(x, y, text)
        page.setFont(FONT, 9)
        if header:
            page.drawCentredString(PAGE[0] / 2, PAGE[1] - 40, header)
        if footer:
            page.drawCentredString(PAGE[0] / 2, 36, footer(number))
        page.showPage()
    page.save()
    return out.getvalue()


def scanned_pdf(pages: int = 2) -> bytes:
    """A PDF whose pages are images only."""
    return pdf([[] for _ in range(pages)], scans=range(1, pages + 1))


def _x(line: str, style: str, number: int) -> float:
    if style == CENTRED:
        return MARGIN + (WIDTH - len(line) * SIZE) / 2
    return MARGIN + (2 * SIZE if style == INDENTED and number == 0 else 0)

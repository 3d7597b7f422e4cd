"""Make the PDF and Word copies of two corpus documents from their public text, byte for byte the same each run.

The original files of 022 (the provincial plan) and 023 (the Changchun plan) were not at hand, so the
corpus holds copies made from the public text kept in data/corpus_sources/:

- 022 as a PDF laid out like a government document (after GB/T 9704): A4, 16 pt STSong-Light, 28
  characters a line, justified, 22 pt centred titles, two-character first-line indents, a running
  header and the page number (— 1 —) in the footer, outside on odd and even pages;
- 023 as a Word .docx: its metadata block (索引号 … 发布日期) as a two-column table, every other line
  a paragraph (indented where the text indents it).

Run `.venv/bin/python data/make_corpus_copies.py` from the repository root; it rewrites
data/corpus/022_jilin_2022_sci_tech_14th_fyp.pdf and data/corpus/023_changchun_2022_sci_tech_14th_fyp.docx.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import docx
from docx.oxml.ns import qn
from docx.shared import Pt
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfgen import canvas

DATA = Path(__file__).resolve().parent
SOURCES = DATA / "corpus_sources"
CORPUS = DATA / "corpus"

FONT = "STSong-Light"
BODY_SIZE, TITLE_SIZE, HEADER_SIZE, FOOTER_SIZE = 16, 22, 10.5, 14
LEFT, TOP, BOTTOM = 28 * mm, 37 * mm, 35 * mm
WIDTH = 28 * BODY_SIZE
PITCH, TITLE_PITCH = 29, 36
#: Characters a line may not start with, and characters it may not end with (Chinese line breaking).
NO_START = "，。、；：？！）)】》”’,.;:?!%"
NO_END = "（(【《“‘"
_TOKENS = re.compile(r"[A-Za-z0-9]+(?:[.\-/][A-Za-z0-9]+)*|.")

BODY, FLUSH, CENTRED, TITLE, RIGHT = "body", "flush", "centred", "title", "right"


@dataclass(frozen=True)
class PdfCopy:
    """A document typeset as a PDF: its source, its running header, and the style of each source line (else body)."""

    name: str
    header: str
    styles: dict[int, str]


PDF_COPY = PdfCopy(
    name="022_jilin_2022_sci_tech_14th_fyp",
    header="吉林省科学技术发展“十四五”规划",
    styles={0: TITLE, 1: TITLE, 2: CENTRED, 3: FLUSH, 5: RIGHT, 6: RIGHT, 7: TITLE, 9: CENTRED, 11: CENTRED},
)
DOCX_COPY = "023_changchun_2022_sci_tech_14th_fyp"
#: The lines of 023's metadata block that become the table (the block is given twice; the second stays text).
DOCX_TABLE_LINES = range(7)
DOCX_DATE = dt.datetime(2022, 6, 28, tzinfo=dt.timezone.utc)
DOCX_SIZE = 12


def main() -> None:
    """Write both copies into data/corpus."""
    pdf_path = CORPUS / f"{PDF_COPY.name}.pdf"
    pdf_path.write_bytes(make_pdf(_source_lines(PDF_COPY.name), PDF_COPY))
    docx_path = CORPUS / f"{DOCX_COPY}.docx"
    docx_path.write_bytes(make_docx(_source_lines(DOCX_COPY)))
    print(f"wrote {pdf_path.relative_to(DATA.parent)} and {docx_path.relative_to(DATA.parent)}")


def _source_lines(name: str) -> list[str]:
    return (SOURCES / f"{name}.txt").read_text(encoding="utf-8").split("\n")


def make_pdf(lines: list[str], copy: PdfCopy) -> bytes:
    """The PDF of a document's lines, typeset by `copy`'s styles."""
    pdfmetrics.registerFont(UnicodeCIDFont(FONT))
    out = io.BytesIO()
    pdf = canvas.Canvas(out, pagesize=A4, invariant=1, pageCompression=1)
    page_width, page_height = A4
    y, number = None, 0
    for index, line in enumerate(lines):
        style = copy.styles.get(index, BODY)
        size, pitch = (TITLE_SIZE, TITLE_PITCH) if style == TITLE else (BODY_SIZE, PITCH)
        for text, x, spacing in _typeset(line.strip(), style, size):
            if y is None or y - pitch < BOTTOM:
                if y is not None:
                    pdf.showPage()
                number += 1
                _furniture(pdf, copy.header, number, page_width, page_height)
                y = page_height - TOP
            y -= pitch
            pdf.setFont(FONT, size)
            pdf.drawString(x, y, text, charSpace=spacing)
    pdf.showPage()
    pdf.save()
    return out.getvalue()


def _furniture(pdf: canvas.Canvas, header: str, number: int, page_width: float, page_height: float) -> None:
    """A page's running header (with a rule under it) and its page number, right on odd pages, left on even."""
    pdf.setFont(FONT, HEADER_SIZE)
    pdf.drawCentredString(page_width / 2, page_height - 15 * mm, header)
    pdf.setLineWidth(0.5)
    pdf.line(LEFT, page_height - 17 * mm, LEFT + WIDTH, page_height - 17 * mm)
    pdf.setFont(FONT, FOOTER_SIZE)
    footer, inset = f"— {number} —", FOOTER_SIZE
    if number % 2:
        pdf.drawRightString(LEFT + WIDTH - inset, BOTTOM - 7 * mm - FOOTER_SIZE, footer)
    else:
        pdf.drawString(LEFT + inset, BOTTOM - 7 * mm - FOOTER_SIZE, footer)


def _typeset(text: str, style: str, size: float) -> Iterator[tuple[str, float, float]]:
    """The lines of one paragraph: (text, left x, character spacing); full lines are justified."""
    if style in (CENTRED, TITLE, RIGHT):
        width = _width(text, size)
        x = LEFT + (WIDTH - width) / 2 if style != RIGHT else LEFT + WIDTH - 4 * size - width
        yield text, x, 0.0
        return
    indent = 2 * size if style == BODY else 0
    broken = _break(text, size, WIDTH - indent)
    for number, line in enumerate(broken):
        x = LEFT + (indent if number == 0 else 0)
        full = number < len(broken) - 1
        spare = WIDTH - (x - LEFT) - _width(line, size)
        yield line, x, spare / (len(line) - 1) if full and len(line) > 1 else 0.0


def _break(text: str, size: float, first_width: float) -> list[str]:
    """Greedy line breaking of a paragraph: Latin words and numbers kept whole, punctuation kept attached."""
    lines: list[list[str]] = [[]]
    for token in _TOKENS.findall(text):
        limit = first_width if len(lines) == 1 else WIDTH
        if lines[-1] and _width("".join(lines[-1]) + token, size) > limit:
            lines.append([token])
            _carry(lines[-2], lines[-1])
        else:
            lines[-1].append(token)
    return ["".join(line) for line in lines if line]


def _carry(previous: list[str], line: list[str]) -> None:
    """Move tokens down from `previous` until `line` opens with no closing mark and `previous` ends with no
    opening one."""
    while len(previous) > 1 and (line[0][0] in NO_START or previous[-1][-1] in NO_END):
        line.insert(0, previous.pop())


def _width(text: str, size: float) -> float:
    return pdfmetrics.stringWidth(text, FONT, size)


def make_docx(lines: list[str]) -> bytes:
    """The Word file of a document's lines: the metadata block as a table, the other lines as paragraphs."""
    document = docx.Document()
    normal = document.styles["Normal"]
    normal.font.size = Pt(DOCX_SIZE)
    normal.element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), "宋体")
    table = document.add_table(rows=0, cols=2)
    table.style = "Table Grid"
    for index in DOCX_TABLE_LINES:
        label, value = lines[index].split(":", 1)
        cells = table.add_row().cells
        cells[0].text, cells[1].text = f"{label}:", value.strip()
    for line in lines[DOCX_TABLE_LINES.stop:]:
        if line.strip():
            paragraph = document.add_paragraph(line.strip())
            if line.startswith(" "):
                paragraph.paragraph_format.first_line_indent = Pt(2 * DOCX_SIZE)
    properties = document.core_properties
    properties.author = properties.last_modified_by = "data/make_corpus_copies.py"
    properties.created = properties.modified = DOCX_DATE
    properties.revision = 1
    out = io.BytesIO()
    document.save(out)
    return _fixed_zip(out.getvalue())


def _fixed_zip(data: bytes) -> bytes:
    """The same zip archive with every member dated the document's date (python-docx stamps the time of saving)."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for member in source.infolist():
            fixed = zipfile.ZipInfo(member.filename, date_time=DOCX_DATE.timetuple()[:6])
            fixed.compress_type = zipfile.ZIP_DEFLATED
            target.writestr(fixed, source.read(member))
    return out.getvalue()


if __name__ == "__main__":
    main()

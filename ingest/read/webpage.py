"""A saved web page: its main content (trafilatura) and the metadata a government page carries.

Pages of gov.cn and of the provincial sites built like it hold a metadata table above the article
(索引号, 发文机关, 成文日期, 标题, 发文字号, 发布日期 …, a label and its value per cell or per item)
and <meta> tags (ArticleTitle, PubDate, ContentSource). The table's values are the document's own;
the tags and the <title> are hints for what the text lacks. The table's labels and values are not
part of the text.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field

import lxml.html
import trafilatura
from lxml import etree
from trafilatura.settings import use_config

from ingest.read.tables import row_text

#: Labels of a metadata table, and the metadata field each one gives (None: a label that only marks the table).
LABELS: dict[str, str | None] = {
    "标题": "title", "发文机关": "issuer", "发布机构": "issuer", "成文日期": "date",
    "发文字号": "doc_number", "文号": "doc_number", "索引号": None, "主题分类": None, "分类": None,
    "发布日期": None, "主题词": None, "有效性": None, "公开方式": None, "体裁分类": None, "组配分类": None,
}
#: <meta> names (lower case) and the hint each gives; 发布日期 of the table is a date hint too.
META_HINTS = {"articletitle": "title", "pubdate": "date", "contentsource": "issuer"}

#: Characters of main content below which trafilatura tries its fallbacks, whose last resort runs the
#: paragraphs and the navigation into one; its default (250) is meant for alphabetic text, where a short
#: Chinese notice falls below it.
MIN_CONTENT_CHARACTERS = 50
_TRAFILATURA = use_config()
_TRAFILATURA.set("DEFAULT", "MIN_EXTRACTED_SIZE", str(MIN_CONTENT_CHARACTERS))
#: trafilatura logs what it could not extract ("discarding data: None"): the reader says what that means.
logging.getLogger("trafilatura").setLevel(logging.CRITICAL)

_LABEL = "|".join(r"\s*".join(label) for label in sorted(LABELS, key=len, reverse=True))
_LABELLED = re.compile(rf"\s*(?P<label>{_LABEL})\s*(?:[:：]\s*(?P<value>.*?))?\s*", re.DOTALL)
_LABEL_WITH_COLON = re.compile(rf"(?:{_LABEL})\s*[:：]")


@dataclass(frozen=True)
class WebPage:
    """A page's main content (one block or table row per line), its metadata table's values, and its hints."""

    lines: list[str]
    fields: dict[str, str] = field(default_factory=dict)
    hints: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class _Labelled:
    """A label of the metadata table, its value, and the elements that hold them (removed from the page)."""

    label: str
    value: str
    elements: tuple[lxml.html.HtmlElement, ...]
    value_in_tail: bool = False


def read_webpage(html: str) -> WebPage:
    """The main content and metadata of an HTML page; a page without content gives no lines."""
    try:
        tree = lxml.html.document_fromstring(html.encode("utf-8"), parser=lxml.html.HTMLParser(encoding="utf-8"))
    except etree.ParserError:
        return WebPage([])
    labelled = _metadata_table(tree)
    fields: dict[str, str] = {}
    for item in labelled:
        if LABELS[item.label] and item.value:
            fields.setdefault(LABELS[item.label], item.value)
    hints = _hints(tree, next((item.value for item in labelled if item.label == "发布日期" and item.value), None))
    for item in labelled:
        if item.value_in_tail:
            item.elements[0].tail = None
        for element in item.elements:
            element.drop_tree()
    return WebPage(_content_lines(tree), fields, hints)


def _metadata_table(tree: lxml.html.HtmlElement) -> list[_Labelled]:
    """The labels of the page's metadata table, in page order; none unless the page has two labels or more.

    An element holds a label when its text is one label and its value, or one label alone: the value is
    then the text after the element, else the text of the next element (the next cell) unless that is a
    label too (the header row of a table in the text). Elements inside one already taken are skipped.
    """
    found: list[_Labelled] = []
    taken: set[lxml.html.HtmlElement] = set()
    for element in tree.iter("td", "th", "li", "dt", "dd", "p", "span", "div", "b", "strong", "label", "font"):
        if any(node in taken for node in (element, *element.iterancestors())):
            continue
        item = _labelled(element)
        if item:
            found.append(item)
            taken.update(item.elements)
    return found if len({item.label for item in found}) >= 2 else []


def _labelled(element: lxml.html.HtmlElement) -> _Labelled | None:
    """The label an element holds and its value, if it holds one label (and no more)."""
    text = element.text_content()
    match = _LABELLED.fullmatch(text)
    if not match or len(_LABEL_WITH_COLON.findall(text)) > 1:
        return None
    label, value, tail = re.sub(r"\s+", "", match["label"]), match["value"], (element.tail or "").strip()
    following = element.getnext()
    if value or tail or following is None:
        return _Labelled(label, value or tail, (element,), not value)
    if _LABELLED.fullmatch(following.text_content()):
        return None
    return _Labelled(label, following.text_content().strip(), (element, following))


def _hints(tree: lxml.html.HtmlElement, published: str | None) -> dict[str, str]:
    hints = {"title": (tree.findtext(".//title") or "").strip(), "date": published or ""}
    for meta in tree.iter("meta"):
        hint = META_HINTS.get((meta.get("name") or "").lower())
        if hint and (meta.get("content") or "").strip():
            hints[hint] = meta.get("content").strip()
    return {name: value for name, value in hints.items() if value}


def _content_lines(tree: lxml.html.HtmlElement) -> list[str]:
    """The main content as lines: paragraphs and headings (a line per <br>), list items, table rows."""
    xml = trafilatura.extract(tree, output_format="xml", include_comments=False, include_tables=True,
                              config=_TRAFILATURA)
    main = etree.fromstring(xml).find("main") if xml else None
    if main is None:
        return []
    for line_break in main.iter("lb"):
        line_break.tail = "\n" + (line_break.tail or "")
    lines: list[str] = []
    for block in main:
        if block.tag == "table":
            rows = block.findall("row")
            lines.extend(row_text("".join(cell.itertext()) for cell in row.findall("cell")) for row in rows)
        elif block.tag == "list":
            lines.extend("".join(item.itertext()) for item in block.findall("item"))
        else:
            lines.extend("".join(block.itertext()).split("\n"))
    return lines

"""Cleaning a decoded corpus file into readable text, and the simplified matching view of that text.

`clean_text` removes what is not the document: YAML front matter, HTML markup with its styles,
scripts and site boilerplate (footer, share and editor blocks, "原标题：" lines), Markdown markup, and
repairs lines broken at a fixed width by PDF extraction. The result has one paragraph per line and
otherwise keeps every character as written. `simplified_view` gives the text in simplified script
with half-width digits, Latin letters and math symbols, character for character.
"""

from __future__ import annotations

import logging
import re
import unicodedata
from dataclasses import dataclass, field
from functools import cache
from html.parser import HTMLParser

import yaml
from opencc import OpenCC

log = logging.getLogger(__name__)

HTML_SUFFIXES = (".html", ".htm")
MARKDOWN_SUFFIXES = (".md",)

#: A heading or list marker opening a paragraph: 一、 （一） 1. 1、 (1) 第一条 ① --- 附件
HEADING_MARKER = re.compile(
    r"^(?:[一二三四五六七八九十百]+[、．.]"
    r"|[（(][一二三四五六七八九十百\d０-９]+[）)]"
    r"|[\d０-９]+(?:[、）)]|[．.](?![\d０-９]))"
    r"|第[一二三四五六七八九十百零〇\d０-９]+[章节条款部分篇]"
    r"|[①-⑳]|[-—－·•●■◆]+|附件)"
)

_FRONT_MATTER = re.compile(r"\A\s*^---[ \t]*\n(?P<yaml>.*?)^(?:---|\.\.\.)[ \t]*$\n?", re.DOTALL | re.MULTILINE)
_HTML_TAG = re.compile(
    r"</?(?:p|div|br|span|a|font|b|strong|html|body|table|tr|td|li|ul|h[1-6]|img|section)\b[^>]*>", re.IGNORECASE
)
_HTML_MIN_TAGS = 3

_ORIGINAL_TITLE = re.compile(r"^原标题\s*[:：]\s*(?P<title>.+)$")
_LABELLED_NOISE = re.compile(
    r"^(?:责任编辑|责编|编辑|校对|审核|来源|文章来源|本文来源|稿源|作者|记者|声明|免责声明|版权声明)\s*[:：]"
)
_NOISE = re.compile(
    r"分享到|扫描二维码|扫一扫|海量资讯、精准解读|打开.{0,10}(?:APP|App|客户端)|返回顶部|打印本页|关闭窗口"
    r"|【打印】|【关闭】|点击进入专题|关注.{0,12}公众号"
)
_NOISE_MAX_LEN = 80

#: A document is hard-wrapped when this share of its lines have (nearly) the same display width...
_WRAPPED_SHARE = 0.4
#: ... within this many columns of that width, the width is at least `_WRAP_MIN_WIDTH` columns,
#: and at most `_OVER_WIDTH_SHARE` of the lines are wider.
_WRAP_WINDOW = 4
_WRAP_MIN_WIDTH = 20
_OVER_WIDTH_SHARE = 0.05
#: A line at least this fraction of the wrap width was broken by the wrap, not at a paragraph end.
_FULL_LINE = 0.85

#: A text (or line) is treated as traditional script when at least this share of its Han characters,
#: and at least `_TRADITIONAL_MIN` of them, change under OpenCC t2s.
_TRADITIONAL_SHARE = 0.1
_TRADITIONAL_MIN = 2

_HALF_WIDTH = str.maketrans(
    {
        **{chr(c): chr(c - 0xFEE0) for c in range(0xFF10, 0xFF1A)},  # ０-９
        **{chr(c): chr(c - 0xFEE0) for c in range(0xFF21, 0xFF3B)},  # Ａ-Ｚ
        **{chr(c): chr(c - 0xFEE0) for c in range(0xFF41, 0xFF5B)},  # ａ-ｚ
        **{c: chr(ord(c) - 0xFEE0) for c in "＃＄％＆＊＋－．／＜＝＞＠＿～"},
    }
)


@dataclass(frozen=True)
class CleanText:
    """A cleaned document: `text` (one paragraph per line) and metadata `hints` found in the markup.

    `hints` may hold "title" (a 原标题 line, the front matter's or the HTML <title>) and "date" (the
    front matter's date, as written); they are fallbacks for metadata the text itself lacks.
    """

    text: str
    hints: dict[str, str] = field(default_factory=dict)


def clean_text(raw: str, suffix: str = ".txt") -> CleanText:
    """Clean a decoded file: front matter, markup and boilerplate removed, broken lines joined.

    `suffix` is the file's extension (lower case); HTML is also recognised by its tags whatever the
    extension. Line breaks are expected as "\\n".
    """
    body, hints = strip_front_matter(raw)
    if suffix in HTML_SUFFIXES or len(_HTML_TAG.findall(body)) >= _HTML_MIN_TAGS:
        lines, page_title = html_lines(body)
        if page_title:
            hints.setdefault("title", page_title)
    else:
        lines = body.split("\n")
        if suffix in MARKDOWN_SUFFIXES:
            lines = [strip_markdown(line) for line in lines]
    lines, original_title = drop_boilerplate(lines)
    if original_title:
        hints["title"] = original_title
    return CleanText("\n".join(repair_wraps(lines)), hints)


def strip_front_matter(raw: str) -> tuple[str, dict[str, str]]:
    """Remove a leading YAML front matter block; return the rest and its title/date as hints.

    A leading `---` block counts as front matter only when it parses as a YAML mapping.
    """
    match = _FRONT_MATTER.match(raw)
    if not match:
        return raw, {}
    try:
        data = yaml.safe_load(match["yaml"])
    except Exception:  # PyYAML raises more than YAMLError on odd input (ValueError for date: 2020-13-45, KeyError …)
        return raw, {}
    if not isinstance(data, dict):
        return raw, {}
    hints = {key: str(data[key]).strip() for key in ("title", "date") if data.get(key)}
    return raw[match.end():], hints


def html_lines(html: str) -> tuple[list[str], str]:
    """The text lines of an HTML page (one per block element) and its <title>.

    Styles, scripts, iframes, navigation and elements whose class or id marks site boilerplate
    (editor, share, footer, copyright, QR code, comments ...) are left out; comments are ignored.
    """
    parser = _ArticleParser()
    parser.feed(html)
    parser.close()
    return "".join(parser.parts).split("\n"), "".join(parser.title).strip()


def strip_markdown(line: str) -> str:
    """A Markdown line without its markup: heading hashes, quote marks, emphasis, links, images, rules."""
    if re.fullmatch(r"\s*(?:[-*_]\s*){3,}", line):
        return ""
    line = re.sub(r"^\s{0,3}(?:#{1,6}\s+|>\s?)", "", line)
    line = re.sub(r"!\[[^\]]*\]\([^)]*\)", "", line)
    line = re.sub(r"\[([^\]]+)\]\([^)]*\)", r"\1", line)
    return re.sub(r"(\*\*|__)(.+?)\1", r"\2", line)


def drop_boilerplate(lines: list[str]) -> tuple[list[str], str]:
    """Lines without site boilerplate (editor, source, share, app lines); also the 原标题 if any.

    Lines are matched in their simplified view, so traditional-script boilerplate goes too.
    """
    kept: list[str] = []
    original_title = ""
    for line in lines:
        stripped = line.strip()
        view = simplified_view(stripped)
        title = _ORIGINAL_TITLE.match(view)
        if title:
            original_title = original_title or stripped[title.start("title"):].strip()
        elif not _is_noise(view):
            kept.append(line)
    return kept, original_title


def _is_noise(line: str) -> bool:
    return len(line) <= _NOISE_MAX_LEN and bool(_LABELLED_NOISE.match(line) or _NOISE.search(line))


def repair_wraps(lines: list[str]) -> list[str]:
    """Paragraphs from raw lines: blanks dropped, each line stripped, hard-wrapped lines joined.

    When most lines share one display width (text extracted from a PDF or a fixed-width export), a
    line that reaches that width continues on the next non-blank line, unless the next line is
    indented or opens with a heading marker (一、 （一） 1. ...). Blank lines between the pieces do
    not stop the join. Otherwise every non-blank line is a paragraph.
    """
    width = wrap_width(lines)
    paragraphs: list[str] = []
    previous = ""
    for line in lines:
        stripped = line.strip()
        if not stripped:
            continue
        if paragraphs and width and _continues(previous, line, width):
            paragraphs[-1] = join_broken(paragraphs[-1], stripped)
        else:
            paragraphs.append(stripped)
        previous = line
    return paragraphs


def wrap_width(lines: list[str]) -> int | None:
    """The display width at which the lines were hard-wrapped, or None if they were not."""
    widths = [display_width(line.rstrip()) for line in lines if line.strip()]
    if not widths:
        return None
    best = max(set(widths), key=lambda w: sum(w - _WRAP_WINDOW <= x <= w for x in widths))
    at_width = sum(best - _WRAP_WINDOW <= x <= best for x in widths) / len(widths)
    over_width = sum(x > best for x in widths) / len(widths)
    wrapped = best >= _WRAP_MIN_WIDTH and at_width >= _WRAPPED_SHARE and over_width <= _OVER_WIDTH_SHARE
    return best if wrapped else None


def _continues(previous: str, line: str, width: int) -> bool:
    return (
        display_width(previous.rstrip()) >= _FULL_LINE * width
        and not line[:1].isspace()
        and not HEADING_MARKER.match(line)
    )


def display_width(text: str) -> int:
    """Columns a text takes in a monospaced layout: wide and full-width characters count two."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def join_broken(left: str, right: str) -> str:
    """Join two pieces of a broken line: a space only between two Latin letters."""
    return f"{left} {right}" if _needs_space(left[-1:], right[:1]) else left + right


def _needs_space(left: str, right: str) -> bool:
    return left.isascii() and left.isalpha() and right.isascii() and right.isalpha()


def _close_breaks(data: str) -> str:
    """HTML source line breaks inside a text run: removed, or a space between two Latin letters."""

    def replace(match: re.Match[str]) -> str:
        before = match.string[match.start() - 1] if match.start() else ""
        after = match.string[match.end()] if match.end() < len(match.string) else ""
        return " " if _needs_space(before, after) else ""

    return re.sub(r"[ \t\r]*\n\s*", replace, data)


_BLOCK_TAGS = frozenset({
    "p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "section", "article", "header", "main",
    "table", "ul", "ol", "dl", "dd", "dt", "blockquote", "pre", "hr", "figure", "figcaption",
})
_VOID_TAGS = frozenset({
    "br", "img", "hr", "meta", "link", "input", "source", "wbr", "area", "base", "col", "embed", "param", "track",
})
_SKIP_TAGS = frozenset({
    "script", "style", "noscript", "iframe", "template", "nav", "footer", "aside", "form", "button", "select",
    "svg", "title",
})
_BOILERPLATE = re.compile(
    r"(?:^|[\s_-])(?:editor|share|footer|copyright|comments?|related|recommend|statement|breadcrumb|sidebar"
    r"|toolbar|advert|ads?|qr|qrcode|appendqr)(?=$|[\s_-])",
    re.IGNORECASE,
)


class _ArticleParser(HTMLParser):
    """Collects the visible article text of an HTML page, one block element per line."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.title: list[str] = []
        self._skip_tag: str | None = None
        self._skip_depth = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self._skip_tag:
            if tag == self._skip_tag and tag not in _VOID_TAGS:
                self._skip_depth += 1
            return
        if tag in _BLOCK_TAGS:
            self.parts.append("\n")
        marks = " ".join(value or "" for name, value in attrs if name in ("class", "id"))
        if tag not in _VOID_TAGS and (tag in _SKIP_TAGS or _BOILERPLATE.search(marks)):
            self._skip_tag, self._skip_depth = tag, 1

    def handle_endtag(self, tag: str) -> None:
        if self._skip_tag:
            if tag == self._skip_tag:
                self._skip_depth -= 1
                self._skip_tag = self._skip_tag if self._skip_depth else None
            return
        if tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if self._skip_tag == "title":
            self.title.append(data)
        elif not self._skip_tag:
            self.parts.append(_close_breaks(data))


def simplified_view(text: str) -> str:
    """The matching view of a text, exactly as long: simplified script, half-width digits/letters/symbols.

    Script conversion (OpenCC t2s) applies to the whole text when it is written in traditional script,
    otherwise only to the lines that are (a quoted traditional passage, say): a simplified line keeps
    characters such as the 乾 of 乾安 that t2s would change. A phrase conversion that changes the length falls back to
    per-character conversion. Chinese punctuation is kept.
    """
    whole = is_traditional(text)
    return "\n".join(_view_line(line, whole or is_traditional(line)) for line in text.split("\n"))


def is_traditional(text: str) -> bool:
    """Whether a text is written in traditional script (enough of its Han characters change under t2s)."""
    han = [c for c in text if _is_han(c)]
    changed = sum(map(_changes_under_t2s, han))
    return changed >= _TRADITIONAL_MIN and changed >= _TRADITIONAL_SHARE * len(han)


def convert_same_length(text: str, converter: OpenCC) -> str:
    """`text` through an OpenCC converter, exactly as long: per character where a phrase changes the length."""
    converted = converter.convert(text)
    if len(converted) == len(text):
        return converted
    log.debug("phrase conversion changed the length of %r; converting per character", text[:40])
    return "".join(single if len(single := converter.convert(c)) == 1 else c for c in text)


def _view_line(line: str, convert: bool) -> str:
    return (convert_same_length(line, _converter()) if convert else line).translate(_HALF_WIDTH)


@cache
def _changes_under_t2s(char: str) -> bool:
    return _converter().convert(char) != char


def _is_han(char: str) -> bool:
    return "\u4e00" <= char <= "\u9fff" or "\u3400" <= char <= "\u4dbf" or "\uf900" <= char <= "\ufaff"


@cache
def _converter() -> OpenCC:
    return OpenCC("t2s")

"""Document metadata read from the text: title, issuer, date (and year), document number.

Everything is matched on the document's view (simplified script, half-width digits), one paragraph
per line, and values are returned in that normalised form. The rules, in order of preference:

- date: the first line that is only a date (a signature date such as 二○一一年六月七日 or
  2016年10月31日, possibly in parentheses), else a date in parentheses after the title
  (…的意见（2021年12月20日）), else the date the markup gave (front matter, PubDate, 发布日期);
- title: the first header line (before the first 一、 heading) that is not a sentence and ends with
  a document word (计划, 方案, 意见, 通知, 办法 …), without a trailing parenthesis; else the
  markup's title (原标题, front matter, ArticleTitle, <title>);
- issuer: the organisation line just before the signature date, else a parenthesised organisation
  line under the title ((省科技厅)), else the organisation that opens the title (…政府关于…), else
  the markup's (ContentSource);
- doc_number: a header line that is only a document number (吉政办发〔2016〕72号), or one in
  parentheses after the title. A number cited inside a sentence is another document's.

A web page's metadata table (发文机关, 成文日期, 标题, 发文字号: `table_metadata`) is preferred to all
of these (`prefer`).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass, replace
from email.utils import parsedate_to_datetime

from jig.core.text import HEADING_MARKER, simplified_view

FIELDS = ("title", "issuer", "date", "year", "doc_number")

#: Lines searched for the title, issuer line and document number, at most (the header).
HEADER_LINES = 12

_CN_DIGITS = {c: i for i, c in enumerate("〇一二三四五六七八九")} | {"○": 0, "零": 0, "O": 0, "Ｏ": 0}
_CN_NUMBER = re.compile(r"[二三四五六七八九]?十[一二三四五六七八九]?|[一二三四五六七八九]")
_DATE = (
    r"(?P<y>\d{4}|[〇○零O0一二三四五六七八九]{4})\s*年\s*(?P<m>\d{1,2}|[一二三四五六七八九十]{1,2})\s*月"
    r"\s*(?P<d>\d{1,2}|[一二三四五六七八九十]{1,3})\s*日"
)
_DATE_LINE = re.compile(rf"[（(]?{_DATE}[\u4e00-\u9fff]{{0,20}}[）)]?")
_DATE_ANYWHERE = re.compile(_DATE)
_DOC_NUMBER = r"[\u4e00-\u9fff]{1,12}\s*[〔\[［【（(]\s*(?:19|20)\d{2}\s*[〕\]］】）)]\s*第?\s*\d{1,5}\s*号"
_DOC_NUMBER_LINE = re.compile(rf"(?:(?:发文字号|文号)\s*[:：]\s*)?(?P<number>{_DOC_NUMBER})")
_DOC_NUMBER_ANYWHERE = re.compile(_DOC_NUMBER)

_SENTENCE_PUNCTUATION = "。，；：！？,;:!?"
_DOCUMENT_WORDS = (
    "计划|方案|意见|通知|办法|规定|规划|决定|条例|细则|纲要|措施|政策|报告|公告|通告|批复|指南|要点|规则"
    "|章程|纲领|目录|清单|建议|指引|公报|决议|函"
)
_TITLE = re.compile(
    rf"(?P<title>[^{_SENTENCE_PUNCTUATION}]{{2,80}}?(?:{_DOCUMENT_WORDS}))\s*(?P<trailer>[（(][^（）()]*[）)])?"
)
_ORGANISATION_ENDS = (
    "人民政府|政府|办公厅|办公室|委员会|省委|市委|州委|县委|党委|中央|国务院|厅|局|委|办|部|院|署|会|中心|公司|集团|大学"
)
_ORGANISATION = re.compile(rf"[^{_SENTENCE_PUNCTUATION}\d（）()《》“”]{{2,60}}?(?:{_ORGANISATION_ENDS})")
_PARENTHESISED = re.compile(r"[（(](?P<inner>[^（）()]+)[）)]")
_TITLE_OPENER = re.compile(r"(?P<issuer>.{2,40}?)关于")
_NOT_AN_ISSUER = re.compile(r"转发|印发|发布")


@dataclass(frozen=True)
class Metadata:
    """Title, issuer, ISO date, year and document number of a document; None where unknown."""

    title: str | None = None
    issuer: str | None = None
    date: str | None = None
    year: int | None = None
    doc_number: str | None = None


def extract_metadata(view: str, hints: Mapping[str, str] | None = None) -> Metadata:
    """Metadata found in a document's view; `hints` (title, date, issuer from the markup) fill what the text lacks."""
    hints = hints or {}
    lines = [line.strip() for line in view.split("\n") if line.strip()]
    header = _header(lines)
    title_index, title, trailer = _title(header)
    date_index, date = _signature_date(lines)
    date = date or parse_chinese_date(trailer) or _hint_date(hints.get("date"))
    issuer = (
        _organisation(lines[date_index - 1] if date_index else None)
        or _organisation_under_title(header, title_index)
        or _title_opener(title)
        or _organisation(simplified_view(hints["issuer"]) if hints.get("issuer") else None)
    )
    title = title or (simplified_view(hints["title"]) if hints.get("title") else None)
    return Metadata(
        title=title,
        issuer=issuer,
        date=date,
        year=int(date[:4]) if date else None,
        doc_number=_doc_number(header) or _doc_number_in(trailer),
    )


def table_metadata(fields: Mapping[str, str]) -> Metadata:
    """Metadata from the values of a page's metadata table, as written (title, issuer, date, doc_number).

    Values come out in the view's form, the date as ISO; a date, number or issuer that does not read
    as one (无, 暂无 …) is left out.
    """
    view = {name: simplified_view(value).strip() for name, value in fields.items() if value and value.strip()}
    date = _hint_date(view.get("date"))
    number = _DOC_NUMBER_LINE.fullmatch(view.get("doc_number", ""))
    return Metadata(
        title=view.get("title"),
        issuer=_organisation(view.get("issuer")),
        date=date,
        year=int(date[:4]) if date else None,
        doc_number=number["number"] if number else None,
    )


def prefer(preferred: Metadata, found: Metadata) -> Metadata:
    """`preferred`'s values, and `found`'s where `preferred` has none (the year follows the date in both)."""
    return Metadata(**{name: getattr(preferred, name) or getattr(found, name) for name in FIELDS})


def merge_metadata(found: Metadata, manual: Mapping[str, object]) -> tuple[Metadata, dict[str, str]]:
    """Manual values (from the manifest) over the ones found in the text, and where each value came from.

    Returns the merged metadata and `{field: "text" | "manifest"}` for every field that has a value.
    The year follows the merged date unless the manifest gives a year of its own.
    """
    values: dict[str, object] = {}
    sources: dict[str, str] = {}
    for name in (name for name in FIELDS if name != "year"):
        from_manifest = name in manual
        values[name] = manual[name] if from_manifest else getattr(found, name)
        if values[name] is not None:
            sources[name] = "manifest" if from_manifest else "text"
    if "year" in manual:
        values["year"] = manual["year"]
    else:
        values["year"] = int(str(values["date"])[:4]) if values["date"] else None
    if values["year"] is not None:
        sources["year"] = "manifest" if "year" in manual else sources["date"]
    return replace(found, **values), sources


def parse_chinese_date(text: str) -> str | None:
    """The first valid date written in Chinese in `text` as ISO YYYY-MM-DD: 二○一一年六月七日, 2016年10月31日."""
    for match in _DATE_ANYWHERE.finditer(text):
        date = _iso(match)
        if date:
            return date
    return None


def _iso(match: re.Match[str]) -> str | None:
    year = int("".join(str(_CN_DIGITS.get(c, c)) for c in match["y"]))
    try:
        return dt.date(year, _number(match["m"]), _number(match["d"])).isoformat()
    except ValueError:
        return None


def _number(text: str) -> int:
    """1–31 written in Arabic digits or Chinese numerals (七, 十, 十二, 二十, 三十一); 0 if malformed."""
    if text.isdigit():
        return int(text)
    if not _CN_NUMBER.fullmatch(text):
        return 0
    tens, ten, units = text.rpartition("十")
    if not ten:
        return _CN_DIGITS[units]
    return (_CN_DIGITS[tens] if tens else 1) * 10 + (_CN_DIGITS[units] if units else 0)


def _header(lines: list[str]) -> list[str]:
    header = []
    for line in lines[:HEADER_LINES]:
        if HEADING_MARKER.match(line):
            break
        header.append(line)
    return header


def _title(header: list[str]) -> tuple[int | None, str | None, str]:
    for index, line in enumerate(header):
        match = _TITLE.fullmatch(line)
        if match:
            return index, match["title"].strip(), match["trailer"] or ""
    return None, None, ""


def _signature_date(lines: list[str]) -> tuple[int | None, str | None]:
    for index, line in enumerate(lines):
        match = _DATE_LINE.fullmatch(line)
        date = _iso(match) if match else None
        if date:
            return index, date
    return None, None


def _hint_date(value: str | None) -> str | None:
    """A markup date as ISO: 2021-12-21, an e-mail style date (Tue, 21 Dec 2021 03:42:12 GMT) or a Chinese one."""
    if not value:
        return None
    for parse in (lambda v: dt.date.fromisoformat(v[:10]), lambda v: parsedate_to_datetime(v).date()):
        try:
            return parse(value).isoformat()
        except (TypeError, ValueError):
            continue
    return parse_chinese_date(simplified_view(value))


def _organisation(line: str | None) -> str | None:
    return line if line and _ORGANISATION.fullmatch(line) else None


def _organisation_under_title(header: list[str], title_index: int | None) -> str | None:
    if title_index is None or title_index + 1 >= len(header):
        return None
    match = _PARENTHESISED.fullmatch(header[title_index + 1])
    return _organisation(match["inner"].strip()) if match else None


def _title_opener(title: str | None) -> str | None:
    match = _TITLE_OPENER.match(title or "")
    if not match or _NOT_AN_ISSUER.search(match["issuer"]):
        return None
    return _organisation(match["issuer"])


def _doc_number(header: list[str]) -> str | None:
    for line in header:
        match = _DOC_NUMBER_LINE.fullmatch(line)
        if match:
            return match["number"]
    return None


def _doc_number_in(trailer: str) -> str | None:
    match = _DOC_NUMBER_ANYWHERE.search(trailer)
    return match.group() if match else None

"""The corpus manifest: loading, validation with file and line, and how its values reach Documents."""

from __future__ import annotations

from pathlib import Path

import pytest

from ingest.read.document import read_corpus, read_document
from ingest.read.manifest import load_corpus_manifest, load_manifest
from jig.core.errors import DataFileError

_GOOD = """\
documents:
  notice.txt:
    title: {value: 手工标题, source: manual, note: 示例}
    date: {value: 2016-10-31, source: text}
    doc_number: {value: null, source: text}
  undated.md:
    year: {value: 2014, source: manual}
"""


def _manifest(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "manifest.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_read_manifest_loads_values_sources_and_lines(tmp_path: Path) -> None:
    manifest = load_manifest(_manifest(tmp_path, _GOOD))
    notice = manifest.entry("notice.txt")
    assert notice is not None and notice.line == 2
    assert notice.manual() == {"title": "手工标题"}
    assert notice.from_text() == {"date": "2016-10-31", "doc_number": None}
    assert notice.values["title"].note == "示例"
    assert notice.values["date"].line == 4
    assert manifest.entry("undated.md").manual() == {"year": 2014}
    assert manifest.entry("other.txt") is None


@pytest.mark.parametrize(
    ("text", "line", "problem"),
    [
        ("documents:\n  a.txt: {title: [unclosed\n", 3, "not valid YAML"),
        ("- a.txt\n", None, "expected a mapping with a 'documents' mapping at the top"),
        ("documents:\n  a.txt: just a title\n", 2, "a document entry must be a mapping of fields"),
        ("documents:\n  a.txt:\n    author: {value: x, source: manual}\n", 3, "unknown field"),
        ("documents:\n  a.txt:\n    title: 标题\n", 3, "title must be a mapping with 'value' and 'source'"),
        ("documents:\n  a.txt:\n    title: {value: 标题}\n", 3, "title must be a mapping with 'value' and 'source'"),
        ("documents:\n  a.txt:\n    title: {value: 标题, source: guess}\n", 3, "source of title must be"),
        ("documents:\n  a.txt:\n    title: {value: 标题, source: text, by: me}\n", 3, "unknown key in title"),
        ("documents:\n  a.txt:\n    date: {value: 2016-13-01, source: manual}\n", 3, "date must be an ISO date"),
        ("documents:\n  a.txt:\n    date: {value: 2016年10月, source: manual}\n", 3, "date must be an ISO date"),
        ("documents:\n  a.txt:\n    year: {value: '2014', source: manual}\n", 3, "year must be a whole number"),
        ("documents:\n  a.txt:\n    title: {value: '  ', source: manual}\n", 3, "title must be a non-empty string"),
        ("documents:\n  a.txt:\n    date: {value: 2016-10-31, source: text}\n    year: {value: 2015, source: manual}\n",
         4, "year does not match the date"),
        ("documents:\n  a.txt:\n    title: {value: 甲, source: manual}\n    title: {value: 乙, source: manual}\n",
         4, "duplicate key 'title'"),
    ],
)
def test_read_manifest_malformed_raises_with_file_and_line(
    tmp_path: Path, text: str, line: int | None, problem: str
) -> None:
    path = _manifest(tmp_path, text)
    with pytest.raises(DataFileError) as caught:
        load_manifest(path)
    assert caught.value.path == str(path)
    assert caught.value.line == line
    assert problem in caught.value.problem


def test_read_manifest_entry_for_a_missing_file_names_file_and_line(tmp_path: Path) -> None:
    (tmp_path / "notice.txt").write_text("正文。", encoding="utf-8")
    _manifest(tmp_path, _GOOD)
    with pytest.raises(DataFileError) as caught:
        read_corpus(tmp_path)
    assert (caught.value.line, caught.value.text) == (6, "undated.md")
    problem = "entry for a file that is not in the corpus (found: 'undated.md')"
    assert str(caught.value) == f"{tmp_path / 'manifest.yaml'}:6: {problem}"


def test_read_manifest_manual_values_fill_gaps_and_override(tmp_path: Path) -> None:
    notice_text = "吉林省科技发展规划\n正文。\n吉林省科学技术厅\n2016年10月31日\n"
    (tmp_path / "notice.txt").write_text(notice_text, encoding="utf-8")
    (tmp_path / "undated.md").write_text("一、总体要求\n正文。\n", encoding="utf-8")
    _manifest(tmp_path, _GOOD)
    notice, undated = read_corpus(tmp_path)
    assert (notice.title, notice.issuer, notice.date) == ("手工标题", "吉林省科学技术厅", "2016-10-31")
    assert notice.year == 2016
    assert notice.metadata_source == {"title": "manifest", "issuer": "text", "date": "text", "year": "text"}
    assert (undated.title, undated.date, undated.year) == (None, None, 2014)
    assert undated.metadata_source == {"year": "manifest"}


def test_read_document_without_manifest_uses_the_text_only(tmp_path: Path) -> None:
    path = tmp_path / "notice.txt"
    path.write_text("吉林省科技发展规划\n正文。\n", encoding="utf-8")
    _manifest(tmp_path, _GOOD)
    assert read_document(path).title == "吉林省科技发展规划"
    assert read_document(path, load_manifest(tmp_path / "manifest.yaml")).title == "手工标题"


def test_read_manifest_of_a_corpus_directory_is_optional(tmp_path: Path) -> None:
    assert load_corpus_manifest(tmp_path) is None
    _manifest(tmp_path, _GOOD)
    assert sorted(load_corpus_manifest(tmp_path).entries) == ["notice.txt", "undated.md"]

"""Bad inputs to `python -m ingest build`, on real files through the real CLI, after a good build.

A refused input gives exit code 1 and one plain line naming the file (or folder) and the problem, no
traceback, and leaves the previous graph, store and cache byte-identical with nothing half-written
beside them. The inputs that are not errors (GBK, UTF-16, a file cut short, odd file names, a long
line without sentence marks) are read as they should be.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from pathlib import Path

import pytest

from ingest.read.document import read_document
from jig.core.paths import CORPUS_DIR
from tests.ingest.bad_inputs import READ, TEXT, Case, assert_accepted, assert_refused, copy_case
from tests.ingest.conftest import SMALL_CORPUS, copy_corpus

KEPT = SMALL_CORPUS[1]  # a document of the good corpus (its manifest has an entry for it)
_NOT_UTF8 = ("cannot decode the file as text (tried utf-8, gb18030, big5hkscs; its first byte that is not "
             "UTF-8 is on line 2): save it as UTF-8")
_TWICE = f"the same text as {KEPT}: the document is there twice; remove one of the two files"
_SCRIPTS = "<script>var name = '吉林大学';</script><style>p { color: red }</style>"


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Two documents of the bundled corpus with their manifest entries, built by the CLI once."""
    folder = tmp_path_factory.mktemp("template")
    case = Case(folder, copy_corpus(folder / "corpus", SMALL_CORPUS[1:]), folder / "build")
    first = case.build()
    assert first.returncode == 0, first.output
    return folder


@pytest.fixture
def case(template: Path, tmp_path: Path) -> Case:
    return copy_case(template, tmp_path)


def _manifest(text: str | bytes, line: int | None = None) -> Callable[[Case], Path]:
    """Writing `text` as the corpus's manifest; what the error names: the manifest (and the line)."""

    def make(case: Case) -> Path:
        path = case.write("manifest.yaml", text)
        return Path(f"{path}:{line}") if line else path

    return make


def _entry(field: str) -> str:
    return f"documents:\n  {KEPT}:\n    {field}\n"


#: Each: what to put into the corpus (returning the path the error names) and the problem it reports.
REFUSED: dict[str, tuple[Callable[[Case], Path], str]] = {
    "empty": (lambda c: c.write("empty.txt", b""), "the file is empty"),
    "binary with NUL bytes": (lambda c: c.write("image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 30),
                              "binary file (it contains NUL bytes), not text"),
    "binary control characters": (lambda c: c.write("controls.txt", bytes(range(1, 9)) * 40),
                                  "binary file (mostly control characters), not text"),
    "a bad byte in UTF-8": (lambda c: c.write("bad.txt", TEXT.encode()[:50] + b"\xff" + TEXT.encode()[50:]), _NOT_UTF8),
    "only scripts and styles": (lambda c: c.write("scripts.html", f"<html><head>{_SCRIPTS}</head><body>{_SCRIPTS * 50}"
                                                                  "</body></html>"),
                                "no text left after removing markup and site boilerplate"),
    "no words": (lambda c: c.write("figures.txt", "。。。！！！\n——————\n１２３４ 5678 ……\n"),
                 "the text has no words (only digits, punctuation or symbols): check that it is the right file"),
    "a duplicate under another name": (lambda c: c.write(f"copy of {KEPT}", (c.corpus / KEPT).read_bytes()), _TWICE),
    "a duplicate in another encoding": (
        lambda c: c.write("z_copy.txt", (c.corpus / KEPT).read_text("utf-8").encode("gb18030")), _TWICE),
    "a bracketed name": (lambda c: c.write("notice [draft].txt", b""), "the file is empty"),
    "a folder named x.txt": (lambda c: (c.corpus / "x.txt").mkdir() or c.corpus / "x.txt",
                             "this is a folder, not a document: rename it or move it out of the corpus folder "
                             "(the folders of a corpus are not read)"),
    "a symbolic link loop": (lambda c: os.symlink("loop.txt", c.corpus / "loop.txt") or c.corpus / "loop.txt",
                             "the file is a symbolic link that loops (it leads back to itself)"),
    "a broken symbolic link": (lambda c: os.symlink("gone.txt", c.corpus / "link.txt") or c.corpus / "link.txt",
                               "the file is a symbolic link to gone.txt, which does not exist"),
    "manifest: a YAML error": (_manifest("documents:\n  a.txt: [\n    b: c\n", 4),
                               "not valid YAML in the manifest: did not find expected ',' or ']'"),
    "manifest: an entry for a missing file": (
        _manifest("documents:\n  absent.txt:\n    year: {value: 2020, source: manual}\n", 2),
        "entry for a file that is not in the corpus (found: 'absent.txt')"),
    "manifest: a word for a year": (_manifest(_entry("year: {value: twenty, source: manual}"), 3),
                                    "year must be a whole number between 1900 and 2100 (found: 'twenty')"),
    "manifest: markup for a year": (_manifest(_entry('year: {value: "[/b]", source: manual}'), 3),
                                    "year must be a whole number between 1900 and 2100 (found: '[/b]')"),
    "manifest: a value no type reads": (_manifest(_entry("title: {value: !!bool x, source: manual}"), 3),
                                        "not valid YAML in the manifest: cannot read this value as bool"),
    "manifest: a bare value": (_manifest(_entry("title: 通知"), 3),
                               "title must be a mapping with 'value' and 'source' (found: '通知')"),
    "manifest: a list": (_manifest("- a.txt\n- b.txt\n"), "expected a mapping with a 'documents' mapping at the top"),
    "manifest: GBK": (_manifest(_entry("title: {value: 吉林省, source: manual}").encode("gbk"), 3),
                      "the manifest is not UTF-8 text: save it as UTF-8"),
}


@pytest.mark.parametrize("name", REFUSED)
def test_bad_input_is_refused_in_one_line_and_changes_nothing(case: Case, name: str) -> None:
    make, problem = REFUSED[name]
    path = make(case)
    assert_refused(case.build(), path, problem)


def test_bad_input_a_manifest_that_is_a_folder(case: Case) -> None:
    (case.corpus / "manifest.yaml").unlink()
    (case.corpus / "manifest.yaml").mkdir()
    assert_refused(case.build(), case.corpus / "manifest.yaml", "cannot read the manifest (Is a directory)")


def test_bad_input_two_files_of_one_id(case: Case) -> None:
    case.write("notice.txt", TEXT)
    case.write("notice.html", f"<p>{TEXT}</p>")
    assert_refused(case.build(), case.corpus, "two documents have the id 'notice': notice.html and notice.txt")


@pytest.mark.parametrize(
    ("make", "problem"),
    [
        (lambda c: c.root / "nowhere", "the corpus directory does not exist"),
        (lambda c: (c.root / "empty").mkdir() or c.root / "empty",
         "no documents (*.txt, *.html, *.htm, *.md, *.pdf, *.docx) in the directory"),
        (lambda c: c.corpus / KEPT, "this is a file, not a folder: give the folder that holds the documents"),
        (lambda c: os.symlink(c.root / "round", c.root / "round") or c.root / "round",
         "the corpus directory is a symbolic link that loops (it leads back to itself)"),
    ],
    ids=["missing", "empty", "a file", "a symbolic link loop"],
)
def test_bad_input_corpus_folder(case: Case, make: Callable[[Case], Path], problem: str) -> None:
    folder = make(case)
    assert_refused(case.build(folder), folder, problem)


def test_bad_input_twenty_megabytes_on_one_line_is_refused_for_its_size(case: Case) -> None:
    line = "吉林大学牵头建设汽车产业创新中心。" * 400_000  # 20.4 MB of UTF-8, no line break
    case.write("one_line.txt", line)
    assert_refused(case.build(), case.corpus / "one_line.txt",
                   f"the text is too long for one document ({len(line):,} characters, at most 2,000,000): "
                   "split it into its documents, or check that it is the right file")


def test_bad_input_encodings_are_read_as_text(case: Case) -> None:
    texts = {f"{name}.txt": TEXT.replace("通知", f"通知（{name}）") for name in ("gbk", "utf16", "utf16le", "utf16be", "cut")}
    case.write("gbk.txt", texts["gbk.txt"].encode("gbk"))
    case.write("utf16.txt", texts["utf16.txt"].encode("utf-16"))
    case.write("utf16le.txt", texts["utf16le.txt"].encode("utf-16-le"))
    case.write("utf16be.txt", texts["utf16be.txt"].encode("utf-16-be"))
    cut = case.write("cut.txt", texts["cut.txt"].encode() + "中".encode()[:2])
    run = case.build()
    assert_accepted(run, f"WARNING ingest.read.encoding: {cut}: the file ends in the middle of a character "
                         "(was it cut short?): that character is left out")
    documents = case.documents()
    for name, text in texts.items():
        assert documents[name] == text.strip()


def test_bad_input_odd_file_names_just_work(case: Case) -> None:
    names = ["a notice with spaces.txt", "吉林省科技厅通知.txt", "-notice.txt", "notice [draft].md", "长" * 80 + ".txt"]
    for number, name in enumerate(names):
        case.write(name, TEXT.replace("通知", f"第{number}号通知"))
    run = case.build()
    assert_accepted(run)
    assert set(names) <= set(case.documents())


def test_bad_input_html_full_of_scripts_and_styles_keeps_the_text_only(case: Case) -> None:
    body = f"{_SCRIPTS * 200}<p>吉林大学牵头建设汽车产业创新中心。</p>{_SCRIPTS * 200}"
    case.write("page.html", f"<html><head>{_SCRIPTS}<title>通知</title></head><body>{body}</body></html>")
    case.write("page_as_text.txt", f"<html><body><div>{body}</div><p>统一部署。</p></body></html>")
    assert_accepted(case.build())
    documents = case.documents()
    assert documents["page.html"] == "吉林大学牵头建设汽车产业创新中心。"
    assert documents["page_as_text.txt"].replace("\n", "") == "吉林大学牵头建设汽车产业创新中心。统一部署。"


def test_bad_input_front_matter_with_an_impossible_date_stays_text(case: Case) -> None:
    case.write("dated.md", "---\ndate: 2020-13-45\n---\n" + TEXT)
    assert_accepted(case.build())
    assert case.documents()["dated.md"].endswith(READ)


def test_bad_input_a_long_line_without_sentence_marks_builds(case: Case) -> None:
    texts = (read_document(path).text for path in sorted(CORPUS_DIR.glob("0[0-2]*.txt")))
    words = re.sub(r"[。！？；!?;，,、：:\s]", "", "".join(texts))
    case.write("run_on.txt", (words * 10)[:350_000])  # 1 MB of UTF-8: was 380 s of extraction, now seconds
    assert_accepted(case.build())
    assert len(case.documents()["run_on.txt"]) == 350_000


def test_bad_input_a_folder_named_like_a_file_is_a_corpus(case: Case) -> None:
    folder = case.root / "x.txt"
    case.corpus.rename(folder)
    assert_accepted(case.build(folder))

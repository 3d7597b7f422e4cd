"""Bad inputs to `python -m ingest add` (a bad file added to a good build), and to a build whose files
are read by worker processes: the same one line, exit code 1 and untouched build as a plain build."""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.ingest.bad_inputs import READ, TEXT, Case, assert_accepted, assert_refused, copy_case
from tests.ingest.conftest import SMALL_CORPUS, copy_corpus

KEPT = SMALL_CORPUS[1]


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Four documents (two of the bundled corpus, two short notices) built by the CLI once."""
    folder = tmp_path_factory.mktemp("template")
    corpus = copy_corpus(folder / "corpus", SMALL_CORPUS[1:])
    case = Case(folder, corpus, folder / "build")
    for number in (1, 2):
        case.write(f"notice_{number}.txt", TEXT.replace("通知", f"第{number}号通知"))
    first = case.build()
    assert first.returncode == 0, first.output
    return folder


@pytest.fixture
def case(template: Path, tmp_path: Path) -> Case:
    return copy_case(template, tmp_path)


def _incoming(case: Case) -> Path:
    return case.root / "incoming"


ADD_REFUSED: dict[str, tuple[Callable[[Case], Path], str]] = {
    "empty": (lambda c: c.write("empty.txt", b"", _incoming(c)), "the file is empty"),
    "binary": (lambda c: c.write("image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 30, _incoming(c)),
               "binary file (it contains NUL bytes), not text"),
    "missing": (lambda c: _incoming(c) / "absent.txt", "the file does not exist"),
    "a folder": (lambda c: c.write("x.txt/inner.txt", TEXT, _incoming(c)).parent, "this is a directory, not a file"),
    "a symbolic link loop": (lambda c: os.symlink("loop.txt", c.root / "loop.txt") or c.root / "loop.txt",
                             "the file is a symbolic link that loops (it leads back to itself)"),
    "a broken symbolic link": (lambda c: os.symlink("gone.txt", c.root / "link.txt") or c.root / "link.txt",
                               "the file is a symbolic link to gone.txt, which does not exist"),
    "no words": (lambda c: c.write("figures.txt", "１２３４\n5678。\n", _incoming(c)),
                 "the text has no words (only digits, punctuation or symbols): check that it is the right file"),
}


@pytest.mark.parametrize("name", ADD_REFUSED)
def test_bad_input_add_is_refused_in_one_line_and_changes_nothing(case: Case, name: str) -> None:
    make, problem = ADD_REFUSED[name]
    path = make(case)
    assert_refused(case.add(path), path, problem)


def test_bad_input_add_with_a_malformed_manifest_beside_the_file(case: Case) -> None:
    path = case.write("notice.txt", TEXT, _incoming(case))
    manifest = case.write("manifest.yaml", "documents:\n  notice.txt: [\n", _incoming(case))
    run = case.add(path)
    assert_refused(run, f"{manifest}:3", "not valid YAML in the manifest: did not find expected node content")


def test_bad_input_add_utf16_and_odd_names(case: Case) -> None:
    names = {"-dash.txt": "第一号", "notice [draft].txt": "第二号", "吉林 通知.txt": "第三号"}
    incoming = _incoming(case)
    for name, number in names.items():
        case.write(name, TEXT.replace("通知", f"{number}通知").encode("utf-16-le"), incoming)
    run = case.add("--", *names, cwd=incoming)  # `--`: a name starting with "-" is not an option
    assert_accepted(run)
    assert f"added: {', '.join(sorted(names))}" in run.stdout
    documents = case.documents()
    for name, number in names.items():
        assert documents[name] == READ.replace("通知", f"{number}通知")


def test_bad_input_add_a_name_starting_with_a_dash_needs_two_dashes_or_a_path(case: Case) -> None:
    incoming = _incoming(case)
    case.write("-dash.txt", TEXT, incoming)
    usage = case.add("-dash.txt", cwd=incoming)
    assert usage.returncode == 2 and "No such option" in usage.stderr and "Traceback" not in usage.output
    assert usage.after == usage.before
    assert_accepted(case.add("./-dash.txt", cwd=incoming))


def test_bad_input_add_a_duplicate_under_another_name(case: Case) -> None:
    copy = case.write("copy.txt", (case.corpus / KEPT).read_bytes(), _incoming(case))
    assert_refused(case.add(copy), copy, f"the same text as {KEPT}: the document is there twice; "
                                         "remove one of the two files")


#: Bad files of a corpus read by two worker processes (four documents or more).
PARALLEL_REFUSED: dict[str, object] = {
    "empty": (lambda c: c.write("empty.txt", b""), "the file is empty"),
    "no words": (lambda c: c.write("figures.txt", "１２３４\n"),
                 "the text has no words (only digits, punctuation or symbols): check that it is the right file"),
    "a symbolic link loop": (lambda c: os.symlink("loop.txt", c.corpus / "loop.txt") or c.corpus / "loop.txt",
                             "the file is a symbolic link that loops (it leads back to itself)"),
    "a duplicate": (lambda c: Path(shutil.copy(c.corpus / KEPT, c.corpus / "z_copy.txt")),
                    f"the same text as {KEPT}: the document is there twice; remove one of the two files"),
}


@pytest.mark.parametrize(("make", "problem"), PARALLEL_REFUSED.values(), ids=PARALLEL_REFUSED)
def test_bad_input_read_by_workers_is_refused_the_same_way(case: Case, make: Callable[[Case], Path],
                                                           problem: str) -> None:
    path = make(case)
    assert_refused(case.build(None, "--jobs", "2"), path, problem)


def test_bad_input_read_by_workers_utf16_without_a_mark(case: Case) -> None:
    case.write("utf16.txt", TEXT.replace("通知", "通告").encode("utf-16-be"))
    assert_accepted(case.build(None, "--jobs", "2"))
    assert case.documents()["utf16.txt"] == READ.replace("通知", "通告")

"""`ingest add`: documents join the current build (the others from the cache), the graph is the one a
full build of the combined corpus gives, and a file that cannot be read changes nothing."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from ingest.build import DOCUMENTS_FILE, add, build, built_documents
from jig.core.errors import DataFileError, DocumentReadError, GraphNotBuiltError
from queries.embedded import EmbeddedStore
from tests.conftest import ROOT
from tests.ingest.conftest import NEW_FILE, NEW_INSTITUTION, NEW_TEXT, SMALL_CORPUS, copy_corpus


def _institution_docs(build_dir: Path, name: str) -> list[list[str]]:
    with EmbeddedStore.open(build_dir) as store:
        result = store.query("MATCH (e:Institution) WHERE e.name = $name RETURN e.docs AS docs", {"name": name})
    return [row["docs"] for row in result.rows]


def _files(folder: Path) -> dict[Path, bytes]:
    return {p.relative_to(folder): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


def _run_cli(*args: str) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "ingest", *args]
    return subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=300)


@pytest.fixture(scope="module")
def base_build(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The three documents of SMALL_CORPUS built once; tests copy it before changing it."""
    folder = tmp_path_factory.mktemp("base")
    build(copy_corpus(folder / "corpus"), folder / "build")
    return folder / "build"


@pytest.fixture
def out(base_build: Path, tmp_path: Path) -> Path:
    """A copy of the base build to add to."""
    return Path(shutil.copytree(base_build, tmp_path / "build", symlinks=True))


def test_add_a_new_document_puts_its_entities_in_the_store(out: Path, new_document: Path) -> None:
    assert _institution_docs(out, NEW_INSTITUTION) == []
    report = add([new_document], out)
    assert (report.documents, report.extracted, report.cached) == (4, 1, 3)
    assert report.added == (NEW_FILE,) and report.replaced == ()
    assert _institution_docs(out, NEW_INSTITUTION) == [[Path(NEW_FILE).stem]]
    assert [d.file for d in built_documents(out)] == sorted([*SMALL_CORPUS, NEW_FILE])


def test_add_gives_the_graph_of_a_full_build(out: Path, new_document: Path, tmp_path: Path) -> None:
    add([new_document], out)
    combined = copy_corpus(tmp_path / "combined")
    shutil.copy(new_document, combined / NEW_FILE)
    build(combined, tmp_path / "full", cache=False)
    assert (out / "graph.jsonl").read_bytes() == (tmp_path / "full" / "graph.jsonl").read_bytes()


def test_add_a_document_of_the_same_id_replaces_it(out: Path, tmp_path: Path) -> None:
    replacement = tmp_path / "revised" / SMALL_CORPUS[0]
    replacement.parent.mkdir()
    replacement.write_text(NEW_TEXT, encoding="utf-8")
    report = add([replacement], out)
    assert report.documents == 3 and report.replaced == (SMALL_CORPUS[0],) and report.added == ()
    assert _institution_docs(out, NEW_INSTITUTION) == [[replacement.stem]]
    (document,) = (d for d in built_documents(out) if d.id == replacement.stem)
    assert NEW_INSTITUTION in document.text and document.title == NEW_TEXT.splitlines()[0]


def test_add_two_files_of_one_id_is_refused(out: Path, new_document: Path, tmp_path: Path) -> None:
    other = tmp_path / "other" / NEW_FILE
    other.parent.mkdir()
    other.write_text(NEW_TEXT, encoding="utf-8")
    before = _files(out)
    with pytest.raises(DocumentReadError, match="two files have the document id"):
        add([new_document, other], out)
    assert _files(out) == before


def test_add_without_a_build_says_to_build_first(tmp_path: Path, new_document: Path) -> None:
    with pytest.raises(GraphNotBuiltError, match=r"no build in .*python -m ingest build"):
        add([new_document], tmp_path / "nothing")


def test_add_an_unreadable_build_record_is_a_plain_error(out: Path, new_document: Path) -> None:
    (out / DOCUMENTS_FILE).write_text("{not json", encoding="utf-8")
    with pytest.raises(DataFileError, match=r"unreadable.*`python -m ingest build` again"):
        add([new_document], out)


def test_add_cli_reports_what_came_from_the_cache(out: Path, new_document: Path) -> None:
    result = _run_cli("add", str(new_document), "--out", str(out))
    assert result.returncode == 0, result.stderr
    assert "1 extracted, 3 from the cache" in result.stdout
    assert f"added: {NEW_FILE}" in result.stdout


@pytest.mark.parametrize(
    ("content", "problem"),
    [(b"\x00\x01\x02PK\x03\x04" * 50, "binary"), (None, "does not exist")],
)
def test_add_cli_bad_file_fails_cleanly_and_keeps_the_build(
    out: Path, tmp_path: Path, content: bytes | None, problem: str,
) -> None:
    bad = tmp_path / "bad.txt"
    if content is not None:
        bad.write_bytes(content)
    before = _files(out)
    result = _run_cli("add", str(bad), "--out", str(out))
    assert result.returncode == 1
    assert "bad.txt" in result.stderr and problem in result.stderr
    assert "Traceback" not in result.stderr and len(result.stderr.strip().splitlines()) == 1
    assert _files(out) == before

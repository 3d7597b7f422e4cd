"""Metadata of the five bundled documents, and the manifest's agreement with what the reader finds."""

from __future__ import annotations

from pathlib import Path

import pytest

from ingest.read.document import DOCUMENT_SUFFIXES, read_corpus, read_document
from ingest.read.manifest import MANIFEST_NAME, Manifest, load_manifest
from jig.core.records import Document

# What is known about each bundled document (/work/shared/corpus/README.md): title, issuer, date, year.
KNOWN = {
    "000_f999817a0b652a22.txt": ("创新型吉林建设科技行动计划", "吉林省人民政府", "2011-06-07", 2011),
    "001_49b82304a1133bd7.txt": (
        "省委省政府关于创新型省份建设的意见", "中共吉林省委、吉林省人民政府", "2021-12-20", 2021,
    ),
    "002_bdafd33da79e8432.txt": (
        "关于建立健全技术创新市场导向机制加快科技成果产业化的实施意见", "吉林省人民政府", None, 2014,
    ),
    "003_cfe322f93ce14a7f.txt": ("吉林省促进科技成果转移转化实施方案", "吉林省人民政府办公厅", "2016-10-31", 2016),
    "004_d5ef4daaa3968a2a.txt": ("关于加强自主创新能力建设的实施意见", "吉林省人民政府办公厅", "2014-01-22", 2014),
}

# What the reader finds in the text alone, where that differs from or falls short of what is known.
FROM_TEXT_ONLY = {
    "000_f999817a0b652a22.txt": {"issuer": "省科技厅", "doc_number": None},  # 吉发〔2010〕19号 is cited, not its own
    "001_49b82304a1133bd7.txt": {"issuer": "省委省政府"},
    "002_bdafd33da79e8432.txt": {"title": None, "issuer": None, "date": None, "year": None},
    "004_d5ef4daaa3968a2a.txt": {"title": None},
}


@pytest.fixture(scope="module")
def manifest(corpus_dir: Path) -> Manifest:
    return load_manifest(corpus_dir / MANIFEST_NAME)


@pytest.fixture(scope="module")
def documents(corpus_dir: Path) -> dict[str, Document]:
    return {d.file: d for d in read_corpus(corpus_dir)}


@pytest.mark.parametrize("file", sorted(KNOWN))
def test_metadata_of_the_bundled_documents(documents: dict[str, Document], file: str) -> None:
    document = documents[file]
    assert (document.title, document.issuer, document.date, document.year) == KNOWN[file]
    assert document.doc_number is None


@pytest.mark.parametrize(("file", "values"), sorted(FROM_TEXT_ONLY.items()))
def test_metadata_of_the_bundled_documents_from_text_alone(corpus_dir: Path, file: str, values: dict) -> None:
    document = read_document(corpus_dir / file)
    assert {name: getattr(document, name) for name in values} == values


def test_metadata_manifest_text_entries_are_what_the_reader_finds(corpus_dir: Path, manifest: Manifest) -> None:
    for file, entry in manifest.entries.items():
        document = read_document(corpus_dir / file)  # text only, no manifest
        assert {name: getattr(document, name) for name in entry.from_text()} == entry.from_text(), file


def test_metadata_manifest_describes_every_bundled_document(corpus_dir: Path, manifest: Manifest) -> None:
    assert sorted(manifest.entries) == sorted(p.name for p in corpus_dir.iterdir() if p.suffix in DOCUMENT_SUFFIXES)
    for entry in manifest.entries.values():
        assert {"title", "issuer", "date", "doc_number"} <= set(entry.values), entry.file


@pytest.mark.parametrize(
    ("file", "manifest_fields"),
    [
        ("000_f999817a0b652a22.txt", {"issuer"}),
        ("001_49b82304a1133bd7.txt", {"issuer"}),
        ("002_bdafd33da79e8432.txt", {"title", "issuer", "year"}),
        ("003_cfe322f93ce14a7f.txt", set()),
        ("004_d5ef4daaa3968a2a.txt", {"title"}),
    ],
)
def test_metadata_sources_say_text_or_manifest(
    documents: dict[str, Document], file: str, manifest_fields: set[str]
) -> None:
    document = documents[file]
    values = {name: getattr(document, name) for name in ("title", "issuer", "date", "year", "doc_number")}
    expected = {
        name: "manifest" if name in manifest_fields else "text" for name, value in values.items() if value is not None
    }
    assert document.metadata_source == expected

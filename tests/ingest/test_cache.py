"""The per-document analysis cache: unchanged documents are not analysed again, anything changed is,
a broken entry is a miss, and a graph built from the cache is byte-identical to one built without it."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

import ingest.build
from ingest.build import build
from ingest.cache import CACHE_DIR, AnalysisCache, extractor_fingerprint, stage_files
from ingest.extract.tagger import MODEL_PATH
from ingest.pipeline import analyse_document
from ingest.read.document import read_corpus
from jig.core.paths import ONTOLOGY_DATA, PROJECT_ROOT
from tests.ingest.conftest import SMALL_CORPUS, copy_corpus


@pytest.fixture
def analysed(monkeypatch: pytest.MonkeyPatch) -> Counter[str]:
    """The ids of the documents the build analyses afresh (the real `analyse_document`, counted)."""
    calls: Counter[str] = Counter()

    def counted(document, *args, **kwargs):
        calls[document.id] += 1
        return analyse_document(document, *args, **kwargs)

    monkeypatch.setattr(ingest.build, "analyse_document", counted)
    return calls


def _entries(build_dir: Path) -> list[Path]:
    return sorted((build_dir / CACHE_DIR).glob("*.pickle"))


def test_cache_unchanged_documents_are_not_analysed_again(
    small_corpus: Path, tmp_path: Path, analysed: Counter[str],
) -> None:
    out = tmp_path / "build"
    first = build(small_corpus, out)
    assert (first.extracted, first.cached) == (3, 0)
    assert len(_entries(out)) == 3
    analysed.clear()
    second = build(small_corpus, out)
    assert (second.extracted, second.cached) == (0, 3)
    assert analysed == Counter()


def test_cache_a_changed_document_is_analysed_again(
    small_corpus: Path, tmp_path: Path, analysed: Counter[str],
) -> None:
    out = tmp_path / "build"
    build(small_corpus, out)
    changed = small_corpus / SMALL_CORPUS[0]
    changed.write_text(changed.read_text(encoding="utf-8") + "\n支持吉林大学建设重点实验室。\n", encoding="utf-8")
    analysed.clear()
    report = build(small_corpus, out)
    assert (report.extracted, report.cached) == (1, 2)
    assert analysed == Counter({Path(SMALL_CORPUS[0]).stem: 1})
    assert len(_entries(out)) == 3  # the entry of the old text is pruned


@pytest.mark.parametrize("damage", [b"", b"not a pickle at all", "truncate"])
def test_cache_a_broken_entry_is_recomputed(small_corpus: Path, tmp_path: Path, damage: bytes | str) -> None:
    out = tmp_path / "build"
    build(small_corpus, out)
    graph = (out / "graph.jsonl").read_bytes()
    entry = _entries(out)[0]
    data = entry.read_bytes()
    entry.write_bytes(data[: len(data) // 2] if damage == "truncate" else damage)
    report = build(small_corpus, out)
    assert (report.extracted, report.cached) == (1, 2)
    assert (out / "graph.jsonl").read_bytes() == graph
    assert entry.read_bytes() == data  # written again, whole


def test_cache_an_entry_of_another_document_is_a_miss(small_corpus: Path, tmp_path: Path) -> None:
    first, second = read_corpus(small_corpus)[:2]
    cache = AnalysisCache(tmp_path / "cache")
    cache.put(analyse_document(second))
    (tmp_path / "cache" / f"{cache.key(second)}.pickle").rename(tmp_path / "cache" / f"{cache.key(first)}.pickle")
    assert cache.get(first) is None


def test_cache_a_hit_gives_the_same_analysis(small_corpus: Path, tmp_path: Path) -> None:
    document = read_corpus(small_corpus)[0]
    fresh = analyse_document(document)
    cache = AnalysisCache(tmp_path / "cache")
    assert cache.get(document) is None
    cache.put(fresh)
    hit = cache.get(document)
    assert hit == fresh
    assert [list(s.tokens) for s in hit.sentences] == [list(s.tokens) for s in fresh.sentences]


def test_cache_fingerprint_or_learned_change_is_a_miss(small_corpus: Path, tmp_path: Path) -> None:
    document = read_corpus(small_corpus)[0]
    AnalysisCache(tmp_path, fingerprint="a").put(analyse_document(document))
    assert AnalysisCache(tmp_path, fingerprint="a").get(document) is not None
    assert AnalysisCache(tmp_path, fingerprint="b").get(document) is None
    assert AnalysisCache(tmp_path, fingerprint="a", learned=False).get(document) is None


def test_cache_fingerprint_follows_every_byte_of_the_stage_files(tmp_path: Path) -> None:
    data = tmp_path / "cues.yaml"
    data.write_text("a: 1\n", encoding="utf-8")
    before = extractor_fingerprint([data])
    assert extractor_fingerprint([data]) == before
    data.write_text("a: 2\n", encoding="utf-8")
    assert extractor_fingerprint([data]) != before
    data.unlink()
    assert extractor_fingerprint([data]) != before


def test_cache_fingerprint_covers_code_data_and_model() -> None:
    files = set(stage_files())
    for expected in (
        PROJECT_ROOT / "ingest" / "pipeline.py",
        PROJECT_ROOT / "ingest" / "segment" / "sentences.py",
        PROJECT_ROOT / "ingest" / "extract" / "mentions.py",
        PROJECT_ROOT / "ingest" / "lexicon" / "gazetteer.py",
        PROJECT_ROOT / "jig" / "core" / "records.py",
        ONTOLOGY_DATA / "gazetteer.yaml",
        ONTOLOGY_DATA / "industries.yaml",
        ONTOLOGY_DATA / "cues.yaml",
        MODEL_PATH,
    ):
        assert expected in files
    assert ONTOLOGY_DATA / "instruments.yaml" not in files  # read by a corpus-wide stage: no re-extraction


def test_cache_graph_from_the_cache_is_byte_identical(small_corpus: Path, tmp_path: Path) -> None:
    without = build(small_corpus, tmp_path / "plain", cache=False)
    assert (without.extracted, without.cached) == (3, 0)
    assert not (tmp_path / "plain" / CACHE_DIR).exists()
    build(small_corpus, tmp_path / "cached")
    again = build(small_corpus, tmp_path / "cached")
    assert again.cached == 3
    assert (tmp_path / "cached" / "graph.jsonl").read_bytes() == (tmp_path / "plain" / "graph.jsonl").read_bytes()


def test_cache_build_keeps_only_the_entries_of_its_corpus(small_corpus: Path, tmp_path: Path) -> None:
    out = tmp_path / "build"
    build(small_corpus, out)
    (out / CACHE_DIR / ".left-over.tmp").write_bytes(b"")
    report = build(copy_corpus(tmp_path / "smaller", SMALL_CORPUS[:2]), out)
    assert report.cached == 2
    assert len(list((out / CACHE_DIR).iterdir())) == 2

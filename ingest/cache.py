"""The per-document analysis cache: what `ingest.pipeline.analyse_document` found, kept by content hash.

An entry is `<build folder>/cache/<key>.pickle`. Its key is the sha256 of the document (every field of
the `Document` but its path: id, file name, text, view, metadata), of the *extractor fingerprint* and
of whether the learned tagger is on. The fingerprint hashes the bytes of every file the per-document
stage depends on (the modules of `jig/core`, `ingest/lexicon`, `ingest/segment`, `ingest/extract`,
`ingest/pipeline.py` and this module; the ontology data; the tagger model) and the versions of the
libraries it calls, so a changed document, code or data file is a miss: nothing is invalidated by hand.

An entry holds the document's mentions (pickled on their own, `mentions_bytes`, as a worker process of
the build sends them, so an entry's bytes do not depend on which process found them). Its sentences are cut again on a hit
(`ingest.pipeline.with_sentences`): that is a regular expression only (jieba tokens are cut when first
asked about), and a sentence's tokens hold the jieba tokenizer, which does not pickle. Entries are written atomically (a temporary file renamed into
place); one that cannot be read (missing, truncated, corrupt, of another format) is a miss. Pickle is
safe here only because the cache is the build's own folder: never copy entries in from elsewhere.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import pickle
import tempfile
from collections.abc import Collection, Iterable
from dataclasses import asdict
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

from ingest.extract.tagger import MODEL_PATH
from ingest.lexicon.cues import CUES_FILE
from ingest.lexicon.gazetteer import GAZETTEER_FILES, Gazetteer
from ingest.pipeline import DocumentAnalysis, with_sentences
from jig.core.paths import PROJECT_ROOT
from jig.core.records import Document, Mention

log = logging.getLogger(__name__)

#: The cache's folder under a build folder.
CACHE_DIR = "cache"
#: Folders whose Python modules the per-document stage runs.
SOURCE_DIRS = ("jig/core", "ingest/lexicon", "ingest/segment", "ingest/extract")
#: Single modules it runs: the stage itself and the layout of an entry.
SOURCE_FILES = ("ingest/pipeline.py", "ingest/cache.py")
#: Libraries whose code or bundled data (jieba's dictionary) shape its output.
LIBRARIES = ("jieba", "python-crfsuite", "pyahocorasick")
_SUFFIX = ".pickle"
_TEMPORARY = ".tmp"
_FORMAT = 2


def stage_files() -> list[Path]:
    """Every file the per-document stage reads: its modules, the gazetteer and cue lexicon, the tagger model."""
    files = {p for folder in SOURCE_DIRS for p in (PROJECT_ROOT / folder).rglob("*.py")}
    files |= {PROJECT_ROOT / name for name in SOURCE_FILES}
    files |= {*GAZETTEER_FILES, CUES_FILE}  # the curated data it reads (not that of the corpus-wide stages)
    files.add(MODEL_PATH)
    return sorted(files)


def extractor_fingerprint(files: Iterable[Path] | None = None) -> str:
    """The sha256 of `files` (default `stage_files()`: names and bytes; a missing file counts as such)
    and of the versions of `LIBRARIES`."""
    digest = hashlib.sha256()
    for name in LIBRARIES:
        try:
            digest.update(f"{name}=={version(name)}\n".encode())
        except PackageNotFoundError:
            digest.update(f"{name} missing\n".encode())
    for path in sorted(stage_files() if files is None else files):
        name = path.relative_to(PROJECT_ROOT) if path.is_relative_to(PROJECT_ROOT) else path
        try:
            content = hashlib.sha256(path.read_bytes()).hexdigest()
        except OSError:
            content = "missing"
        digest.update(f"{name.as_posix()} {content}\n".encode())
    return digest.hexdigest()


class AnalysisCache:
    """The analyses of documents under `directory`, for one extractor fingerprint and `learned` setting."""

    def __init__(self, directory: Path, *, learned: bool = True, fingerprint: str | None = None) -> None:
        self.directory = Path(directory)
        self.learned = learned
        self.fingerprint = extractor_fingerprint() if fingerprint is None else fingerprint

    def key(self, document: Document) -> str:
        """The entry key of a document: its content and metadata, the fingerprint and `learned`."""
        fields = {name: value for name, value in asdict(document).items() if name != "path"}
        payload = {"fingerprint": self.fingerprint, "learned": self.learned, "document": fields}
        return hashlib.sha256(json.dumps(payload, ensure_ascii=False, sort_keys=True).encode()).hexdigest()

    def get(self, document: Document, gazetteer: Gazetteer | None = None) -> DocumentAnalysis | None:
        """The cached analysis of `document`, or None when there is no readable entry for it."""
        key = self.key(document)
        path = self._path(key)
        try:
            with path.open("rb") as entry_file:
                entry = pickle.load(entry_file)
            mentions = _mentions(entry, key, document.id)
        except FileNotFoundError:
            return None
        except Exception as exc:  # truncated, corrupt or foreign bytes raise almost anything: a miss
            log.warning("cache entry %s is unreadable (%s): extracting %s again", path, exc, document.file)
            return None
        if mentions is None:
            log.warning("cache entry %s is not an analysis of %s: extracting it again", path, document.file)
            return None
        return with_sentences(document, mentions, gazetteer)

    def put(self, analysis: DocumentAnalysis, mentions_data: bytes | None = None) -> None:
        """Store an analysis atomically; a cache that cannot be written is only a warning.

        `mentions_data` is `mentions_bytes(analysis.mentions)` when it was already made (by a worker
        process): an entry's bytes are then the same whichever process found the mentions.
        """
        key = self.key(analysis.document)
        if mentions_data is None:
            mentions_data = mentions_bytes(analysis.mentions)
        data = pickle.dumps((_FORMAT, key, mentions_data), protocol=pickle.HIGHEST_PROTOCOL)
        try:
            self.directory.mkdir(parents=True, exist_ok=True)
            handle, temporary = tempfile.mkstemp(dir=self.directory, prefix=f".{key}.", suffix=_TEMPORARY)
            try:
                with os.fdopen(handle, "wb") as out:
                    out.write(data)
                os.replace(temporary, self._path(key))
            except BaseException:
                Path(temporary).unlink(missing_ok=True)
                raise
        except OSError as exc:
            log.warning("cannot write the cache entry of %s (%s): it will be extracted again next time",
                        analysis.document.file, exc)

    def prune(self, keep: Collection[str]) -> int:
        """Delete every entry whose key is not in `keep` (and left-over temporary files); how many went."""
        if not self.directory.is_dir():
            return 0
        removed = 0
        for path in self.directory.iterdir():
            stale = path.suffix == _SUFFIX and path.stem not in keep
            if (stale or path.name.endswith(_TEMPORARY)) and path.is_file():
                path.unlink(missing_ok=True)
                removed += 1
        return removed

    def _path(self, key: str) -> Path:
        return self.directory / f"{key}{_SUFFIX}"


def mentions_bytes(mentions: tuple[Mention, ...]) -> bytes:
    """The mentions of a document as an entry holds them (and a worker process sends them): a pickle.

    Pickled where they were found, they are the same bytes in any process (a pickle of objects that came
    through another pickle may share its strings differently).
    """
    return pickle.dumps(mentions, protocol=pickle.HIGHEST_PROTOCOL)


def _mentions(entry: object, key: str, doc_id: str) -> tuple[Mention, ...] | None:
    """The mentions of a loaded entry, or None if it is not an entry of this format, key and document."""
    if not (isinstance(entry, tuple) and len(entry) == 3 and entry[0] == _FORMAT and entry[1] == key
            and isinstance(entry[2], bytes)):
        return None
    mentions = pickle.loads(entry[2])
    if not isinstance(mentions, tuple) or not all(isinstance(m, Mention) and m.doc_id == doc_id for m in mentions):
        return None
    return mentions

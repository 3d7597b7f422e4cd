"""The corpus manifest (`manifest.yaml` next to the documents): what is known about each document.

Layout (see the header of `data/corpus/manifest.yaml`)::

    documents:
      FILE_NAME:
        FIELD: {value: VALUE, source: text | manual, note: "optional"}

FIELD is one of title, issuer, date (ISO YYYY-MM-DD), year (used when only the year is known) and
doc_number; a value may be null. Two provenance fields say where the file comes from, always
`source: manual`: url (the public address it was taken from) and extent (full | excerpt: whether the
file holds the whole document); they describe the file and are not document metadata. `source: manual` values are applied over what the reader finds in
the text; `source: text` values record what the reader finds there (a test checks they agree).
Malformed content raises DataFileError naming the file and line.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from ingest.read.metadata import FIELDS
from jig.core.datafile import LineDict, load_yaml
from jig.core.errors import DataFileError

MANIFEST_NAME = "manifest.yaml"
SOURCES = ("text", "manual")
_VALUE_KEYS = frozenset({"value", "source", "note"})
_YEARS = range(1900, 2101)
#: Where a file comes from: recorded in the manifest, never applied to the document's metadata.
PROVENANCE_FIELDS = ("url", "extent")
EXTENTS = ("full", "excerpt")

Value = str | int | None


@dataclass(frozen=True)
class ManifestValue:
    """One metadata value of a document: the value, where it comes from ("text"/"manual"), a note, its line."""

    value: Value
    source: str
    note: str
    line: int


@dataclass(frozen=True)
class ManifestEntry:
    """What the manifest says about one document file."""

    file: str
    line: int
    values: dict[str, ManifestValue]

    def manual(self) -> dict[str, Value]:
        """The values supplied by hand: they override the text."""
        return self._from("manual")

    def from_text(self) -> dict[str, Value]:
        """The values the reader is expected to find in the text."""
        return self._from("text")

    def provenance(self) -> dict[str, Value]:
        """Where the file comes from (url, extent)."""
        return {name: v.value for name, v in self.values.items() if name in PROVENANCE_FIELDS}

    def _from(self, source: str) -> dict[str, Value]:
        return {name: v.value for name, v in self.values.items()
                if v.source == source and name not in PROVENANCE_FIELDS}


@dataclass(frozen=True)
class Manifest:
    """A loaded, validated manifest: entries by file name."""

    path: Path
    entries: dict[str, ManifestEntry]

    def entry(self, file: str) -> ManifestEntry | None:
        """The entry for a file name, if the manifest has one."""
        return self.entries.get(file)

    def check_files(self, files: Iterable[str]) -> None:
        """Raise DataFileError for an entry whose file is not among `files` (the corpus's file names)."""
        present = set(files)
        for entry in self.entries.values():
            if entry.file not in present:
                raise DataFileError(self.path, "entry for a file that is not in the corpus", entry.line, entry.file)


def load_corpus_manifest(directory: Path) -> Manifest | None:
    """The manifest of a corpus directory (its `manifest.yaml`), or None if it has none.

    A `manifest.yaml` that is there but is no readable file (a folder, a broken link) raises DataFileError.
    """
    path = Path(directory) / MANIFEST_NAME
    return load_manifest(path) if os.path.lexists(path) else None


def load_manifest(path: Path) -> Manifest:
    """Load and validate a manifest file; any problem raises DataFileError with file and line."""
    data = load_yaml(path, "manifest")
    if not isinstance(data, LineDict) or not isinstance(data.get("documents"), LineDict):
        raise DataFileError(path, "expected a mapping with a 'documents' mapping at the top")
    documents = data["documents"]
    return Manifest(path, {
        str(file): _entry(path, str(file), documents.lines[file], record) for file, record in documents.items()
    })


def _entry(path: Path, file: str, line: int, record: object) -> ManifestEntry:
    if not isinstance(record, LineDict):
        raise DataFileError(path, "a document entry must be a mapping of fields", line, file)
    values = {}
    for name, spec in record.items():
        if name not in FIELDS and name not in PROVENANCE_FIELDS:
            known = ", ".join((*FIELDS, *PROVENANCE_FIELDS))
            raise DataFileError(path, f"unknown field; known: {known}", record.lines[name], str(name))
        values[name] = _value(path, name, record.lines[name], spec)
    _check_date_and_year(path, values)
    return ManifestEntry(file, line, values)


def _value(path: Path, name: str, line: int, spec: object) -> ManifestValue:
    if not isinstance(spec, LineDict) or "value" not in spec or "source" not in spec:
        raise DataFileError(path, f"{name} must be a mapping with 'value' and 'source'", line, str(spec))
    unknown = ", ".join(sorted(map(str, set(spec) - _VALUE_KEYS)))
    if unknown:
        raise DataFileError(path, f"unknown key in {name}; known: value, source, note", line, unknown)
    if spec["source"] not in SOURCES:
        raise DataFileError(path, f"source of {name} must be 'text' or 'manual'", line, str(spec["source"]))
    if name in PROVENANCE_FIELDS and spec["source"] != "manual":
        raise DataFileError(path, f"{name} says where the file comes from: its source must be 'manual'", line,
                            str(spec["source"]))
    return ManifestValue(_checked(path, name, line, spec["value"]), spec["source"], str(spec.get("note") or ""), line)


def _checked(path: Path, name: str, line: int, value: object) -> Value:
    if value is None:
        return None
    if name == "year":
        if isinstance(value, bool) or not isinstance(value, int) or value not in _YEARS:
            raise DataFileError(path, "year must be a whole number between 1900 and 2100", line, str(value))
        return value
    if name == "date":
        return _iso_date(path, line, value)
    if name == "extent" and value not in EXTENTS:
        raise DataFileError(path, f"extent must be one of {', '.join(EXTENTS)}", line, str(value))
    if not isinstance(value, str) or not value.strip():
        raise DataFileError(path, f"{name} must be a non-empty string", line, str(value))
    return value.strip()


def _iso_date(path: Path, line: int, value: object) -> str:
    try:
        return dt.date.fromisoformat(str(value)).isoformat()
    except ValueError:
        raise DataFileError(path, "date must be an ISO date YYYY-MM-DD", line, str(value)) from None


def _check_date_and_year(path: Path, values: dict[str, ManifestValue]) -> None:
    date, year = values.get("date"), values.get("year")
    if date and year and date.value and year.value and int(str(date.value)[:4]) != year.value:
        raise DataFileError(path, "year does not match the date", year.line, f"{year.value} vs {date.value}")


"""The project's errors: one root type, one subclass per family.

Library code raises these with plain facts (which file, which line, what was found); the CLI and the
app turn them into user-facing wording.
"""

from __future__ import annotations

from pathlib import Path


class JilinGraphError(Exception):
    """Root of every error this project raises on purpose."""


class DocumentReadError(JilinGraphError):
    """A corpus file cannot be read: missing, empty, binary or undecodable."""

    def __init__(self, path: str | Path, problem: str) -> None:
        self.path = str(path)
        self.problem = problem
        super().__init__(f"{self.path}: {problem}")


class UnsupportedFormatError(DocumentReadError):
    """A corpus file is in a shape the reader does not take (a legacy .doc/.wps file): it must be converted."""


class NoTextLayerError(DocumentReadError):
    """A PDF has no usable text layer (a scanned image, or fonts without a character map): it needs OCR."""


class EncryptedDocumentError(DocumentReadError):
    """A corpus file is password-protected: it cannot be read without the password."""


class DamagedDocumentError(DocumentReadError):
    """A PDF or Word file is damaged, or is not what its extension says."""


class DataFileError(JilinGraphError):
    """A data file (manifest, gazetteer, gold set, query file) is malformed."""

    def __init__(self, path: str | Path, problem: str, line: int | None = None, text: str | None = None) -> None:
        self.path = str(path)
        self.problem = problem
        self.line = line
        self.text = text
        where = f"{self.path}:{line}" if line is not None else self.path
        found = f" (found: {text!r})" if text is not None else ""
        super().__init__(f"{where}: {problem}{found}")


class EvidenceError(JilinGraphError):
    """An edge's evidence is not an exact substring of its document: a bug, never silently kept."""


class StoreError(JilinGraphError):
    """A graph store cannot be opened, loaded or queried."""


class GraphNotBuiltError(StoreError):
    """No graph has been built yet at the expected place."""


class ReadOnlyQueryError(StoreError):
    """A query sent through a read-only channel tried to write."""


class QueryError(StoreError):
    """A query failed: unknown name, bad parameter, syntax or runtime error from the database."""


class LintUnavailableError(JilinGraphError):
    """The Cypher linter cannot run: node or its npm package is missing."""

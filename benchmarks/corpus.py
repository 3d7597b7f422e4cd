"""The scaled corpus of the benchmark: the bundled documents ×N, each copy with its own id and its text lightly perturbed.

Copy `k` of a document is a UTF-8 text file `<id>.c<k>.txt` holding the document's text as read (so a PDF
or Word file of the bundled corpus is a text file here), with its manifest entry. The perturbation
changes the width of a few digits and Latin letters (２０２５ ↔ 2025): the text, and so every evidence
sentence, differs from copy to copy, while the matching view (half-width throughout) is the same, so each
copy finds what the original finds. Which characters change is the binary number `k` laid over the
document's digits and letters in an order drawn from its id: copy 0 is the original, and no two copies
are alike.
"""

from __future__ import annotations

import random
import re
from pathlib import Path

import yaml

from ingest.read.document import read_corpus
from ingest.read.manifest import MANIFEST_NAME
from jig.core.records import Document

#: Characters whose full-width and half-width forms have the same matching view.
_WIDE = re.compile(r"[0-9A-Za-z０-９Ａ-Ｚａ-ｚ]")
_TO_HALF = {chr(c): chr(c - 0xFEE0) for c in (*range(0xFF10, 0xFF1A), *range(0xFF21, 0xFF3B), *range(0xFF41, 0xFF5B))}
_TO_WIDE = {half: wide for wide, half in _TO_HALF.items()}


def copy_name(document: Document, copy: int) -> str:
    """The file name of copy `copy` of a document."""
    return f"{document.id}.c{copy:03d}.txt"


def perturbed(document: Document, copy: int) -> str:
    """The text of copy `copy` of a document: the width of the digits and letters chosen by `copy` changed."""
    positions = [match.start() for match in _WIDE.finditer(document.text)]
    random.Random(document.id).shuffle(positions)
    if copy >= 2 ** len(positions):
        raise ValueError(f"{document.file} has {len(positions)} digits and letters: at most {2 ** len(positions)} copies")
    chars = list(document.text)
    for bit, position in enumerate(positions):
        if copy >> bit & 1:
            char = chars[position]
            chars[position] = _TO_HALF.get(char) or _TO_WIDE[char]
    return "".join(chars)


def write_scaled_corpus(source: Path, folder: Path, scale: int) -> list[Path]:
    """Write the documents of `source` ×`scale` into `folder` (text files and a manifest); the files written."""
    folder.mkdir(parents=True, exist_ok=True)
    documents = read_corpus(source)
    manifest_path = Path(source) / MANIFEST_NAME
    manifest = yaml.safe_load(manifest_path.read_text(encoding="utf-8")) if manifest_path.is_file() else {}
    entries = (manifest or {}).get("documents") or {}
    files, scaled_entries = [], {}
    for document in documents:
        for copy in range(scale):
            name = copy_name(document, copy)
            path = folder / name
            path.write_text(perturbed(document, copy), encoding="utf-8")
            files.append(path)
            if document.file in entries:
                scaled_entries[name] = entries[document.file]
    text = yaml.safe_dump({"documents": scaled_entries}, allow_unicode=True, sort_keys=True)
    (folder / MANIFEST_NAME).write_text(text, encoding="utf-8")
    return files

"""The cue lexicon of typed relations, loaded from `ontology/data/cues.yaml`.

A `CueRule` says which words signal a relation and where its source and target stand relative to
the cue word (before it, after it, either side; within the cue's clause or the whole sentence).
`ingest.relate.relations` applies the rules; the words themselves are data, so new cues need no code.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

from jig.core.datafile import line_of, load_yaml, top_level
from jig.core.errors import DataFileError
from jig.core.paths import ONTOLOGY_DATA
from jig.core.schema import KINDS, RELATIONS, Label, RelType

CUES_FILE = ONTOLOGY_DATA / "cues.yaml"

_SIDES = ("before", "after", "any")
_SCOPES = ("clause", "sentence")


@dataclass(frozen=True)
class ArgSpec:
    """Where to find one argument of a relation around its cue, and which entities qualify.

    `labels` pairs a label with a kind (None: any kind of that label).
    """

    side: str
    scope: str
    labels: tuple[tuple[Label, str | None], ...]
    adjacent: bool = False
    nested: bool = False
    topic: bool = False
    own_name: bool = False

    def accepts(self, label: Label, kind: str) -> bool:
        """Whether an entity of this label and kind may fill the argument."""
        return (label, None) in self.labels or (label, kind) in self.labels


@dataclass(frozen=True)
class CueRule:
    """Cue words of one relation type with the places of its arguments and the strength of the cue."""

    relation: RelType
    cues: tuple[str, ...]
    strength: float
    source: ArgSpec
    target: ArgSpec
    symmetric: bool = False


@dataclass(frozen=True)
class CueLexicon:
    """All cue rules plus the small closed word lists the relation finder needs."""

    rules: tuple[CueRule, ...]
    enumeration: tuple[str, ...]
    alias_words: tuple[str, ...]
    heading_words: tuple[str, ...]
    name_strength: float
    parent_strength: float
    name_anchor_strength: float


def load_cues(path: Path = CUES_FILE) -> CueLexicon:
    """Load and check the cue lexicon; a malformed rule raises DataFileError naming file and line."""
    data = load_yaml(path, "cue lexicon")
    rules = tuple(_rule(path, line_of(record, data.line), record) for record in top_level(path, data, "rules"))
    try:
        return CueLexicon(
            rules=rules,
            enumeration=tuple(str(w) for w in data.get("enumeration") or ()),
            alias_words=tuple(str(w) for w in data.get("alias_words") or ()),
            heading_words=tuple(str(w) for w in data.get("heading_words") or ()),
            name_strength=float(data["name_strength"]),
            parent_strength=float(data["parent_strength"]),
            name_anchor_strength=float(data["name_anchor_strength"]),
        )
    except (KeyError, TypeError, ValueError) as exc:
        raise DataFileError(path, f"missing or malformed top-level setting: {exc}") from None


@cache
def default_cues() -> CueLexicon:
    """The project's cue lexicon, loaded once per process."""
    return load_cues()


def _rule(path: Path, line: int, record: object) -> CueRule:
    if not isinstance(record, dict):
        raise DataFileError(path, "a rule must be a mapping", line=line, text=str(record))
    try:
        relation = RelType(record.get("relation"))
    except ValueError:
        raise DataFileError(path, "unknown relation type", line=line, text=str(record.get("relation"))) from None
    cues = record.get("cues")
    if not isinstance(cues, list) or not cues or not all(isinstance(c, str) and c for c in cues):
        raise DataFileError(path, "a rule needs a non-empty list of cue words", line=line, text=str(cues))
    try:
        strength = float(record.get("strength", 1.0))
    except (TypeError, ValueError):
        raise DataFileError(path, "strength must be a number", line=line, text=str(record.get("strength"))) from None
    allowed = RELATIONS[relation]
    source = _arg(path, line, record.get("source"), allowed.sources)
    target = _arg(path, line, record.get("target"), allowed.targets)
    return CueRule(relation, tuple(cues), strength, source, target, bool(record.get("symmetric", False)))


def _arg(path: Path, line: int, record: object, allowed: tuple[Label, ...]) -> ArgSpec:
    if not isinstance(record, dict):
        raise DataFileError(path, "source and target must be mappings", line=line, text=str(record))
    side, scope = record.get("side", "any"), record.get("scope", "clause")
    if side not in _SIDES or scope not in _SCOPES:
        raise DataFileError(path, f"side must be one of {_SIDES}, scope one of {_SCOPES}", line=line,
                            text=f"{side}/{scope}")
    labels = []
    for item in record.get("labels") or ():
        name, _, kind = str(item).partition(":")
        try:
            label = Label(name)
        except ValueError:
            raise DataFileError(path, "unknown label", line=line, text=name) from None
        if label not in allowed:
            raise DataFileError(path, "label not allowed for this relation by jig/core/schema.py", line=line,
                                text=name)
        if kind and kind not in KINDS[label]:
            raise DataFileError(path, f"unknown kind for {label}", line=line, text=kind)
        labels.append((label, kind or None))
    if not labels:
        raise DataFileError(path, "an argument needs at least one label", line=line)
    return ArgSpec(side, scope, tuple(labels), bool(record.get("adjacent", False)),
                   bool(record.get("nested", False)), bool(record.get("topic", False)),
                   bool(record.get("own_name", False)))

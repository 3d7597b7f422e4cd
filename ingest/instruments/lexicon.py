"""The policy-instrument lexicon, loaded from `ontology/data/instruments.yaml`.

A `CueSet` is a list of literal cue words, regular expressions and excluded phrases; it finds its cues
in a sentence's view. The lexicon holds one cue set per instrument type (the kinds of `Instrument` in
`jig.core.schema`) and three that decide what is coded at all: spans to ignore, the cues of a measure
sentence and the cues of a sentence that is none. The words are data: changing them needs no code.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from jig.core.datafile import line_of, load_yaml
from jig.core.errors import DataFileError
from jig.core.paths import ONTOLOGY_DATA
from jig.core.schema import KINDS, Label

INSTRUMENTS_FILE = ONTOLOGY_DATA / "instruments.yaml"
_CUE_KEYS = ("cues", "patterns", "exclude")
_SETTINGS = ("ignore", "measure", "not_measure")


@dataclass(frozen=True)
class CueMatch:
    """A cue found in a view: where it is (offsets into the view) and the text it matched."""

    start: int
    end: int
    text: str


@dataclass(frozen=True)
class CueSet:
    """Literal cues and regular expressions that signal one thing, and phrases in which a cue does not count."""

    cues: tuple[str, ...] = ()
    patterns: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()
    _matcher: re.Pattern[str] | None = field(init=False, repr=False, compare=False, default=None)

    def __post_init__(self) -> None:
        words = [re.escape(c) for c in sorted(set(self.cues), key=len, reverse=True)]
        alternatives = [*words, *(f"(?:{p})" for p in self.patterns)]
        object.__setattr__(self, "_matcher", re.compile("|".join(alternatives)) if alternatives else None)

    def find(self, view: str) -> list[CueMatch]:
        """The cues in `view`, left to right, leaving out those inside an excluded phrase."""
        if self._matcher is None:
            return []
        excluded = [(start, start + len(phrase)) for phrase in self.exclude for start in _occurrences(view, phrase)]
        return [
            CueMatch(m.start(), m.end(), m.group())
            for m in self._matcher.finditer(view)
            if m.end() > m.start() and not any(a <= m.start() and m.end() <= b for a, b in excluded)
        ]


def _occurrences(text: str, phrase: str) -> Iterator[int]:
    start = text.find(phrase)
    while start != -1:
        yield start
        start = text.find(phrase, start + 1)


@dataclass(frozen=True)
class InstrumentLexicon:
    """The cue set of every instrument type (in schema order) and of what makes a measure sentence."""

    types: Mapping[str, CueSet]
    measure: CueSet
    not_measure: CueSet
    ignore: CueSet

    def masked(self, view: str) -> str:
        """`view` with the ignored spans (titles cited in 《》) blanked out, offsets unchanged."""
        for match in reversed(self.ignore.find(view)):
            view = view[:match.start] + "□" * (match.end - match.start) + view[match.end:]
        return view


def load_instrument_lexicon(path: Path = INSTRUMENTS_FILE) -> InstrumentLexicon:
    """Load and check the lexicon; DataFileError naming the file and line for anything malformed.

    The instrument types must be exactly the kinds of `Instrument` in the schema, each with a cue or a pattern.
    """
    data = load_yaml(path, "instrument lexicon")
    if not isinstance(data, dict) or not isinstance(data.get("instruments"), dict):
        raise DataFileError(path, "expected a mapping with an 'instruments' mapping (type: cue set) at the top")
    unknown = [key for key in data if key not in (*_SETTINGS, "instruments")]
    if unknown:
        raise DataFileError(path, f"unknown top-level key (known: {', '.join((*_SETTINGS, 'instruments'))})",
                            line=data.lines[unknown[0]], text=str(unknown[0]))
    records = data["instruments"]
    kinds = KINDS[Label.INSTRUMENT]
    for name in records:
        if name not in kinds:
            raise DataFileError(path, f"not an instrument type of the ontology (known: {', '.join(kinds)})",
                                line=records.lines[name], text=str(name))
    missing = [kind for kind in kinds if kind not in records]
    if missing:
        raise DataFileError(path, f"instrument types without cues: {', '.join(missing)}", line=line_of(records))
    types = {kind: _cue_set(path, records.lines[kind], records[kind], kind) for kind in kinds}
    for kind, cue_set in types.items():
        if not cue_set.cues and not cue_set.patterns:
            raise DataFileError(path, "an instrument type needs at least one cue or pattern", line=records.lines[kind],
                                text=kind)
    settings = {key: _cue_set(path, data.lines.get(key, data.line), data.get(key) or {}, key) for key in _SETTINGS}
    return InstrumentLexicon(types=types, **settings)


@cache
def default_instrument_lexicon() -> InstrumentLexicon:
    """The project's instrument lexicon, loaded once per process."""
    return load_instrument_lexicon()


def _cue_set(path: Path, line: int, record: object, name: str) -> CueSet:
    if not isinstance(record, dict):
        raise DataFileError(path, f"{name}: expected a mapping with {', '.join(_CUE_KEYS)}", line=line,
                            text=str(record))
    unknown = [key for key in record if key not in _CUE_KEYS]
    if unknown:
        raise DataFileError(path, f"{name}: unknown key (known: {', '.join(_CUE_KEYS)})", line=line,
                            text=str(unknown[0]))
    lists = {}
    for key in _CUE_KEYS:
        values = record.get(key) or []
        where = getattr(record, "lines", {}).get(key, line)
        if not isinstance(values, list) or not all(isinstance(v, str) and v.strip() for v in values):
            raise DataFileError(path, f"{name}: '{key}' must be a list of non-empty words", line=where,
                                text=str(values))
        lists[key] = tuple(values)
    for pattern in lists["patterns"]:
        try:
            re.compile(pattern)
        except re.error as exc:
            raise DataFileError(path, f"{name}: bad regular expression ({exc})", line=line, text=pattern) from None
    return CueSet(**lists)

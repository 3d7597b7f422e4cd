"""One Aho-Corasick pass per sentence over every cue word and every industry/technology term."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from functools import cached_property

import ahocorasick

from ingest.lexicon.cues import CueLexicon
from ingest.lexicon.gazetteer import Gazetteer
from jig.core.records import Sentence
from jig.core.schema import Label

#: Labels whose terms the automaton holds (the foci of FOCUSES_ON and ANCHORS).
FOCI = (Label.INDUSTRY, Label.TECHNOLOGY)


@dataclass(frozen=True)
class Cue:
    """A cue word occurrence in a sentence (document offsets)."""

    sentence: Sentence
    start: int
    end: int
    word: str

    def clause(self) -> tuple[int, int]:
        for start, end in self.sentence.clauses:
            if start <= self.start < end:
                return start, end
        return self.sentence.start, self.sentence.end

    def gap(self, start: int, end: int) -> str:
        return self.sentence.view[start - self.sentence.start:end - self.sentence.start]


@dataclass(frozen=True)
class Hit:
    """A word of the automaton found in a sentence (document offsets): a cue word of the rules
    numbered `rules`, or a term of the industry or technology `entity_id`."""

    start: int
    end: int
    word: str
    rules: tuple[int, ...] = ()
    entity_id: str = ""


class Scan:
    """What one automaton pass found in a sentence.

    `terms` are ordered longest first, then by word and position (the order keywords claim a name in).
    """

    def __init__(self, sentence: Sentence, cues: tuple[Hit, ...], terms: tuple[Hit, ...]) -> None:
        self.sentence = sentence
        self.cues = cues
        self.terms = terms

    def rule_cues(self, rule: int) -> list[Cue]:
        """Occurrences of a rule's cue words outside every name; of overlapping ones the longest."""
        kept: list[Hit] = []
        for hit in sorted((h for h in self.cues if rule in h.rules), key=lambda h: (h.start - h.end, h.start)):
            if all(hit.end <= k.start or k.end <= hit.start for k in kept):
                kept.append(hit)
        return [Cue(self.sentence, h.start, h.end, h.word) for h in sorted(kept, key=lambda h: h.start)]

    @cached_property
    def rules(self) -> list[int]:
        """The numbers of the rules cued in the sentence, in lexicon order."""
        return sorted({rule for hit in self.cues for rule in hit.rules})


def build_automaton(lexicon: CueLexicon, gazetteer: Gazetteer) -> ahocorasick.Automaton:
    """One automaton over every cue word and every name, alias and keyword of the gazetteer's
    industries and technologies; each word maps to (word, numbers of the rules it cues, entity ids
    it names in gazetteer order)."""
    rules: dict[str, list[int]] = defaultdict(list)
    for index, rule in enumerate(lexicon.rules):
        for word in rule.cues:
            rules[word].append(index)
    terms: dict[str, list[str]] = defaultdict(list)
    for label in FOCI:
        for entry in gazetteer.with_label(label):
            for term in dict.fromkeys((*entry.surface_forms, *entry.keywords)):
                terms[term].append(entry.id)
    automaton = ahocorasick.Automaton()
    for word in rules.keys() | terms.keys():
        automaton.add_word(word, (word, tuple(rules.get(word, ())), tuple(terms.get(word, ()))))
    automaton.make_automaton()
    return automaton


def terms_in(scan: Scan, start: int, end: int) -> dict[str, str]:
    """Industries and technologies signalled by terms in a name, with the term: longest terms first,
    each on word boundaries (化工 in 吉林省化工新材料…, not in 孵化工程), none overlapping another. A name
    that is one token (a curated name in jieba's user dictionary) shows no boundaries: any term counts."""
    taken: list[tuple[int, int]] = []
    found: dict[str, str] = {}
    inside = [hit for hit in scan.terms if start <= hit.start and hit.end <= end]
    if not inside:
        return found
    tokens, offset = scan.sentence.tokens, scan.sentence.start
    whole = tokens.covering(start - offset) == (tokens.view[start - offset:end - offset],
                                                    start - offset, end - offset)
    for hit in inside:
        aligned = whole or ((hit.start == start or tokens.starts_at(hit.start - offset))
                            and (hit.end == end or tokens.ends_at(hit.end - offset)))
        if aligned and all(hit.end <= s or e <= hit.start for s, e in taken):
            taken.append((hit.start, hit.end))
            found.setdefault(hit.entity_id, hit.word)
    return found

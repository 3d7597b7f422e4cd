"""Per-character features of a sentence for the span tagger (`ingest.extract.tagger`).

Each character of a sentence's `view` gets a list of string attributes (crfsuite's binary features):

- the character and its neighbours: unigrams in a ±2 window and the two bigrams holding it (`\x02`/`\x03`
  pad the ends);
- its character class: han, digit, latin, punctuation, quote/bracket, blank, other;
- its place in its jieba token (B/M/E/S), the token's part-of-speech tag and length;
- gazetteer evidence: the longest curated surface form covering it, with its label and B/I position;
- name-form evidence: a suffix of `ingest.extract.forms.FORMS` covering it (I) or ending at it (E), with
  the form's label, and its kind at the end;
- cue-word evidence: whether it is inside a cue word of the cue lexicon (B/I).

The lookups are one Aho-Corasick pass (gazetteer), one regex pass (suffixes) and one more Aho-Corasick pass
(cues) over the view; the jieba tokens are those of the sentence.
"""

from __future__ import annotations

import unicodedata

import ahocorasick

from ingest.extract import forms
from ingest.lexicon.cues import CueLexicon, default_cues
from ingest.lexicon.gazetteer import Gazetteer
from jig.core.records import Sentence

#: Quotation marks and brackets: they open and close names (“双十”工程, 《…》, （简称…）).
_QUOTES = frozenset("“”‘’\"'「」『』《》〈〉()（）【】[]〔〕")
_PAD_LEFT, _PAD_RIGHT = "\x02\x02", "\x03\x03"
#: Token lengths above this share one value.
_MAX_TOKEN_LENGTH = 4


def char_class(char: str) -> str:
    """The class of a character: han, digit, latin, quote (quotation marks, brackets), punct, blank or other."""
    if "\u4e00" <= char <= "\u9fff" or "\u3400" <= char <= "\u4dbf":
        return "han"
    if char.isdigit():
        return "digit"
    if char.isascii() and char.isalpha():
        return "latin"
    if char in _QUOTES:
        return "quote"
    if char.isspace():
        return "blank"
    return "punct" if unicodedata.category(char)[0] in "PS" else "other"


class FeatureExtractor:
    """Turns sentences into per-character attribute lists. Build once per gazetteer and cue lexicon."""

    def __init__(self, gazetteer: Gazetteer, cues: CueLexicon | None = None) -> None:
        self._gazetteer = _automaton(
            (form, (len(form), entry.label.value)) for form, entry in gazetteer.surfaces().items() if len(form) > 1
        )
        cue_words = {word for rule in (cues or default_cues()).rules for word in rule.cues}
        self._cues = _automaton((word, len(word)) for word in sorted(cue_words))
        self._tags = forms.word_tags()
        self._classes: dict[str, str] = {}

    def features(self, sentence: Sentence, start: int = 0, end: int | None = None) -> list[list[str]]:
        """One attribute list per character of `sentence.view[start:end]` (default: the whole view).

        A window sees the characters around it as context; tokens and lookups are those inside it.
        """
        view = sentence.view
        end = len(view) if end is None else end
        window = view[start:end]
        padded = (_PAD_LEFT + view + _PAD_RIGHT)[start:end + len(_PAD_LEFT) + len(_PAD_RIGHT)]
        classes = self._classes
        tokens = self._token_features(sentence, start, end)
        gazetteer = self._gazetteer_features(window)
        suffixes = _suffix_features(window)
        cues = self._cue_features(window)
        rows = []
        for i, char in enumerate(window):
            a, b, _, d, e = padded[i:i + 5]
            kind = classes.get(char) or classes.setdefault(char, "t=" + char_class(char))
            row = ["c=" + char, "l1=" + b, "r1=" + d, "l2=" + a, "r2=" + e,
                   "bl=" + b + char, "br=" + char + d, kind, *tokens[i]]
            for extra in (gazetteer[i], suffixes[i], cues[i]):
                if extra:
                    row.extend(extra)
            rows.append(row)
        return rows

    def _token_features(self, sentence: Sentence, start: int, end: int) -> list[tuple[str, ...]]:
        """Per character of the window: place in its jieba token, the token's tag and length (blanks: no token)."""
        found: list[tuple[str, ...]] = [("w=_",)] * (end - start)
        tags = self._tags
        for word, token_start, token_end in sentence.tokens.between(start, end):
            first, last, size = token_start - start, token_end - start, token_end - token_start
            shared = ("wt=" + tags.get(word, "?"), f"wl={min(size, _MAX_TOKEN_LENGTH)}")
            if size == 1:
                found[first] = ("w=S", *shared)
                continue
            inside = ("w=M", *shared)
            found[first] = ("w=B", *shared)
            found[first + 1:last - 1] = [inside] * (size - 2)
            found[last - 1] = ("w=E", *shared)
        return found

    def _gazetteer_features(self, view: str) -> list[tuple[str, ...]]:
        """Per character: the longest gazetteer form covering it, as B-label or I-label."""
        best = [0] * len(view)
        found: list[tuple[str, ...]] = [()] * len(view)
        for last, (size, label) in self._gazetteer.iter(view):
            start = last - size + 1
            if best[start] < size:
                best[start], found[start] = size, ("g=B-" + label,)
            inside = ("g=I-" + label,)
            for i in range(start + 1, last + 1):
                if best[i] < size:
                    best[i], found[i] = size, inside
        return found

    def _cue_features(self, view: str) -> list[tuple[str, ...]]:
        """Per character: B or I when it is inside a cue word."""
        found: list[tuple[str, ...]] = [()] * len(view)
        for last, size in self._cues.iter(view):
            start = last - size + 1
            if not found[start]:
                found[start] = ("q=B",)
            for i in range(start + 1, last + 1):
                found[i] = ("q=I",)
        return found


def _suffix_features(view: str) -> list[tuple[str, ...]]:
    """Per character: a name suffix covering it (I-label) or ending at it (E-label and the form's kind)."""
    found: list[tuple[str, ...]] = [()] * len(view)
    for match in forms.suffix_pattern().finditer(view):
        form = forms.form_of(match.group())
        start, end = match.span()
        inside = ("f=I-" + form.label.value,)
        found[start:end - 1] = [inside] * (end - 1 - start)
        found[end - 1] = ("f=E-" + form.label.value, "fk=" + form.kind)
    return found


def _automaton(words) -> ahocorasick.Automaton:
    """An Aho-Corasick automaton of (word, value) pairs."""
    automaton = ahocorasick.Automaton()
    for word, value in words:
        automaton.add_word(word, value)
    automaton.make_automaton()
    return automaton

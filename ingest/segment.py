"""Sentences, clauses and jieba tokens, with character offsets into the document text.

A sentence ends at 。！？； (or their ASCII forms in the view) or at a line break; leading and
trailing blanks (including the full-width space U+3000) are trimmed off its span. Clauses split a
sentence at ，： and their ASCII forms. Tokens come from a private `jieba.Tokenizer` whose user
dictionary is generated from the ontology gazetteer, so 长春光机所 or 中车长客 stay one token.
"""

from __future__ import annotations

import io
import logging
import re
from collections.abc import Iterator
from functools import cache

import jieba

from ingest.gazetteer import Gazetteer, default_gazetteer
from ingest.model import Document, Sentence, Token

log = logging.getLogger(__name__)

_SENTENCE_END = re.compile(r"[。！？；!?;]+[”’」』）)]*|\n+")
_CLAUSE_END = re.compile(r"[，：,:]")
_BLANK = " \t\r\n\u3000\xa0"

#: Frequency given to gazetteer names in the user dictionary: high enough to win over the
#: default dictionary's splits (长春 + 光机所) without swallowing the words around them.
_USER_WORD_FREQ = 200_000


def user_dictionary(gazetteer: Gazetteer) -> str:
    """The jieba user dictionary for a gazetteer: one `word freq tag` line per surface form."""
    lines = []
    for form, entry in sorted(gazetteer.surfaces().items()):
        if " " not in form and len(form) > 1:
            lines.append(f"{form} {_USER_WORD_FREQ} {'nt' if entry.label.value != 'Region' else 'ns'}")
    return "\n".join(lines) + "\n"


def new_tokenizer(gazetteer: Gazetteer) -> jieba.Tokenizer:
    """A private, warmed-up jieba tokenizer with the gazetteer's user dictionary loaded."""
    logging.getLogger("jieba").setLevel(logging.WARNING)
    tokenizer = jieba.Tokenizer()
    tokenizer.initialize()
    tokenizer.load_userdict(io.StringIO(user_dictionary(gazetteer)))
    return tokenizer


class Segmenter:
    """Splits documents into sentences with clauses and tokens. Build once; reuse for many documents.

    Building one loads jieba's dictionary (about a second): use `Segmenter.shared(gazetteer)`.
    """

    @staticmethod
    @cache
    def shared(gazetteer: Gazetteer) -> Segmenter:
        """The process-wide segmenter of a gazetteer, built on first use."""
        return Segmenter(gazetteer)

    def __init__(self, gazetteer: Gazetteer | None = None) -> None:
        self.gazetteer = gazetteer or default_gazetteer()
        self.tokenizer = new_tokenizer(self.gazetteer)

    def run(self, document: Document) -> list[Sentence]:
        """The sentences of `document`, in order, indexed from 0."""
        return [
            self._sentence(document, index, start, end)
            for index, (start, end) in enumerate(sentence_spans(document.view))
        ]

    def tokens(self, view: str, offset: int = 0) -> tuple[Token, ...]:
        """jieba tokens of a (simplified) text, offsets shifted by `offset`."""
        return tuple(
            Token(word, offset + start, offset + end)
            for word, start, end in self.tokenizer.tokenize(view)
            if not word.isspace()
        )

    def _sentence(self, document: Document, index: int, start: int, end: int) -> Sentence:
        view = document.view[start:end]
        return Sentence(
            id=f"{document.id}.s{index:04d}",
            doc_id=document.id,
            index=index,
            start=start,
            end=end,
            text=document.text[start:end],
            view=view,
            clauses=tuple(_clause_spans(view, start)),
            tokens=self.tokens(view, start),
        )


def sentence_spans(view: str) -> Iterator[tuple[int, int]]:
    """(start, end) offsets of the non-blank sentences of a text."""
    start = 0
    for match in _SENTENCE_END.finditer(view):
        end = match.end() if not match.group().startswith("\n") else match.start()
        yield from _trimmed(view, start, end)
        start = match.end()
    yield from _trimmed(view, start, len(view))


def _clause_spans(view: str, offset: int) -> Iterator[tuple[int, int]]:
    start = 0
    for match in _CLAUSE_END.finditer(view):
        yield from ((s + offset, e + offset) for s, e in _trimmed(view, start, match.end()))
        start = match.end()
    yield from ((s + offset, e + offset) for s, e in _trimmed(view, start, len(view)))


def _trimmed(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    while start < end and text[start] in _BLANK:
        start += 1
    while end > start and text[end - 1] in _BLANK:
        end -= 1
    if end > start:
        yield start, end

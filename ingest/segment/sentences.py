"""Sentences, clauses and jieba tokens, with character offsets into the document text.

A sentence ends at 。！？； (or their ASCII forms in the view) or at a line break; leading and
trailing blanks (including the full-width space U+3000) are trimmed off its span. A run longer than
`MAX_SENTENCE` characters (a text without sentence marks) is cut into pieces of at most that length,
each at its last clause mark or blank where it has one. Clauses split a
sentence at ，： and their ASCII forms. Tokens come from a private `jieba.Tokenizer` whose user
dictionary is generated from the ontology gazetteer, so 长春光机所 or 中车长客 stay one token.

Tokenizing is on demand (`JiebaTokens`): jieba cuts each run of Chinese characters, letters and
digits (a *block*: the text between two punctuation marks) on its own, so the tokens around a
position are known by cutting only the block it falls in. The stages ask where tokens start and end
at the positions they care about (the extractor at a name's boundaries, relate at a term inside a
name, targets at a word reporting the present), and the blocks nobody asks about, about two thirds
of the text, are never cut. The tokens are exactly those jieba gives for the whole sentence.
"""

from __future__ import annotations

import io
import logging
import re
from bisect import bisect_right
from collections.abc import Callable, Iterable, Iterator, Sequence
from functools import cache

import jieba

from ingest.lexicon.gazetteer import Gazetteer, default_gazetteer
from jig.core.records import Document, Sentence, Token

log = logging.getLogger(__name__)

_SENTENCE_END = re.compile(r"[。！？；!?;]+[”’」』）)]*|\n+")
_CLAUSE_END = re.compile(r"[，：,:]")
_BLANK = " \t\r\n\u3000\xa0"
#: The longest sentence (the corpus's longest is about 600 characters): the stages' work on a sentence
#: grows with the square of the names in it, so a run without sentence marks is cut into pieces this long.
MAX_SENTENCE = 1000
#: Where an overlong run is cut: after its last clause mark, enumeration comma or blank (in the piece's second half).
_CUT_AFTER = "，,：:、 \u3000\xa0\t"

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

    def tokens(self, view: str) -> JiebaTokens:
        """The jieba tokens of a (simplified) text, cut on demand; offsets into `view`."""
        return JiebaTokens(view, self.tokenizer.cut)

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
            tokens=self.tokens(view),
            clauses=_clause_spans(view, start),
        )


#: What jieba cuts as one block (its own pattern): every other character is a token by itself.
_BLOCK = jieba.re_han_default


class JiebaTokens(Sequence[Token]):
    """The jieba tokens of one sentence's view, blanks left out, cut block by block on demand.

    A block is a run of characters that jieba's `cut` segments as a whole (`_BLOCK`); any other
    character is a token of its own, and a blank no token at all. The questions (`covering`,
    `ending_at`, `starts_at`, `ends_at`, `after`) cut only the block holding the position asked
    about, each block once. Iterating or indexing cuts every block: the tokens, in order, are those of
    `jieba.Tokenizer.tokenize(view)` (blanks dropped), since jieba cuts each block by itself too.
    """

    __slots__ = ("view", "_cut", "_spans", "_span_starts", "_blocks", "_all")

    def __init__(self, view: str, cut: Callable[[str], Iterable[str]]) -> None:
        self.view = view
        self._cut = cut
        self._spans: list[tuple[int, int]] | None = None
        self._span_starts: list[int] = []
        self._blocks: dict[int, tuple[list[int], list[Token]]] = {}
        self._all: tuple[Token, ...] | None = None

    def covering(self, pos: int) -> Token | None:
        """The token holding the character at `pos` (None for a blank or outside the view)."""
        if not 0 <= pos < len(self.view):
            return None
        if self._spans is None:
            self._find_blocks()
        index = bisect_right(self._span_starts, pos) - 1
        if index >= 0 and pos < self._spans[index][1]:
            starts, tokens = self._block(index)
            return tokens[bisect_right(starts, pos) - 1]
        char = self.view[pos]
        return None if char.isspace() else Token(char, pos, pos + 1)

    def ending_at(self, pos: int) -> Token | None:
        """The token that ends exactly at `pos`, if any."""
        token = self.covering(pos - 1) if pos > 0 else None
        return token if token is not None and token.end == pos else None

    def starts_at(self, pos: int) -> bool:
        """Whether a token starts at `pos` (known without cutting where a block starts)."""
        if self._edge(pos, 0):
            return True
        token = self.covering(pos)
        return token is not None and token.start == pos

    def ends_at(self, pos: int) -> bool:
        """Whether a token ends at `pos` (known without cutting where a block ends)."""
        return self._edge(pos, 1) or self.ending_at(pos) is not None

    def _edge(self, pos: int, side: int) -> bool:
        """Whether `pos` is where a block starts (`side` 0) or ends (1)."""
        if self._spans is None:
            self._find_blocks()
        index = bisect_right(self._span_starts, pos - side) - 1
        return index >= 0 and self._spans[index][side] == pos

    def after(self, pos: int) -> str:
        """The word of the token starting at `pos` ('' if none does, as at the end of the view)."""
        token = self.covering(pos)
        return token.word if token is not None and token.start == pos else ""

    def between(self, start: int, end: int) -> list[Token]:
        """The tokens lying inside ``[start, end)``, in order, cutting only the blocks there."""
        if self._all is not None:
            return [t for t in self._all if start <= t.start and t.end <= end]
        if self._spans is None:
            self._find_blocks()
        tokens: list[Token] = []
        pos = start
        for index in range(max(bisect_right(self._span_starts, start) - 1, 0), len(self._spans)):
            block_start, block_end = self._spans[index]
            if block_start >= end:
                break
            if block_end <= start:
                continue
            tokens.extend(self._singles(pos, block_start))
            tokens.extend(t for t in self._block(index)[1] if start <= t.start and t.end <= end)
            pos = block_end
        tokens.extend(self._singles(pos, end))
        return tokens

    def __getitem__(self, index):  # type: ignore[override]  # int or slice, as a tuple's
        return self._every()[index]

    def __len__(self) -> int:
        return len(self._every())

    def __iter__(self) -> Iterator[Token]:
        return iter(self._every())

    def __repr__(self) -> str:
        return f"JiebaTokens({self.view!r}, {len(self._blocks)} blocks cut)"

    def _find_blocks(self) -> None:
        self._spans = [match.span() for match in _BLOCK.finditer(self.view)]
        self._span_starts = [start for start, _ in self._spans]

    def _block(self, index: int) -> tuple[list[int], list[Token]]:
        """Start offsets and tokens of a block, cut on first use."""
        block = self._blocks.get(index)
        if block is None:
            start, end = self._spans[index]
            starts: list[int] = []
            tokens: list[Token] = []
            for word in self._cut(self.view[start:end]):
                starts.append(start)
                tokens.append(Token(word, start, start + len(word)))
                start += len(word)
            block = self._blocks[index] = (starts, tokens)
        return block

    def _every(self) -> tuple[Token, ...]:
        if self._all is None:
            if self._spans is None:
                self._find_blocks()
            tokens: list[Token] = []
            pos = 0
            for index, (start, end) in enumerate(self._spans):
                tokens.extend(self._singles(pos, start))
                tokens.extend(self._block(index)[1])
                pos = end
            tokens.extend(self._singles(pos, len(self.view)))
            self._all = tuple(tokens)
        return self._all

    def _singles(self, start: int, end: int) -> Iterator[Token]:
        """The one-character tokens between two blocks."""
        return (Token(char, pos, pos + 1)
                for pos, char in enumerate(self.view[start:end], start) if not char.isspace())


def sentence_spans(view: str) -> Iterator[tuple[int, int]]:
    """(start, end) offsets of the non-blank sentences of a text, none longer than MAX_SENTENCE."""
    start = 0
    for match in _SENTENCE_END.finditer(view):
        yield from _bounded(view, start, match.end() if view[match.start()] != "\n" else match.start())
        start = match.end()
    yield from _bounded(view, start, len(view))


def _bounded(view: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """The trimmed span `view[start:end]`, in pieces of at most MAX_SENTENCE characters."""
    while end - start > MAX_SENTENCE:
        limit = start + MAX_SENTENCE
        cut = max(view.rfind(mark, start + MAX_SENTENCE // 2, limit) for mark in _CUT_AFTER) + 1 or limit
        span = _trimmed(view, start, cut)
        if span is not None:
            yield span
        start = cut
    span = _trimmed(view, start, end)
    if span is not None:
        yield span


def _clause_spans(view: str, offset: int) -> tuple[tuple[int, int], ...]:
    spans = []
    start = 0
    for end in [*(match.end() for match in _CLAUSE_END.finditer(view)), len(view)]:
        span = _trimmed(view, start, end)
        if span is not None:
            spans.append((span[0] + offset, span[1] + offset))
        start = end
    return tuple(spans)


def _trimmed(text: str, start: int, end: int) -> tuple[int, int] | None:
    """`text[start:end]` without blanks at either end, or None if nothing else is left."""
    while start < end and text[start] in _BLANK:
        start += 1
    while end > start and text[end - 1] in _BLANK:
        end -= 1
    return (start, end) if end > start else None

"""Entity mentions: curated names from the gazetteer, new names found by their form.

One Aho-Corasick pass over each sentence's `view` finds every gazetteer surface form; one compiled
regex finds every name suffix of `ingest.extract.forms`, whose head is delimited by the sentence's jieba
tokens; `ingest.extract.technology` finds technologies by their form (…技术, …传感器), `quoted` programmes
in quotes (“双十”工程), `places` places outside the gazetteer, `enumerations` listed industries,
`local_bodies` bodies written without their place (市政府), and the learned tagger (`learned`) names the
rules missed. Abbreviations introduced in the text (（简称“XX院”）) are handled here; a 《…》 title is a
document, never a mention itself, though the names inside it (its issuers) are. Mentions nest: the
outermost name is emitted and so is every name inside it (吉林大学汽车工程研究院 → also 吉林大学), each level
once, without overlaps.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from functools import cache

import ahocorasick

from ingest.extract import boundary, enumerations, forms, learned, local_bodies, places, quoted, technology
from ingest.extract.forms import Span
from ingest.extract.tagger import SpanTagger, TaggedSpan
from ingest.lexicon.gazetteer import Gazetteer
from jig.core.records import Mention, Sentence, SentenceTokens
from jig.core.schema import KINDS, Label

log = logging.getLogger(__name__)

_FOCI = (Label.INDUSTRY, Label.TECHNOLOGY)
_COMPANY_ENDINGS = ("公司", "集团")
#: Gazetteer forms this long are specific enough to match inside a longer jieba token.
_SPECIFIC_LENGTH = 4


@dataclass(frozen=True)
class _Candidate:
    """A possible mention, sentence-local.

    `suffix_start` marks where a form-found name's suffix starts; `aligned` is False for a short
    gazetteer form cutting through a jieba token (长客 in 增长客观), which may only nest in a name.
    `level` marks a body written without its place (市政府: 市), `implied_name` its name once bound.
    """

    start: int
    end: int
    label: Label
    kind: str
    source: str
    gazetteer_id: str | None = None
    suffix_start: int | None = None
    aligned: bool = True
    level: str | None = None
    implied_name: str | None = None

    @property
    def length(self) -> int:
        return self.end - self.start

    def inside(self, other: _Candidate) -> bool:
        return other.start <= self.start and self.end <= other.end and self.length < other.length

    def span(self) -> Span:
        return Span(self.start, self.end, self.label, self.kind)


class Extractor:
    """Finds entity mentions in sentences. Build once per gazetteer; `run` is linear in the text.

    With a `tagger`, the learned span tagger proposes names the rules did not find: a proposal is kept
    when it is likely enough (`ingest.extract.learned.THRESHOLD`), overlaps no rule's name except by containing it
    whole (an outer name the rules missed), and is not a bare class word; rules and the gazetteer win
    everywhere else, since they give the canonical entity.
    """

    @staticmethod
    @cache
    def shared(gazetteer: Gazetteer, *, learned: bool = True) -> Extractor:
        """The process-wide extractor of a gazetteer, with the committed tagger model when `learned`."""
        return Extractor(gazetteer, SpanTagger.load() if learned else None)

    def __init__(self, gazetteer: Gazetteer, tagger: SpanTagger | None = None) -> None:
        self.gazetteer = gazetteer
        self.tagger = tagger
        self._automaton = _automaton({form: entry for form, entry in gazetteer.surfaces().items() if len(form) > 1})
        self._industry_forms = frozenset(
            form for form, entry in gazetteer.surfaces().items() if entry.label in (Label.INDUSTRY, Label.TECHNOLOGY)
        ) | frozenset(k for e in gazetteer.entries if e.label in (Label.INDUSTRY, Label.TECHNOLOGY) for k in e.keywords)
        forms.word_tags()

    def run(self, sentences: Iterable[Sentence]) -> list[Mention]:
        """Every mention in `sentences`, in sentence order, then by start (outer names before inner ones)."""
        sentences = list(sentences)
        per_sentence: list[list[_Candidate]] = []
        abbreviations: dict[str, _Candidate] = {}
        for sentence in sentences:
            chosen, defined = self._sentence(sentence)
            per_sentence.append(chosen)
            for short, full in defined.items():
                abbreviations.setdefault(short, full)
        if abbreviations:
            self._abbreviation_uses(sentences, per_sentence, abbreviations)
        self._bind_bare_bodies(sentences, per_sentence)
        mentions = [
            _mention(sentence, candidate)
            for sentence, chosen in zip(sentences, per_sentence, strict=True)
            for candidate in sorted(chosen, key=lambda c: (c.start, -c.end))
        ]
        log.debug("%d mentions in %d sentences", len(mentions), len(sentences))
        return mentions

    # --- one sentence --------------------------------------------------------------------------

    def _sentence(self, sentence: Sentence) -> tuple[list[_Candidate], dict[str, _Candidate]]:
        view = sentence.view
        sv = sentence.tokens
        hits = self._gazetteer_hits(sv)
        hits += _counties(sv, hits)
        suffixes = list(forms.suffix_pattern().finditer(view))
        names = self._form_names(sv, hits, suffixes)
        candidates = (hits + names + _fields_in_names(sv, hits, names) + _quoted_programmes(sv, hits) + _districts(sv, hits)
                      + _technologies(sv, hits + names, suffixes) + _listed(sv, hits) + _bare_bodies(sv)
                      + _committees(sv, hits))
        if self.tagger is not None and (unexplained := _unexplained(suffixes, candidates)):
            windows = learned.windows(view, unexplained)
            proposals = self.tagger.propose(sentence, [(w.start, w.end) for w in windows])
            candidates += _learned(proposals, candidates, view, {w.start for w in windows if w.cut})
        chosen = _select(candidates)
        defined: dict[str, _Candidate] = {}
        for match in forms.ABBREVIATION.finditer(view):
            full = max((c for c in chosen if c.end == match.start()), key=lambda c: c.length, default=None)
            if full is None:
                continue
            short = _Candidate(match.start(1), match.end(1), full.label, full.kind, "form")
            if _claim(chosen, short):
                defined[view[short.start:short.end]] = short
        return chosen, defined

    def _gazetteer_hits(self, sv: SentenceTokens) -> list[_Candidate]:
        hits = []
        for last, (form, entry) in self._automaton.iter(sv.view):
            start, end = last - len(form) + 1, last + 1
            if _glued(sv, start, end):
                continue
            aligned = len(form) >= _SPECIFIC_LENGTH or (sv.starts_at(start) and sv.ends_at(end))
            hits.append(_Candidate(start, end, entry.label, entry.kind, "gazetteer", entry.id, aligned=aligned))
        return hits

    def _form_names(self, sv: SentenceTokens, hits: list[_Candidate],
                    suffixes: list[re.Match[str]]) -> list[_Candidate]:
        view = sv.view
        known = [h for h in hits if h.aligned]
        name_ends = frozenset([h.end for h in known] + [m.end() for m in suffixes])
        name_starts = frozenset(h.start for h in known if h.label not in (Label.INDUSTRY, Label.TECHNOLOGY))
        quotes = [(m.start(), m.end()) for m in quoted.QUOTE.finditer(view)]
        found: list[_Candidate] = []
        for match in suffixes:
            form = forms.form_of(match.group())
            if (form.closed and not boundary.closed_at(sv, match.end())) or any(
                    h.start < match.end() < h.end for h in known):
                continue  # the suffix does not end the phrase, or a curated name runs on past it
            floor = max([q + 1 for q, e in quotes if q < match.start() < e] + [0])
            start = boundary.left_boundary(sv, match.start(), floor, name_ends, name_starts, programme=form.closed)
            if form.label is Label.PROGRAM and (boundary.classified(sv, start)
                                                or view[start:match.start()].endswith(_COMPANY_ENDINGS)):
                continue  # a kind of programme (规划类…工程), or what a company plans (…有限公司计划投资)
            spans = [c.span() for c in hits + found]
            head = boundary.analyse_head(sv, start, match.start(), spans, self._is_industry(view))
            if not boundary.head_is_name(form.head, head, view[start:match.start()]):
                continue
            start = _after_juxtaposed_body(_with_prefix(view, start, floor), match.start(), hits)
            label, kind = _refine(form, start, match.start(), known + found)
            found.append(_Candidate(start, match.end(), label, kind, "form", suffix_start=match.start()))
        return found

    def _is_industry(self, view: str):
        return lambda start, end: view[start:end] in self._industry_forms

    # --- bodies written without their place: the nearest place before them ----------------------

    def _bind_bare_bodies(self, sentences: Sequence[Sentence], per_sentence: list[list[_Candidate]]) -> None:
        places: dict[str, str] = {"省": local_bodies.HOME_PROVINCE}
        for sentence, chosen in zip(sentences, per_sentence, strict=True):
            bound = []
            for candidate in sorted(chosen, key=lambda c: (c.start, -c.end)):
                if candidate.label is Label.REGION and candidate.kind in local_bodies.LEVEL_KINDS.values():
                    place = self._place_name(sentence, candidate)
                    places[place[-1]] = place
                if candidate.level is None:
                    bound.append(candidate)
                elif candidate.level in places:
                    name = local_bodies.implied_name(places[candidate.level],
                                                     sentence.view[candidate.start:candidate.end])
                    bound.append(replace(candidate, implied_name=name))
            chosen[:] = bound

    def _place_name(self, sentence: Sentence, place: _Candidate) -> str:
        if place.gazetteer_id is not None and place.gazetteer_id in self.gazetteer:
            return self.gazetteer.get(place.gazetteer_id).name
        return sentence.view[place.start:place.end]

    # --- abbreviations defined in one sentence and used in others ------------------------------

    def _abbreviation_uses(self, sentences: Sequence[Sentence], per_sentence: list[list[_Candidate]],
                           abbreviations: dict[str, _Candidate]) -> None:
        automaton = _automaton(abbreviations)
        for sentence, chosen in zip(sentences, per_sentence, strict=True):
            for last, (short, full) in automaton.iter(sentence.view):
                _claim(chosen, _Candidate(last - len(short) + 1, last + 1, full.label, full.kind, "form"))


def _unexplained(suffixes: list[re.Match[str]], candidates: list[_Candidate]) -> list[int]:
    """Where a name ending ends no name the rules found: where the tagger may add one."""
    ends = {c.end for c in candidates}
    return [m.end() for m in suffixes if m.end() not in ends]


def _bare_bodies(sv: SentenceTokens) -> list[_Candidate]:
    """Bodies written without their place (市政府, 县科技局); bound to a place in `Extractor.run`."""
    return [_Candidate(b.start, b.end, Label.INSTITUTION, b.kind, "form", level=b.level)
            for b in local_bodies.bare_bodies(sv)]


def _committees(sv: SentenceTokens, hits: list[_Candidate]) -> list[_Candidate]:
    """Party committees written short after their place: 长春市委, 吉林省委."""
    return [_Candidate(h.start, h.end + 1, Label.INSTITUTION, "Government", "form", suffix_start=h.end)
            for h in hits
            if h.label is Label.REGION and sv.starts_at(h.start) and local_bodies.is_committee_after(sv.view, h.end)]


def _fields_in_names(sv: SentenceTokens, hits: list[_Candidate], names: list[_Candidate]) -> list[_Candidate]:
    """The industry a platform or alliance found by its form is about (吉林省细胞产业科技创新联合体 → 细胞)."""
    known_ends = [k.end for k in hits if k.label is Label.REGION]
    found = []
    for name in names:
        if name.label in (Label.PLATFORM, Label.ALLIANCE):
            field = enumerations.field_in_name(sv, name.start, name.end, known_ends)
            if field is not None and not any(h.start <= field.start and field.end <= h.end and h.label in _FOCI
                                             for h in hits):
                found.append(_Candidate(field.start, field.end, Label.INDUSTRY, KINDS[Label.INDUSTRY][0], "form"))
    return found


def _listed(sv: SentenceTokens, hits: list[_Candidate]) -> list[_Candidate]:
    """Items of a list of industries or technologies (汽车、石化、医药健康产业) that no curated name covers."""
    return [
        _Candidate(item.start, item.end, item.label, KINDS[item.label][0], "form")
        for item in enumerations.listed_fields(sv)
        if not any(h.start <= item.start and item.end <= h.end for h in hits)
    ]


def _learned(proposals: Iterable[TaggedSpan], rules: list[_Candidate], view: str,
             cut_starts: set[int]) -> list[_Candidate]:
    """The tagger's names that the rules did not find, crossing none of the rules' names."""
    return [
        _Candidate(name.start, name.end, name.label, name.kind, "learned")
        for name in learned.new_names(proposals, [(r.start, r.end) for r in rules], view, cut_starts)
    ]


def _automaton(table: dict[str, object]) -> ahocorasick.Automaton:
    automaton = ahocorasick.Automaton()
    for form, value in table.items():
        automaton.add_word(form, (form, value))
    automaton.make_automaton()
    return automaton


def _refine(form: forms.NameForm, start: int, suffix_start: int, known: list[_Candidate]) -> tuple[Label, str]:
    """A 研究院/研究所 named after a university or enterprise is one of its platforms, not an institution;
    so is a 创新研究院 not named after a place (医工结合创新研究院; but 吉林省科技创新研究院 is an institute)."""
    hosted = any(start <= k.start and k.end <= suffix_start and k.label is Label.INSTITUTION
                 and k.kind in ("University", "Enterprise") for k in known)
    placed = any(k.start == start and k.label is Label.REGION for k in known)
    if (form.suffix in ("研究院", "研究所", "创新研究院") and hosted) or (form.suffix == "创新研究院" and not placed):
        return Label.PLATFORM, "IndustryResearchInstitute"
    return form.label, form.kind


def _glued(sv: SentenceTokens, start: int, end: int) -> bool:
    """Whether a short curated form runs into the next character, left alone by the tokenizer, that
    makes a word with its last one: 科技部 in 科技部门 (部门), whatever jieba made of it."""
    if end - start >= _SPECIFIC_LENGTH or end >= len(sv.view):
        return False
    if sv.view[end - 1:end + 1] not in forms.word_tags():  # checked first: it needs no jieba cut
        return False
    following = sv.covering(end)
    return following is not None and following[2] - following[1] == 1


def _after_juxtaposed_body(start: int, suffix_start: int, known: list[_Candidate]) -> int:
    """Start after a government body directly followed by a place or by another body: two issuers side by
    side (中共吉林省委吉林省人民政府 → 吉林省人民政府, 省委省政府 → 省政府), not a body and its own institute
    (中科院长春…所)."""
    nexts = {k.start for k in known if start < k.start < suffix_start
             and (k.label is Label.REGION or k.kind == "Government")}
    bodies = [k.end for k in known if k.kind == "Government" and start <= k.start and k.end in nexts]
    return max(bodies, default=start)


def _with_prefix(view: str, start: int, floor: int) -> int:
    for prefix in forms.NAME_PREFIXES:
        if start - len(prefix) >= floor and view.startswith(prefix, start - len(prefix)):
            return start - len(prefix)
    return start


def _quoted_programmes(sv: SentenceTokens, hits: list[_Candidate]) -> list[_Candidate]:
    """Programmes named in quotes (`ingest.extract.quoted`); a quote holding a curated programme is that one."""
    curated = [(h.start, h.end) for h in hits if h.label is Label.PROGRAM]
    return [_Candidate(q.start, q.end, Label.PROGRAM, q.kind, "form", suffix_start=q.suffix_start)
            for q in quoted.programmes(sv, curated)]


def _districts(sv: SentenceTokens, hits: list[_Candidate]) -> list[_Candidate]:
    """Districts and counties named with their city (长春市绿园区): `ingest.extract.places.districts`."""
    cities = [h.end for h in hits if h.label is Label.REGION and h.kind == "City" and h.aligned]
    starts = {h.end: h.start for h in hits if h.label is Label.REGION and h.kind == "City" and h.aligned}
    return [_Candidate(starts.get(p.city_end, p.city_end), p.end, Label.REGION, p.kind, "form",
                       suffix_start=p.city_end if p.city_end in starts else None)
            for p in places.districts(sv, cities)]


def _counties(sv: SentenceTokens, hits: list[_Candidate]) -> list[_Candidate]:
    """Places the gazetteer does not hold, known to jieba's dictionary: `ingest.extract.places.dictionary_places`."""
    return [_Candidate(p.start, p.end, Label.REGION, p.kind, "form")
            for p in places.dictionary_places(sv, [(h.start, h.end) for h in hits])]


def _technologies(sv: SentenceTokens, known: list[_Candidate], suffixes: list[re.Match[str]]) -> list[_Candidate]:
    """Technologies found by form (`ingest.extract.technology`), delimited by the names around them."""
    quotes = [(q.start(), q.end()) for q in quoted.QUOTE.finditer(sv.view)]
    spans = [k.span() for k in known if k.aligned]
    name_suffixes = [m.span() for m in suffixes if forms.form_of(m.group()).label is not Label.PROGRAM]
    return [_Candidate(t.start, t.end, Label.TECHNOLOGY, "Technology", "form")
            for t in technology.technologies(sv, spans, name_suffixes, quotes)]


def _select(candidates: list[_Candidate]) -> list[_Candidate]:
    """Outermost names without overlaps, then the names nested in each, level by level."""
    return _layer([c for c in candidates if c.aligned], candidates)


def _layer(pool: list[_Candidate], everything: list[_Candidate]) -> list[_Candidate]:
    chosen: list[_Candidate] = []
    for candidate in sorted(pool, key=lambda c: (-c.length, c.start, c.source != "gazetteer")):
        if not any(_overlaps(candidate, c) for c in chosen):
            chosen.append(candidate)
    result = list(chosen)
    for outer in chosen:
        inner = [c for c in everything if c.inside(outer) and _may_nest(c, outer)]
        if inner:
            result.extend(_layer(inner, inner))
    return result


def _may_nest(inner: _Candidate, outer: _Candidate) -> bool:
    """Nested names: not the outer entity again nor a shorter form of it (吉林敖东药业集团 in 吉林敖东药业集团
    股份有限公司), not a piece of the outer name's suffix (全国重点实验室),
    not a place closing a longer curated name (白山 in 长白山) nor inside a curated place (东北 in
    东北亚), not a two-character curated name
    inside another (吉大 in 吉大正元), and no industry or technology inside an institution's name
    (化工 in 吉林化工学院) or inside another industry or technology (新能源 in 新能源汽车)."""
    if inner.gazetteer_id is not None and inner.gazetteer_id == outer.gazetteer_id:
        return False
    if inner.label in _FOCI and (outer.label in _FOCI or outer.label is Label.INSTITUTION):
        return False
    if inner.start == outer.start and inner.kind == outer.kind == "Enterprise":
        return False
    if outer.source == "gazetteer" and inner.label is Label.REGION:
        return inner.end != outer.end and outer.label is not Label.REGION
    if outer.source == "gazetteer" and inner.source == "gazetteer":
        return inner.length > 2
    return outer.suffix_start is None or inner.start < outer.suffix_start


def _claim(chosen: list[_Candidate], abbreviation: _Candidate) -> bool:
    """Add an abbreviation's span unless a name overlaps it; words inside it (光电 in 光电院) give way."""
    if any(_overlaps(abbreviation, c) and not c.inside(abbreviation) for c in chosen):
        return False
    chosen[:] = [c for c in chosen if not c.inside(abbreviation)]
    chosen.append(abbreviation)
    return True


def _overlaps(a: _Candidate, b: _Candidate) -> bool:
    return a.start < b.end and b.start < a.end


def _mention(sentence: Sentence, candidate: _Candidate) -> Mention:
    return Mention(
        sentence_id=sentence.id,
        doc_id=sentence.doc_id,
        start=sentence.start + candidate.start,
        end=sentence.start + candidate.end,
        surface=sentence.text[candidate.start:candidate.end],
        normalized=sentence.view[candidate.start:candidate.end],
        label=candidate.label,
        kind=candidate.kind,
        source=candidate.source,
        gazetteer_id=candidate.gazetteer_id,
        implied_name=candidate.implied_name,
    )

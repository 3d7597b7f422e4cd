"""Typed relations between resolved entities, each with its evidence sentences, plus co-mentions.

Four sources of typed edges, all checked against the endpoint labels of `jig/core/schema.py`:

1. Cue rules (`ontology/data/cues.yaml`): a cue word outside any name (依托, 牵头, 支持, 围绕 …) and
   its arguments picked by position — the nearest entity of an allowed label before or after the
   cue, within the cue's clause or the sentence, extended over enumerations (X、Y和Z).
2. Names: a name containing another name (吉林大学汽车工程研究院 ⊃ 吉林大学 → HOSTED_BY; 长春高新区 ⊃
   长春 → LOCATED_IN; 中科院长春光机所 ⊃ 中科院 → PART_OF) or an industry keyword (汽车产业技术创新战略联盟
   → FOCUSES_ON 汽车). The keyword is recorded as the edge's cue: it is in the evidence sentence,
   inside the name. An institution's name alone anchors nothing (吉林化工学院, 东北黑土地研究院); but
   when a sentence calls it a leader (龙头, 骨干 …) without naming the industry, the industry its name
   carries stands in (中国北车长春轨道客车股份有限公司 … 中车长客等龙头企业), with a low weight and both
   sentences as evidence.
3. The gazetteer's `parent` links, only when the child's name as written carries its parent's name
   (中科院长春光机所, 长春市绿园区): two places named in one sentence state no hierarchy.
4. ANCHORS derived from an institution hosting, leading or being supported for something that
   focuses on an industry; the evidence of both underlying edges is kept.

Run-in headings (a sentence that only names industries, 汽车产业。) give the following sentences of
their passage a topic, which ANCHORS statements may use when the sentence names no industry (before
the industry of the institution's name).
A class word opening a sentence or clause (该中心…, 孵化器由…建设, ，工作站主攻…) stands for the last
platform, zone or alliance of the two sentences before it whose name ends with that word; it takes
part in the cue rules of its sentence as that entity.
CO_MENTIONED links every pair of distinct entities of a sentence; it never makes a typed edge.

Each sentence is scanned once, by one Aho-Corasick automaton holding every cue word and every
industry/technology term; only sentences naming an entity are scanned, and the cue rules run only
where a relation can have both ends (two entities, or one under a run-in heading).
"""

from __future__ import annotations

import logging
import re
from collections import defaultdict
from collections.abc import Iterator, Sequence
from itertools import combinations

from ingest.lexicon.cues import ArgSpec, CueLexicon, CueRule, default_cues
from ingest.lexicon.gazetteer import Gazetteer
from ingest.relate.anaphora import ANAPHOR_LABELS, ANAPHOR_REACH, same_paragraph, with_anaphors
from ingest.relate.anchors import anchoring_party, can_anchor
from ingest.relate.findings import (
    Arg,
    Found,
    Topic,
    as_found,
    co_mention,
    evidence_of,
    merge,
    nested_in,
    overlap,
    with_outer,
)
from ingest.relate.scan import FOCI, Cue, Hit, Scan, build_automaton, terms_in
from jig.core.records import Edge, Entity, Evidence, Resolution, Sentence
from jig.core.schema import RELATIONS, Label, RelType

log = logging.getLogger(__name__)

#: Relation types read from a name containing another name, by (outer label, inner label).
_CONTAINMENT: dict[tuple[Label, Label], RelType] = {
    (Label.PLATFORM, Label.INSTITUTION): RelType.HOSTED_BY,
    **{(label, label): RelType.PART_OF for label in (Label.INSTITUTION, Label.PLATFORM, Label.ZONE, Label.REGION)},
    **{(outer, inner): RelType.LOCATED_IN
       for outer in (Label.INSTITUTION, Label.PLATFORM, Label.ALLIANCE, Label.ZONE, Label.REGION)
       for inner in (Label.REGION, Label.ZONE) if outer != inner},
}


#: Numbering that opens a section or an item: 一、 （一） 1． 1. (1)
_NUMBERING = re.compile(r"^\s*(?:[（(][一二三四五六七八九十\d]+[）)]|[一二三四五六七八九十]+、|\d+\s*[.．、])\s*")
#: Words opening the list of someone's partners (与X、Y合作).
_PARTNER_WORDS = ("与", "同", "跟", "和")
#: At most this many characters of unnamed list items may stand between two names of one list.
_LIST_ITEMS_CHARS = 12
_CLAUSE_BREAK = re.compile(r"[，,；;。：:]")
_TRAILING_PUNCT = "。．.：:！!；;，, \u3000"
#: Characters that may stand between a cue and an adjacent argument.
_QUOTES = " “”\"‘’"
#: Class words that refer back to a named platform, zone or alliance (该中心 → …工程技术研究中心).


def relate(sentences: Sequence[Sentence], resolution: Resolution, gazetteer: Gazetteer) -> list[Edge]:
    """Typed edges and CO_MENTIONED edges between the entities of `resolution`.

    Duplicates (same source, type, target) are merged across sentences and documents: the weight
    sums, per evidence sentence, the strongest cue of that sentence; `evidence` lists the verbatim
    sentences; `cues` the cue words. Edges whose endpoints are not entities of `resolution`, or whose
    labels the ontology does not allow for the type, are never returned.
    """
    return _Relater(resolution, gazetteer, default_cues()).run(sentences)


class _Relater:
    """Applies the cue rules, name containment, gazetteer parents and derivations to sentences."""

    def __init__(self, resolution: Resolution, gazetteer: Gazetteer, lexicon: CueLexicon) -> None:
        self.entities: dict[str, Entity] = {e.id: e for e in resolution.entities}
        self.gazetteer = gazetteer
        self.lexicon = lexicon
        self.automaton = build_automaton(lexicon, gazetteer)
        self.list_words = sorted({*lexicon.enumeration, *lexicon.alias_words}, key=len, reverse=True)
        self.args = self._index(resolution)
        #: Industries named inside each institution's names, with the word and the sentence: filled by
        #: `_by_name`; statements whose target the source's name must supply, filled by `_directed`.
        self.name_foci: dict[str, dict[str, tuple[str, Evidence]]] = defaultdict(dict)
        self.unfilled: list[Found] = []

    def run(self, sentences: Sequence[Sentence]) -> list[Edge]:
        topics = self._topics(sentences)
        found: list[Found] = []
        co_mentions: dict[tuple[str, str], list[Evidence]] = defaultdict(list)
        recent: list[list[Arg]] = []  # named platforms, zones, alliances, institutions of the paragraph so far
        previous: Sentence | None = None
        for sentence in sentences:
            if not same_paragraph(previous, sentence):
                recent = []
            previous = sentence
            named = [a for a in self.args.get(sentence.id, []) if a.outer and a.label in ANAPHOR_LABELS]
            args = with_anaphors(sentence, self.args.get(sentence.id, []), recent, self.entities)
            recent = [*recent, named][-ANAPHOR_REACH:]
            if not args:
                continue
            scan = self._scan(sentence, args)
            topic = topics.get(sentence.id)
            found.extend(self._by_name(sentence, args, scan))
            found.extend(self._by_parent(sentence, args))
            if scan.cues:
                found.extend(self._by_cue(sentence, args, scan, topic))
            co_mention(sentence, args, co_mentions)
        found.extend(self._filled_by_name())
        typed = merge(f for f in found if self._allowed(f))
        derived = self._derived_anchors(typed)
        edges = merge([*as_found(typed), *derived]) + [
            Edge(one, RelType.CO_MENTIONED, two, float(len(evidence)), tuple(evidence))
            for (one, two), evidence in co_mentions.items()]
        log.info("related %d sentences: %d edges", len(sentences), len(edges))
        return sorted(edges, key=lambda e: (e.type, e.source, e.target))

    # --- input -------------------------------------------------------------------------------

    def _index(self, resolution: Resolution) -> dict[str, list[Arg]]:
        spans: dict[str, dict[tuple[int, int, str], Arg]] = defaultdict(dict)
        for resolved in resolution.mentions:
            mention, entity = resolved.mention, self.entities.get(resolved.entity_id)
            if entity is None:
                log.debug("mention %r resolved to an unknown entity %s", mention.surface, resolved.entity_id)
                continue
            key = (mention.start, mention.end, entity.id)
            spans[mention.sentence_id][key] = Arg(entity.id, entity.label, entity.kind, mention.start,
                                                   mention.end, True)
        index: dict[str, list[Arg]] = {}
        for sentence_id, by_span in spans.items():
            args = sorted(by_span.values(), key=lambda a: (a.start, -a.end, a.entity_id))
            index[sentence_id] = [with_outer(a, args) for a in args]
        return index

    def _scan(self, sentence: Sentence, args: list[Arg]) -> Scan:
        """Cue words outside every name and industry terms of one sentence, in one automaton pass."""
        cues: list[Hit] = []
        terms: list[Hit] = []
        for last, (word, rules, term_ids) in self.automaton.iter(sentence.view):
            end = sentence.start + last + 1
            start = end - len(word)
            if rules and not any(a.start <= start and end <= a.end for a in args):
                cues.append(Hit(start, end, word, rules))
            present = next((i for i in term_ids if i in self.entities), None)
            if present is not None:
                terms.append(Hit(start, end, word, (), present))
        terms.sort(key=lambda h: (h.start - h.end, h.word, h.start))
        return Scan(sentence, tuple(cues), tuple(terms))

    def _label(self, entity_id: str) -> Label:
        return self.entities[entity_id].label

    def _allowed(self, found: Found) -> bool:
        if found.source == found.target or found.source not in self.entities or found.target not in self.entities:
            return False
        relation = RELATIONS[found.type]
        source, target = self.entities[found.source], self.entities[found.target]
        if found.type is RelType.SUPPORTS and source.label is Label.INSTITUTION and source.kind != "Government":
            return False
        if found.type is RelType.PART_OF and source.label is not target.label:
            return False
        return source.label in relation.sources and target.label in relation.targets

    # --- run-in headings -------------------------------------------------------------------

    def _topics(self, sentences: Sequence[Sentence]) -> dict[str, Topic]:
        """For each sentence under a run-in heading, the heading's industries (until the passage ends)."""
        topics: dict[str, Topic] = {}
        current: Topic | None = None
        previous: Sentence | None = None
        for sentence in sentences:
            new_passage = (previous is None or previous.doc_id != sentence.doc_id or previous.end != sentence.start
                           or _NUMBERING.match(sentence.view) is not None)
            previous = sentence
            heading = self._heading(sentence)
            if heading:
                current = Topic(heading, sentence)
            elif new_passage:
                current = None
            elif current is not None:
                topics[sentence.id] = current
        return topics

    def _heading(self, sentence: Sentence) -> tuple[Arg, ...]:
        """The industries of a sentence that names nothing but industries (汽车产业。), else ()."""
        industries = [a for a in self.args.get(sentence.id, []) if a.label is Label.INDUSTRY and a.outer]
        if not industries:
            return ()
        rest = list(sentence.view)
        for arg in industries:
            rest[arg.start - sentence.start:arg.end - sentence.start] = [""] * (arg.end - arg.start)
        leftover = _NUMBERING.sub("", "".join(rest)).strip(_TRAILING_PUNCT)
        for word in sorted(self.lexicon.heading_words, key=len, reverse=True):
            leftover = leftover.replace(word, "")
        return tuple(industries) if not leftover.strip(_TRAILING_PUNCT) else ()

    # --- names and gazetteer -----------------------------------------------------------------

    def _by_name(self, sentence: Sentence, args: list[Arg], scan: Scan) -> Iterator[Found]:
        evidence = (evidence_of(sentence),)
        strength = self.lexicon.name_strength
        for outer in args:
            inside = [a for a in args if nested_in(a, outer)]
            inner_args = [a for a in inside  # names directly inside this one, not inside one of those
                          if a.entity_id != outer.entity_id and not any(nested_in(a, b) for b in inside)]
            foci: dict[str, str] = {}  # focus entity id -> the word inside the name that names it
            for inner in inner_args:
                relation = _CONTAINMENT.get((outer.label, inner.label))
                if inner.label in FOCI:
                    foci.setdefault(inner.entity_id, sentence.view[inner.start - sentence.start:inner.end - sentence.start])
                # a parent's name heads its child's (中国科学院长春分院); 长白山 is no part of 白山; of two
                # institutions written together (中科院长春地理所…设施) the second, the unit, is the host
                elif relation is not None and not (relation is RelType.PART_OF and inner.start != outer.start) \
                        and not (relation is RelType.HOSTED_BY and any(
                            a.start == inner.end and a.label is Label.INSTITUTION for a in inner_args)) \
                        and not (relation is RelType.LOCATED_IN and self._broader(inner, inner_args)):
                    yield Found(outer.entity_id, relation, inner.entity_id, strength, evidence)
            for focus, word in terms_in(scan, outer.start, outer.end).items():
                foci.setdefault(focus, word)
            for focus, word in foci.items():
                if outer.label is not Label.INSTITUTION:
                    yield Found(outer.entity_id, RelType.FOCUSES_ON, focus, strength, evidence, (word,))
                elif outer.kind != "Government":
                    self.name_foci[outer.entity_id].setdefault(focus, (word, evidence[0]))

    def _broader(self, place: Arg, names: list[Arg]) -> bool:
        """Whether another of the names is a place inside `place` (中国 in 中国北车长春…: 长春 is more
        specific), by the gazetteer's parent links."""
        return any(place.entity_id in self._ancestors(other.entity_id) for other in names if other is not place)

    def _ancestors(self, entity_id: str) -> set[str]:
        found: set[str] = set()
        while entity_id in self.gazetteer and (entity_id := self.gazetteer.get(entity_id).parent) and entity_id not in found:
            found.add(entity_id)
        return found

    def _filled_by_name(self) -> Iterator[Found]:
        """Statements that left their target to the source's name (X等龙头企业), with the industries the
        source's names carry: the statement's sentence and the name's sentence are the evidence."""
        for claim in self.unfilled:
            for focus, (word, named_in) in self.name_foci.get(claim.source, {}).items():
                evidence = tuple({e.sentence_id: e for e in (*claim.evidence, named_in)}.values())
                yield Found(claim.source, claim.type, focus, min(claim.strength, self.lexicon.name_anchor_strength),
                             evidence, (*claim.cues, word))

    def _by_parent(self, sentence: Sentence, args: list[Arg]) -> Iterator[Found]:
        for arg in args:
            if arg.entity_id not in self.gazetteer:
                continue
            parent_id = self.gazetteer.get(arg.entity_id).parent
            if parent_id is None or parent_id not in self.entities:
                continue
            # the name as written, with a name written right before it (中科院长春地理所: 中科院 + 长春地理所)
            start = min((a.start for a in args if a.end == arg.start and a.label is arg.label), default=arg.start)
            name = sentence.view[start - sentence.start:arg.end - sentence.start]
            if any(form in name for form in self.gazetteer.get(parent_id).surface_forms):
                yield Found(arg.entity_id, RelType.PART_OF, parent_id, self.lexicon.parent_strength,
                             (evidence_of(sentence),))

    # --- cue rules ---------------------------------------------------------------------------

    def _by_cue(self, sentence: Sentence, args: list[Arg], scan: Scan,
                topic: Topic | None) -> Iterator[Found]:
        for index in scan.rules:
            rule = self.lexicon.rules[index]
            for cue in scan.rule_cues(index):
                if rule.symmetric:
                    yield from self._symmetric(rule, cue, args)
                else:
                    yield from self._directed(rule, cue, args, topic)

    def _directed(self, rule: CueRule, cue: Cue, args: list[Arg], topic: Topic | None) -> Iterator[Found]:
        # Fill the most constrained argument first (adjacent, then one side), the other from what is left.
        specs = [("source", rule.source), ("target", rule.target)]
        specs.sort(key=lambda item: (not item[1].adjacent, item[1].side == "any"))
        chosen: dict[str, list[Arg]] = {}
        for role, spec in specs:
            taken = [a for group in chosen.values() for a in group]
            chosen[role] = self._pick(spec, cue, args, taken)
        evidence: tuple[Evidence, ...] = (evidence_of(cue.sentence),)
        if not chosen["target"] and rule.target.topic and topic is not None and chosen["source"]:
            chosen["target"] = list(topic.industries)
            evidence = (evidence[0], evidence_of(topic.heading))
        if not chosen["target"] and rule.target.own_name:
            self.unfilled.extend(Found(s.entity_id, rule.relation, "", rule.strength, evidence, (cue.word,))
                                 for s in chosen["source"])
        for source in chosen["source"]:
            for target in chosen["target"]:
                yield Found(source.entity_id, rule.relation, target.entity_id, rule.strength, evidence, (cue.word,))

    def _symmetric(self, rule: CueRule, cue: Cue, args: list[Arg]) -> Iterator[Found]:
        """Pairs around a cooperation cue. A list opened by 与 (加强与X、Y的合作) names the partners of
        whoever stands before 与: with nobody named there, the list alone makes no pair."""
        before = self._pick(ArgSpec("before", "clause", rule.source.labels), cue, args, [])
        after = self._pick(ArgSpec("after", "clause", rule.target.labels), cue, args, before)
        evidence = (evidence_of(cue.sentence),)
        pairs: set[tuple[str, str]] = set()
        first = min(before, key=lambda a: a.start, default=None)
        clause_start = cue.clause()[0]
        if first is not None and cue.gap(clause_start, first.start).endswith(_PARTNER_WORDS):
            partners = [*before, *after]
            party = self._pick(ArgSpec("before", "clause", rule.source.labels), Cue(cue.sentence, first.start,
                               first.start, cue.word), args, partners)[:1]
            pairs = {(p.entity_id, q.entity_id) for p in party for q in partners}
        else:
            pairs = set(combinations({a.entity_id for a in (*before, *after)}, 2))
        for one, two in {tuple(sorted(pair)) for pair in pairs if pair[0] != pair[1]}:
            yield Found(one, rule.relation, two, rule.strength, evidence, (cue.word,))

    def _pick(self, spec: ArgSpec, cue: Cue, args: list[Arg], taken: list[Arg]) -> list[Arg]:
        """The nearest entity fitting `spec` around the cue, with the enumeration it belongs to."""
        # a name inside a longer name counts only for `nested` arguments, and only when the longer
        # name could not fill the argument itself (一汽 in 一汽集团…专项, not 吉林大学 in 吉林大学第一医院)
        pool = [a for a in args if spec.accepts(a.label, a.kind)
                and (a.outer or spec.nested and not any(nested_in(a, o) and spec.accepts(o.label, o.kind) for o in args))
                and not any(overlap(a, t) for t in taken) and not (cue.start < a.end and a.start < cue.end)]
        clause = cue.clause()
        if spec.scope == "clause":
            pool = [a for a in pool if clause[0] <= a.start and a.end <= clause[1]]
        sides = {"before": [a for a in pool if a.end <= cue.start],
                 "after": [a for a in pool if a.start >= cue.end]}
        # an adjacent argument must touch the cue; the enumeration it heads may extend away from it
        listed = sides
        if spec.adjacent:
            sides = {"before": [a for a in sides["before"] if not cue.gap(a.end, cue.start).strip(_QUOTES)],
                     "after": [a for a in sides["after"] if not cue.gap(cue.end, a.start).strip(_QUOTES)]}
        wanted = sides if spec.side == "any" else {spec.side: sides.get(spec.side, [])}
        best: tuple[tuple[bool, int], str, Arg] | None = None
        for side, candidates in wanted.items():
            for arg in candidates:
                distance = cue.start - arg.end if side == "before" else arg.start - cue.end
                rank = (not (clause[0] <= arg.start < clause[1]), distance)
                if best is None or rank < best[0]:
                    best = (rank, side, arg)
        if best is None:
            return []
        _, side, nearest = best
        return self._enumeration(nearest, listed[side], side, cue)

    def _enumeration(self, nearest: Arg, candidates: list[Arg], side: str, cue: Cue) -> list[Arg]:
        """`nearest` and the candidates joined to it, away from the cue, only by enumeration words."""
        ordered = sorted(candidates, key=lambda a: a.start, reverse=(side == "before"))
        group = [nearest]
        for arg in ordered[ordered.index(nearest) + 1:]:
            last = group[-1]
            gap = cue.gap(arg.end, last.start) if side == "before" else cue.gap(last.end, arg.start)
            if not self._list_gap(gap):
                break
            group.append(arg)
        return group

    def _list_gap(self, gap: str) -> bool:
        """Whether two names are items of one list: only enumeration words between them, or other
        short items of a 、-list (碳纤维、物联网、工业机器人、卫星遥感应用)."""
        rest = gap
        for word in self.list_words:
            rest = rest.replace(word, "")
        return not rest.strip() or ("、" in gap and len(rest) <= _LIST_ITEMS_CHARS and not _CLAUSE_BREAK.search(gap))

    # --- derived ANCHORS ---------------------------------------------------------------------

    def _derived_anchors(self, typed: list[Edge]) -> list[Found]:
        """Institution → Industry through something the institution hosts, leads or is supported for."""
        focus: dict[str, list[Edge]] = defaultdict(list)
        for edge in typed:
            if edge.type is RelType.FOCUSES_ON and self._label(edge.target) is Label.INDUSTRY:
                focus[edge.source].append(edge)
        derived: list[Found] = []
        for edge in typed:
            party = anchoring_party(edge.type, edge.source, edge.target)
            if party is None or not can_anchor(self.entities[party[0]].label, self.entities[party[0]].kind):
                continue
            institution, thing = party
            for focus_edge in focus.get(thing, ()):
                evidence = tuple({e.sentence_id: e for e in (*edge.evidence, *focus_edge.evidence)}.values())
                derived.append(Found(institution, RelType.ANCHORS, focus_edge.target,
                                      min(edge.weight, focus_edge.weight), evidence,
                                      tuple(dict.fromkeys((*edge.cues, *focus_edge.cues)))))
        return derived


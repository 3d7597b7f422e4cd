"""Code measure sentences with policy-instrument types (Rothwell and Zegveld) by the lexicon's cues.

A sentence is a measure sentence when it states a goal figure (a Target of the targets stage), or
when its view holds a measure cue (支持, 鼓励, 设立, 给予, 实施, 建设 …, 力争, 到2025年 …), no cue of a
sentence that is none (制定本方案, 印发给你们 …, the 了 of a report) and not only figures the targets
stage read as Baselines. Each measure sentence is coded once per type whose cues it holds (a goal
figure also makes it GoalPlanning); the coding keeps the cues, the document, its year and the
entities the sentence names. Titles cited in 《》 are not looked into.
"""

from __future__ import annotations

import logging
from collections import defaultdict
from collections.abc import Mapping, Sequence

from ingest.instruments.lexicon import InstrumentLexicon, default_instrument_lexicon
from jig.core.records import Document, Evidence, Instrument, Resolution, Sentence, Target
from jig.core.schema import ID_PREFIX, INSTRUMENT_SIDES, INSTRUMENT_TARGETS, Label

log = logging.getLogger(__name__)

GOAL_TYPE = "GoalPlanning"


def code_view(view: str, lexicon: InstrumentLexicon | None = None, *, goals: Sequence[str] = (),
              reports_only: bool = False) -> dict[str, tuple[str, ...]]:
    """The instrument types of one sentence, each with the cues found for it, in schema order.

    `view` is the sentence's simplified, half-width view. `goals` are the goal figures the sentence
    states (they make it a measure sentence and GoalPlanning); `reports_only` says that every figure
    in it is a Baseline (then, without goals, it is no measure sentence). Empty for a non-measure sentence.
    """
    lexicon = lexicon or default_instrument_lexicon()
    masked = lexicon.masked(view)
    if not goals and (reports_only or not is_measure(masked, lexicon)):
        return {}
    coded = {}
    for kind, cue_set in lexicon.types.items():
        cues = [match.text for match in cue_set.find(masked)]
        if kind == GOAL_TYPE:
            cues += goals
        if cues:
            coded[kind] = tuple(dict.fromkeys(cues))
    return coded


def is_measure(view: str, lexicon: InstrumentLexicon) -> bool:
    """Whether a (masked) view holds a measure cue and no cue of a sentence that is no measure."""
    return bool(lexicon.measure.find(view)) and not lexicon.not_measure.find(view)


def instrument_id(sentence_id: str, kind: str) -> str:
    """The stable id of a coding: ``instr_<sentence id>.<kind>``."""
    return f"{ID_PREFIX[Label.INSTRUMENT]}_{sentence_id}.{kind}"


def code_instruments(
    sentences: Sequence[Sentence],
    resolution: Resolution,
    targets: Sequence[Target],
    documents: Mapping[str, Document],
    lexicon: InstrumentLexicon | None = None,
) -> list[Instrument]:
    """Every instrument coding of the sentences, in sentence order then schema order of the types.

    `targets` (from the targets stage) tell goal statements and reports of figures; `documents` give
    each coding its year; `resolution` gives the entities each sentence names.
    """
    lexicon = lexicon or default_instrument_lexicon()
    goals: dict[str, list[str]] = defaultdict(list)
    figures: dict[str, set[str]] = defaultdict(set)
    for target in targets:
        figures[target.evidence.sentence_id].add(target.kind)
        if target.kind == "Target":
            goals[target.evidence.sentence_id].append(_goal_cue(target))
    named = _named_entities(resolution)
    codings = []
    for sentence in sentences:
        reports_only = figures.get(sentence.id) == {"Baseline"}
        coded = code_view(sentence.view, lexicon, goals=goals.get(sentence.id, ()), reports_only=reports_only)
        document = documents.get(sentence.doc_id)
        evidence = Evidence(sentence.id, sentence.doc_id, sentence.start, sentence.end, sentence.text)
        codings.extend(
            Instrument(instrument_id(sentence.id, kind), kind, INSTRUMENT_SIDES[kind], cues, sentence.doc_id,
                       document.year if document else None, evidence, named.get(sentence.id, ()))
            for kind, cues in coded.items()
        )
    log.info("coded %d instruments in %d sentences", len(codings), len(sentences))
    return codings


def _goal_cue(target: Target) -> str:
    """A goal figure as a cue: metric, comparator, value and unit (R&D经费占GDP比重达到2.5%)."""
    return f"{target.metric}{target.comparator}{target.value:g}{target.unit}"


def _named_entities(resolution: Resolution) -> dict[str, tuple[str, ...]]:
    """Per sentence, the ids of the entities it names that an instrument may concern, in order of mention."""
    labels = {e.id: e.label for e in resolution.entities}
    found: dict[str, dict[str, None]] = defaultdict(dict)
    for resolved in sorted(resolution.mentions, key=lambda r: (r.mention.sentence_id, r.mention.start)):
        if labels.get(resolved.entity_id) in INSTRUMENT_TARGETS:
            found[resolved.mention.sentence_id][resolved.entity_id] = None
    return {sentence_id: tuple(ids) for sentence_id, ids in found.items()}

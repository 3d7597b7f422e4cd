"""Mentions → canonical entities: one entity per real thing.

A mention resolves, in order, to: the curated entry it matched (`Mention.gazetteer_id`); the curated
entry its normalised name is a name or alias of (中科院长春应用化学研究所 → 中国科学院…, renamed
organisations listed as aliases); the full name an abbreviation was introduced for in the text
(吉林省XX研究院（简称XX院）, in that document and any other); or else a discovered entity keyed by
its canonical name, whose id is a hash of that name and so is stable across rebuilds.
"""

from __future__ import annotations

import hashlib
import logging
import re
from collections import Counter, defaultdict
from collections.abc import Iterable

from ingest.extract.technology import canonical_technology
from ingest.lexicon.gazetteer import Gazetteer, GazetteerEntry
from ingest.resolve.name_en import english_name
from jig.core.records import Entity, Mention, Resolution, ResolvedMention
from jig.core.schema import ID_PREFIX, Label

log = logging.getLogger(__name__)

_TRIM = re.compile(r"^[\s“”\"‘’'「」『』《》、，,。.；;：:]+|[\s“”\"‘’'「」『』《》、，,。.；;：:]+$")
_QUOTES = re.compile(r"[“”\"‘’'「」『』\s]")
#: Academy prefixes written short in the text, and their full form.
_PREFIXES: tuple[tuple[str, str], ...] = (("中科院", "中国科学院"), ("中国科学院", "中国科学院"))
#: Official endings written short in the text (长春市科技局 → 长春市科学技术局).
_ENDINGS: tuple[tuple[str, str], ...] = (("科技局", "科学技术局"), ("科技厅", "科学技术厅"), ("市政府", "市人民政府"),
                                         ("县政府", "县人民政府"), ("州政府", "州人民政府"))
#: Characters between a name and the abbreviation introduced for it: （简称“ is 4, （以下简称“ is 6.
_ABBREVIATION_GAP = range(3, 8)


def canonical_name(text: str) -> str:
    """The canonical form of a discovered name: quotes and edge punctuation removed, the CAS prefix and
    short official endings spelled out (中科院… → 中国科学院…, …科技局 → …科学技术局)."""
    name = _QUOTES.sub("", _TRIM.sub("", text))
    for short, full in _PREFIXES:
        if name.startswith(short) and len(name) > len(short):
            name = full + name[len(short):]
            break
    for short, full in _ENDINGS:
        if name.endswith(short) and len(name) > len(short):
            name = name[:-len(short)] + full
            break
    return name


def entity_id(label: Label, name: str) -> str:
    """The stable id of a discovered entity: label prefix + the first 10 hex digits of sha1(name)."""
    return f"{ID_PREFIX[label]}_{hashlib.sha1(name.encode()).hexdigest()[:10]}"


def resolve(mentions: Iterable[Mention], gazetteer: Gazetteer) -> Resolution:
    """Resolve mentions to entities (curated or discovered); see the module docstring for the order."""
    mentions = list(mentions)
    abbreviations = _abbreviations(mentions, gazetteer)
    keys = [_key(m, gazetteer, abbreviations) for m in mentions]
    grouped: dict[tuple[str, ...], list[Mention]] = defaultdict(list)
    for key, mention in zip(keys, mentions, strict=True):
        grouped[key].append(mention)
    entities = {key: _entity(key, group, gazetteer) for key, group in grouped.items()}
    resolved = [ResolvedMention(m, entities[k].id) for k, m in zip(keys, mentions, strict=True)]
    discovered = sum(1 for e in entities.values() if e.source == "discovered")
    log.info("%d mentions → %d entities (%d discovered)", len(mentions), len(entities), discovered)
    return Resolution(entities=list(entities.values()), mentions=resolved)


def _key(mention: Mention, gazetteer: Gazetteer, abbreviations: dict[str, tuple[str, ...]]) -> tuple[str, ...]:
    if mention.gazetteer_id and mention.gazetteer_id in gazetteer:
        return ("gazetteer", mention.gazetteer_id)
    name = _name_of(mention)
    if mention.label is Label.TECHNOLOGY:
        name = canonical_technology(name)
    entry = gazetteer.lookup(name) or _curated_technology(mention.label, name, gazetteer)
    if entry is not None:
        return ("gazetteer", entry.id)
    if name in abbreviations:
        return abbreviations[name]
    return ("discovered", mention.label.value, name)


def _name_of(mention: Mention) -> str:
    """The canonical name a mention stands for: its implied full name, else its own text."""
    return canonical_name(mention.implied_name or mention.normalized)


def _curated_technology(label: Label, name: str, gazetteer: Gazetteer) -> GazetteerEntry | None:
    """A curated technology written with 技术 after it (氢燃料电池技术 → 燃料电池)."""
    if label is not Label.TECHNOLOGY or not name.endswith("技术"):
        return None
    entry = gazetteer.lookup(name[:-2])
    return entry if entry is not None and entry.label is Label.TECHNOLOGY else None


def _abbreviations(mentions: list[Mention], gazetteer: Gazetteer) -> dict[str, tuple[str, ...]]:
    """Short forms introduced right after a full name (吉林省XX研究院（简称XX院）) → the full name's key.

    A short form counts when it follows the nearest name before it by 3–7 characters (the
    （简称“ between them) and its characters appear in the full name in order.
    """
    by_sentence: dict[str, list[Mention]] = defaultdict(list)
    for mention in mentions:
        by_sentence[mention.sentence_id].append(mention)
    links: dict[str, tuple[str, ...]] = {}
    for group in by_sentence.values():
        for short in group:
            before = [m for m in group if m.end <= short.start]
            if not before or gazetteer.lookup(canonical_name(short.normalized)):
                continue
            nearest = max(before, key=lambda m: (m.end, m.end - m.start))
            name = canonical_name(short.normalized)
            if (short.start - nearest.end in _ABBREVIATION_GAP
                    and len(name) < len(nearest.normalized)
                    and _is_subsequence(name, nearest.normalized)):
                links.setdefault(name, _key(nearest, gazetteer, {}))
    return links


def _is_subsequence(short: str, full: str) -> bool:
    chars = iter(full)
    return all(ch in chars for ch in short)


def _entity(key: tuple[str, ...], group: list[Mention], gazetteer: Gazetteer) -> Entity:
    seen = _unique(form for m in group for form in (m.surface, _name_of(m)))
    if key[0] == "gazetteer":
        entry = gazetteer.get(key[1])
        return Entity(
            id=entry.id,
            label=entry.label,
            kind=entry.kind,
            name=entry.name,
            name_en=entry.name_en,
            aliases=_unique([*entry.aliases, *seen], drop=entry.name),
            source="gazetteer",
        )
    label, name = Label(key[1]), key[2]
    kind = Counter(m.kind for m in group).most_common(1)[0][0]
    return Entity(
        id=entity_id(label, name),
        label=label,
        kind=kind,
        name=name,
        name_en=english_name(name, gazetteer),
        aliases=_unique(seen, drop=name),
        source="discovered",
    )


def _unique(forms: Iterable[str], drop: str | None = None) -> tuple[str, ...]:
    return tuple(f for f in dict.fromkeys(forms) if f and f != drop)

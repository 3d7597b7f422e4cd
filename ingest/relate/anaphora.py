"""Class words that stand for a name said before: 该中心, 孵化器由…, 该公司 (cross-sentence subjects).

A class word opening a sentence or clause stands for the latest platform, zone, alliance or
institution of the paragraph whose name ends with that word (or, for 公司/学校…, whose kind it names):
with a demonstrative (该, 此, 这家) anywhere earlier in the paragraph, bare within two sentences.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from ingest.relate.findings import Arg
from jig.core.records import Entity, Sentence
from jig.core.schema import Label

_ANAPHOR_WORDS = ("众创空间", "孵化器", "孵化基地", "基地", "研究院", "中心", "实验室", "工作站", "平台", "联盟",
                  "园区", "开发区", "高新区", "示范区", "新区", "片区")
#: Class words standing for an institution; they need a demonstrative (该公司, 该校), as 公司 alone is generic.
_INSTITUTION_WORDS = ("公司", "集团", "企业", "大学", "学院", "研究所", "研究院", "学校", "高校", "医院")
_KIND_WORDS: dict[str, tuple[str, ...]] = {"公司": ("Enterprise",), "集团": ("Enterprise",), "企业": ("Enterprise",),
                                            "学校": ("University",), "高校": ("University",), "大学": ("University",)}
_ANAPHOR = re.compile(r"(?:^|(?<=[，,；;。]))\s*(?:(?:该|此|这个|这一|这家|本)?(" + "|".join(_ANAPHOR_WORDS)
                      + r")|(?:该|这家|此)(" + "|".join(_INSTITUTION_WORDS) + r"))")
ANAPHOR_LABELS = (Label.PLATFORM, Label.ZONE, Label.ALLIANCE, Label.INSTITUTION)
#: How many sentences back, within the paragraph, a class word may find the name it stands for.
ANAPHOR_REACH = 6
#: A bare class word (孵化器…, no 该) reaches only this many sentences back.
_BARE_REACH = 2


def with_anaphors(sentence: Sentence, args: list[Arg], recent: list[list[Arg]],
                  entities: Mapping[str, Entity]) -> list[Arg]:
    """`args` plus the class words of the sentence standing for the latest antecedent they fit: with a
    demonstrative (该中心, 该公司) anywhere earlier in the paragraph, bare (孵化器…) in the last two sentences."""
    if not any(recent):
        return args
    extra = []
    for match in _ANAPHOR.finditer(sentence.view):
        group = 1 if match.group(1) else 2
        start, end = sentence.start + match.start(group), sentence.start + match.end(group)
        if any(a.start < end and start < a.end for a in args):
            continue
        word = match.group(group)
        demonstrative = match.group(0).strip() != word
        antecedents = [a for names in (recent if demonstrative else recent[-_BARE_REACH:]) for a in names]
        referent = next((a for a in reversed(antecedents) if _stands_for(word, a, entities)), None)
        if referent is not None:
            extra.append(Arg(referent.entity_id, referent.label, referent.kind, start, end, True))
    return sorted([*args, *extra], key=lambda a: (a.start, -a.end, a.entity_id)) if extra else args

def _stands_for(word: str, antecedent: Arg, entities: Mapping[str, Entity]) -> bool:
    """Whether a class word (中心, 公司 …) can stand for the entity: its name ends with the word, or
    the word names its kind (公司/企业 for an enterprise, 学校/高校 for a university)."""
    entity = entities[antecedent.entity_id]
    if antecedent.label is Label.INSTITUTION:
        return entity.kind in _KIND_WORDS.get(word, ()) or (
            word in _INSTITUTION_WORDS and entity.name.endswith(word))
    return entity.name.endswith(word)


def same_paragraph(previous: Sentence | None, sentence: Sentence) -> bool:
    """Whether `sentence` follows `previous` in one paragraph: same document, nothing between them (a
    line break or blank between sentences ends a paragraph)."""
    return previous is not None and previous.doc_id == sentence.doc_id and previous.end == sentence.start

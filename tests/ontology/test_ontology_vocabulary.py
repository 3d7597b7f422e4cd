"""Bilingual vocabulary: every term of the schema has zh and en labels and comments."""

from __future__ import annotations

import re

import pytest

from jig.core.schema import Label, RelType
from ontology.vocabulary import Kind, ModelClass, comment_text, kinds, label_text, property_names, term_text

_CJK = re.compile(r"[\u4e00-\u9fff]")
TERMS = [*Label, *kinds(), *RelType, *property_names(), *ModelClass]


@pytest.mark.parametrize("term", TERMS, ids=str)
def test_vocabulary_every_term_has_zh_and_en_texts(term):
    text = term_text(term)
    assert _CJK.search(text.zh) and _CJK.search(text.zh_comment), text
    assert text.en.strip() and text.en_comment.strip() and not _CJK.search(text.en), text


@pytest.mark.parametrize(("term", "lang", "expected"), [
    (Label.INSTITUTION, "zh", "机构"),
    (Label.INSTITUTION, "en", "Institution"),
    (Kind(Label.PLATFORM, "KeyLab"), "zh", "重点实验室"),
    (Kind(Label.ZONE, "Other"), "en", "Other zone"),
    (Kind(Label.INDUSTRY, "Industry"), "zh", "产业"),
    (RelType.HOSTED_BY, "zh", "依托单位"),
    ("mentions", "en", "mentions"),
    ("name_en", "zh", "英文名称"),
])
def test_vocabulary_label_text(term, lang, expected):
    assert label_text(term, lang) == expected


def test_vocabulary_comment_text_differs_by_language():
    assert comment_text(RelType.ANCHORS, "zh") != comment_text(RelType.ANCHORS, "en")


def test_vocabulary_other_kinds_are_distinct_per_label():
    others = {label_text(Kind(label, "Other"), "en") for label in Label if Kind(label, "Other") in kinds()}
    assert len(others) == 5


@pytest.mark.parametrize("term", ["no_such_property", Kind(Label.PLATFORM, "Factory")], ids=str)
def test_vocabulary_unknown_term_raises(term):
    with pytest.raises(KeyError, match="no vocabulary entry"):
        label_text(term)

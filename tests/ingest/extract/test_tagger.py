"""The learned span tagger: BIO coding, the committed model, and what of it joins the rules."""

from __future__ import annotations

import hashlib

import pytest

from evaluation import train_tagger
from evaluation.spans import project
from evaluation.gold import GoldEntity
from ingest.extract import learned
from ingest.extract.tagger import MODEL_PATH, Extent, SpanTagger, TaggedSpan, decode, encode
from ingest.lexicon.gazetteer import default_gazetteer
from ingest.segment.sentences import Segmenter
from jig.core.errors import DataFileError
from jig.core.records import Document
from jig.core.schema import Label
from jig.core.text import simplified_view


def _sentences(text: str):
    document = Document(id="t", file="t.txt", path="t.txt", text=text, view=simplified_view(text))
    return Segmenter.shared(default_gazetteer()).run(document)


def test_encode_and_decode_are_inverse():
    extents = [Extent(0, 4, Label.INSTITUTION), Extent(4, 9, Label.PLATFORM), Extent(12, 14, Label.REGION)]
    tags = encode(16, extents)
    assert tags[:5] == ["B-Institution", "I-Institution", "I-Institution", "I-Institution", "B-Platform"]
    assert decode(tags) == extents


def test_decode_starts_a_span_at_a_stray_inside_tag():
    assert decode(["O", "I-Zone", "I-Zone", "B-Region", "I-Institution"]) == [
        Extent(1, 3, Label.ZONE), Extent(3, 4, Label.REGION), Extent(4, 5, Label.INSTITUTION)]


def test_gold_names_project_longest_first_in_text_order():
    view = "吉林大学与长春光机所共建吉林大学光电实验室"
    entities = [GoldEntity(Label.INSTITUTION, "吉林大学"),
                GoldEntity(Label.PLATFORM, "吉林大学光电实验室"),
                GoldEntity(Label.INSTITUTION, "中国科学院长春光学精密机械与物理研究所", also=("长春光机所",))]
    assert project(view, entities) == [Extent(0, 4, Label.INSTITUTION), Extent(5, 10, Label.INSTITUTION),
                                       Extent(12, 21, Label.PLATFORM)]


def test_committed_model_tags_an_unseen_name_by_its_form():
    tagger = SpanTagger.load()
    sentence = _sentences("延边大学与珲春市松江化工有限公司签署合作协议。")[0]
    spans = {(sentence.view[s.start:s.end], s.label) for s in tagger.propose(sentence)}
    assert ("珲春市松江化工有限公司", Label.INSTITUTION) in spans or ("松江化工有限公司", Label.INSTITUTION) in spans
    assert all(0.0 < s.probability <= 1.0 for s in tagger.propose(sentence))


@pytest.mark.parametrize("content, problem", [(b"", "not a complete crfsuite model"),
                                              (b"lCRF\x10\x00\x00\x00abc", "not a complete crfsuite model")])
def test_a_broken_model_file_is_named_with_the_remedy(tmp_path, content, problem):
    path = tmp_path / "tagger.crfsuite"
    path.write_bytes(content)
    with pytest.raises(DataFileError, match=problem) as raised:
        SpanTagger.load(path)
    assert "tagger.crfsuite" in str(raised.value) and "make model" in str(raised.value)


def test_a_missing_model_file_is_named(tmp_path):
    with pytest.raises(DataFileError, match="cannot be read"):
        SpanTagger.load(tmp_path / "absent.crfsuite")


def test_retraining_reproduces_the_committed_model_byte_for_byte(tmp_path):
    """The model is committed with the script that rebuilds it: same gold, same bytes (`make model`)."""
    out = tmp_path / "tagger.crfsuite"
    assert train_tagger.main(["--out", str(out)]) == 0
    assert hashlib.sha256(out.read_bytes()).hexdigest() == hashlib.sha256(MODEL_PATH.read_bytes()).hexdigest(), (
        "the committed model is stale: run `make model` and commit ingest/extract/model/tagger.crfsuite")


# --- which proposals join the rules (ingest.extract.learned) ----------------------------------------

VIEW = "由长春禹衡光学有限公司与吉林大学共建重点实验室"


def _proposal(text: str, label: Label, probability: float = 0.99) -> TaggedSpan:
    start = VIEW.index(text)
    return TaggedSpan(start, start + len(text), label, probability)


def test_a_likely_new_name_crossing_no_rule_name_is_kept_with_the_kind_of_its_form():
    names = learned.new_names([_proposal("长春禹衡光学有限公司", Label.INSTITUTION)], [(12, 16)], VIEW)
    assert [(VIEW[n.start:n.end], n.kind) for n in names] == [("长春禹衡光学有限公司", "Enterprise")]


@pytest.mark.parametrize("proposal, why", [
    (_proposal("长春禹衡光学有限公司", Label.INSTITUTION, 0.5), "unlikely"),
    (_proposal("与吉林大学", Label.INSTITUTION), "starts on a conjunction"),
    (_proposal("重点实验室", Label.PLATFORM), "a bare class word"),
    (_proposal("吉林大", Label.INSTITUTION), "cuts through a rule's name"),
    (_proposal("吉林大学", Label.INSTITUTION), "the rule's own name"),
])
def test_proposals_that_add_no_name_are_dropped(proposal, why):
    assert learned.new_names([proposal], [(12, 16)], VIEW) == [], why


def test_a_preposition_glued_to_a_proposal_is_trimmed():
    names = learned.new_names([_proposal("由长春禹衡光学有限公司", Label.INSTITUTION)], [(12, 16)], VIEW)
    assert [VIEW[n.start:n.end] for n in names] == ["长春禹衡光学有限公司"]


def test_a_proposal_holding_a_rule_name_whole_is_an_outer_name():
    names = learned.new_names([_proposal("吉林大学共建重点实验室", Label.PLATFORM)], [(12, 16)], VIEW)
    assert [(n.label, n.kind) for n in names] == [(Label.PLATFORM, "KeyLab")]


@pytest.mark.parametrize("text, is_class", [("重点实验室", True), ("省级重点实验室", True), ("国家级高新区", True),
                                            ("吉林省重点实验室", False), ("长春新区", False)])
def test_class_words(text, is_class):
    assert learned.is_class_word(text) is is_class


def test_the_tagger_looks_only_near_unexplained_name_endings():
    view = "省政府决定，支持在长春市建设一批新的面向汽车产业的大型综合性科技创新服务中心，并给予资金支持。"
    end = view.index("中心") + 2
    (window,) = learned.windows(view, [end])
    assert window.end == min(end + learned.AHEAD, view.index("，并") + 1)
    assert window.start == end - learned.REACH and window.cut


def test_windows_stay_inside_their_clause_and_merge_when_they_meet():
    view = "吉林大学研究院，长春光机所研究所和研究中心。"
    ends = [view.index("研究院") + 3, view.index("研究所") + 3, view.index("研究中心") + 4]
    first, second = learned.windows(view, ends)
    assert (first.start, first.cut) == (0, False) and first.end <= view.index("，") + 1
    assert second.start == view.index("，") + 1 and second.end == len(view)


def test_features_of_a_window_are_those_of_the_whole_sentence_there():
    """Tagging a stretch sees the same evidence as tagging the sentence, only less of it."""
    sentence = _sentences("依托吉林大学建设汽车底盘集成与仿生全国重点实验室，推动成果转化。")[0]
    features = SpanTagger.load()._features
    whole = features.features(sentence)
    start, end = 2, sentence.view.index("，")
    part = features.features(sentence, start, end)
    same = [row for row in part if not any(f.startswith(("g=", "f=", "fk=", "q=")) for f in row)]
    assert [row[:10] for row in part] == [row[:10] for row in whole[start:end]]
    assert same  # context n-grams and tokens agree; lookups inside the stretch may only lose edge hits

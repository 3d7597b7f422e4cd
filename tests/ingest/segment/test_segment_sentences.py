"""Sentences, clauses and jieba tokens with offsets (real jieba, gazetteer user dictionary)."""

from __future__ import annotations

import pytest

from ingest.lexicon.gazetteer import default_gazetteer
from ingest.segment.sentences import MAX_SENTENCE, JiebaTokens, Segmenter, sentence_spans, user_dictionary
from jig.core.records import Document, Token


@pytest.fixture(scope="module")
def segmenter() -> Segmenter:
    return Segmenter()


def _document(text: str) -> Document:
    return Document(id="t", file="t.txt", path="t.txt", text=text, view=text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("甲。乙！丙？丁；", ["甲。", "乙！", "丙？", "丁；"]),
        ("　　第一句。\n\n　　第二句", ["第一句。", "第二句"]),
        ("他说：“好。”然后走了。", ["他说：“好。”", "然后走了。"]),
        ("一、总体思路\n（一）建设意义。创新是第一动力。", ["一、总体思路", "（一）建设意义。", "创新是第一动力。"]),
        ("   \n\u3000\n", []),
    ],
)
def test_segment_sentence_spans(text: str, expected: list[str]) -> None:
    assert [text[s:e] for s, e in sentence_spans(text)] == expected


def test_segment_offsets_point_into_the_original_text(segmenter: Segmenter) -> None:
    text = "　　依托长春光机所建设国家重点实验室，支持中车长客发展。\n吉林化纤牵头组建联盟！"
    sentences = segmenter.run(_document(text))
    assert [s.id for s in sentences] == ["t.s0000", "t.s0001"]
    for sentence in sentences:
        assert text[sentence.start:sentence.end] == sentence.text
        for start, end in sentence.clauses:
            assert sentence.start <= start < end <= sentence.end
        for token in sentence.tokens:
            assert sentence.view[token.start:token.end] == token.word
    assert [text[s:e] for s, e in sentences[0].clauses] == ["依托长春光机所建设国家重点实验室，", "支持中车长客发展。"]


@pytest.mark.parametrize("name", ["长春光机所", "中车长客", "一汽集团", "吉林化纤", "长春应化所"])
def test_segment_gazetteer_names_stay_one_token(segmenter: Segmenter, name: str) -> None:
    text = f"支持{name}建设创新平台。"
    words = [t.word for t in segmenter.run(_document(text))[0].tokens]
    assert name in words


def test_segment_user_dictionary_lists_every_surface_form() -> None:
    gazetteer = default_gazetteer()
    lines = user_dictionary(gazetteer).splitlines()
    words = {line.split()[0] for line in lines}
    assert {"长春光机所", "中国科学院长春光学精密机械与物理研究所", "中车长客"} <= words
    assert all(len(line.split()) == 3 for line in lines)


_TOKEN_TEXTS = [
    "依托长春光机所建设国家重点实验室，支持中车长客发展。",
    "到2025年，R&D经费占GDP的比重达到2.5%左右；高新技术企业 超过3000户。",
    "吉林省（长春）新一代信息技术产业园、“长白山人才工程”和5G+工业互联网\t示范区",
]


@pytest.mark.parametrize("text", _TOKEN_TEXTS)
def test_segment_tokens_are_jiebas_whether_asked_or_listed(segmenter: Segmenter, text: str) -> None:
    expected = [Token(w, s, e) for w, s, e in segmenter.tokenizer.tokenize(text) if not w.isspace()]
    assert list(segmenter.tokens(text)) == expected
    asked = segmenter.tokens(text)  # questions first, position by position, then the whole list
    covering = [asked.covering(pos) for pos in range(len(text))]
    assert covering == [next((t for t in expected if t.start <= pos < t.end), None) for pos in range(len(text))]
    assert [pos for pos in range(len(text) + 1) if asked.starts_at(pos)] == [t.start for t in expected]
    assert [pos for pos in range(len(text) + 1) if asked.ends_at(pos)] == [t.end for t in expected]
    assert [asked.ending_at(t.end) for t in expected] == expected
    assert [asked.after(t.start) for t in expected] == [t.word for t in expected]
    assert list(asked) == expected and len(asked) == len(expected) and asked[-1] == expected[-1]


def test_segment_tokens_cut_only_the_block_asked_about(segmenter: Segmenter) -> None:
    cut: list[str] = []

    def recording_cut(block: str):
        cut.append(block)
        return segmenter.tokenizer.cut(block)

    tokens = JiebaTokens("支持中车长客发展，依托长春光机所建设国家重点实验室。", recording_cut)
    assert tokens.covering(11) == Token("长春光机所", 11, 16)
    assert tokens.covering(8) == Token("，", 8, 9)
    assert cut == ["依托长春光机所建设国家重点实验室"]
    assert [t.word for t in tokens][:3] == ["支持", "中车长客", "发展"]
    assert cut == ["依托长春光机所建设国家重点实验室", "支持中车长客发展"]


@pytest.mark.parametrize("text", _TOKEN_TEXTS)
def test_segment_tokens_between_are_the_listed_tokens_inside(segmenter: Segmenter, text: str) -> None:
    expected = list(segmenter.tokens(text))
    for start in range(0, len(text), 3):
        for end in range(start, len(text) + 1, 4):
            inside = [t for t in expected if start <= t.start and t.end <= end]
            assert segmenter.tokens(text).between(start, end) == inside, (start, end)


def test_segment_tokens_between_cut_only_the_blocks_there(segmenter: Segmenter) -> None:
    cut: list[str] = []

    def recording_cut(block: str):
        cut.append(block)
        return segmenter.tokenizer.cut(block)

    tokens = JiebaTokens("支持中车长客发展，依托长春光机所建设国家重点实验室。", recording_cut)
    assert [t.word for t in tokens.between(9, 16)] == ["依托", "长春光机所"]
    assert cut == ["依托长春光机所建设国家重点实验室"]


def test_segment_a_run_without_sentence_marks_is_cut_at_clause_marks_or_at_the_limit() -> None:
    clauses = "吉林大学牵头建设汽车产业创新中心，" * 100  # 1,700 characters, no sentence mark
    spans = list(sentence_spans(clauses))
    assert all(end - start <= MAX_SENTENCE and clauses[end - 1] == "，" for start, end in spans)
    assert "".join(clauses[s:e] for s, e in spans) == clauses
    unbroken = "吉林大学" * 600
    assert [(s, e) for s, e in sentence_spans(unbroken)] == [(0, 1000), (1000, 2000), (2000, 2400)]

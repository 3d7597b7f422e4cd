"""Property tests of read, segment and the whole text pipeline on random and mutated texts.

Texts are drawn from the corpus's own characters, ASCII, Chinese punctuation, blanks and line breaks,
traditional characters, full-width digits and letters and the names and phrases the stages look for;
or are real corpus paragraphs mutated (insertions, deletions, swaps, cuts). Reading raises nothing but
the project's own errors, the view is as long as the text, sentences cover every non-blank character,
and every offset the stages give (sentences, mentions, the evidence of edges, targets and
instruments) cuts exactly its text out of the document. Derandomized: every run tries the same examples.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from ingest.pipeline import extract_documents
from ingest.read.document import DOCUMENT_SUFFIXES, read_corpus, read_document
from ingest.segment.sentences import MAX_SENTENCE, sentence_spans
from jig.core.errors import JilinGraphError
from jig.core.paths import CORPUS_DIR
from jig.core.records import Document, Evidence, Extraction
from jig.core.text import clean_text, simplified_view

_CORPUS = read_corpus(CORPUS_DIR)
_PARAGRAPHS = sorted({line for document in _CORPUS for line in document.text.split("\n") if len(line) > 10})
_HAN = sorted({char for document in _CORPUS for char in document.text if not char.isascii() and char.isalpha()})
_PUNCTUATION = "。，、；：？！“”‘’《》（）【】「」—…·％．,.;:?!()[]<>/-_%*#=&\"'"
_BLANKS = " \t\n\n\r\u3000\xa0\ufeff"
_TRADITIONAL = "長發區與國際會議體經濟業學術廳吉林創新產業園鐵設計電腦軟體"
_FULL_WIDTH = "０１２３４５６７８９ＡＢＣＸＹＺａｂｃ＋－．／％"
#: Names, cues and phrases the stages look for: random texts built from them reach deep into each stage.
_PHRASES = (
    "吉林大学", "长春光机所", "中国科学院长春应用化学研究所", "中国一汽", "中车长客", "吉林省", "长春市", "长春新区",
    "国家重点实验室", "工程技术研究中心", "有限公司", "产业技术创新战略联盟", "科技企业孵化器", "高新技术产业开发区",
    "汽车产业", "碳纤维", "人工智能", "光电子", "依托", "牵头", "共建", "支持", "围绕", "到2025年", "达到", "亿元",
    "%以上", "研发投入", "占GDP比重", "“十四五”", "简称", "（以下简称“", "原", "更名为", "吉林大學", "長春",
    "<p>", "</p>", "<br>", "<script>", "</script>", "<style>", "---\n", "title: 通知\n", "# ", "**", "责任编辑：",
)
_ALPHABET = st.sampled_from(_HAN) | st.characters(min_codepoint=32, max_codepoint=126) | st.sampled_from(
    _PUNCTUATION + _BLANKS + _TRADITIONAL + _FULL_WIDTH)
_PIECE = st.sampled_from(_PHRASES) | st.text(_ALPHABET, max_size=12)
RANDOM_TEXT = st.lists(_PIECE, min_size=1, max_size=60).map("".join)


@st.composite
def mutated_text(draw: st.DrawFn) -> str:
    """One to three consecutive corpus paragraphs, then up to five insertions, deletions, swaps and cuts."""
    first = draw(st.integers(0, len(_PARAGRAPHS) - 1))
    text = "\n".join(_PARAGRAPHS[first:first + draw(st.integers(1, 3))])
    for _ in range(draw(st.integers(0, 5))):
        i, j = sorted(draw(st.lists(st.integers(0, len(text)), min_size=2, max_size=2)))
        change = draw(st.sampled_from(("insert", "delete", "swap", "cut")))
        if change == "insert":
            text = text[:i] + draw(_PIECE) + text[i:]
        elif change == "delete":
            text = text[:i] + text[j:]
        elif change == "swap":
            text = text[i:j] + text[:i] + text[j:]
        else:
            text = text[i:j]
    return text


TEXTS = RANDOM_TEXT | mutated_text()
#: Texts whose regressions were found by these tests.
_FRONT_MATTER_DATE = "---\ndate: 2020-13-45\n---\n吉林大学牵头建设汽车产业创新中心。"
_RUN_ON = "吉林大学" * 400  # one sentence of 1,600 characters without a mark
#: What the segmenter trims off a sentence.
_SENTENCE_BLANKS = " \t\r\n\u3000\xa0"
_FAST = settings(max_examples=500, deadline=None, derandomize=True, database=None)


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("properties")


@_FAST
@given(text=TEXTS, suffix=st.sampled_from((".txt", ".md", ".html")))
@example(text=_FRONT_MATTER_DATE, suffix=".md")
def test_properties_clean_text_never_fails_and_the_view_is_as_long(text: str, suffix: str) -> None:
    cleaned = clean_text(text.replace("\r\n", "\n").replace("\r", "\n"), suffix)
    assert len(simplified_view(cleaned.text)) == len(cleaned.text)
    assert "\r" not in cleaned.text


@_FAST
@given(text=TEXTS, suffix=st.sampled_from((".txt", ".md", ".html", ".htm")),
       encoding=st.sampled_from(("utf-8", "utf-8-sig", "gb18030", "utf-16", "utf-16-le", "utf-16-be", "big5hkscs")))
@example(text=_FRONT_MATTER_DATE, suffix=".txt", encoding="utf-8")
def test_properties_reading_a_text_file_fails_only_with_a_project_error(
    folder: Path, text: str, suffix: str, encoding: str,
) -> None:
    try:
        data = text.encode(encoding)
    except UnicodeEncodeError:
        data = text.encode("utf-8")
    document = _read(folder / f"document{suffix}", data)
    if document is not None:
        assert document.text and len(document.view) == len(document.text)
        assert document.text == document.text.strip() and "\r" not in document.text


@settings(_FAST, max_examples=200)
@given(data=st.binary(max_size=400) | mutated_text().map(lambda text: text.encode("utf-8")[:-1]),
       suffix=st.sampled_from(DOCUMENT_SUFFIXES))
def test_properties_reading_any_bytes_fails_only_with_a_project_error(folder: Path, data: bytes, suffix: str) -> None:
    _read(folder / f"bytes{suffix}", data)


@settings(_FAST, max_examples=100)
@given(cut=st.floats(0, 1), flips=st.lists(st.tuples(st.floats(0, 1), st.integers(0, 255)), max_size=4),
       name=st.sampled_from([d.file for d in _CORPUS if d.file.endswith((".pdf", ".docx"))]))
def test_properties_reading_a_damaged_pdf_or_word_file_fails_only_with_a_project_error(
    folder: Path, cut: float, flips: list[tuple[float, int]], name: str,
) -> None:
    data = bytearray((CORPUS_DIR / name).read_bytes())
    for where, value in flips:
        data[int(where * (len(data) - 1))] = value
    _read(folder / name, bytes(data[:max(1, int(cut * len(data)))]))


@_FAST
@given(text=TEXTS)
@example(text=_RUN_ON)
def test_properties_sentences_cover_the_text_and_are_bounded(text: str) -> None:
    view = simplified_view(text)
    covered = [False] * len(view)
    previous_end = 0
    for start, end in sentence_spans(view):
        assert previous_end <= start < end <= len(view) and end - start <= MAX_SENTENCE
        assert view[start] not in _SENTENCE_BLANKS and view[end - 1] not in _SENTENCE_BLANKS
        covered[start:end] = [True] * (end - start)
        previous_end = end
    assert all(char in _SENTENCE_BLANKS or done for char, done in zip(view, covered, strict=True))


@settings(_FAST, max_examples=400)
@given(texts=st.lists(TEXTS, min_size=1, max_size=2))
@example(texts=[_RUN_ON, "吉林大学依托长春光机所建设国家重点实验室。"])
def test_properties_every_offset_of_the_pipeline_cuts_out_its_text(texts: list[str]) -> None:
    documents = [_document(f"doc{number}", text) for number, text in enumerate(texts) if text.strip()]
    extraction = extract_documents(documents)
    _check_offsets(extraction)


def _read(path: Path, data: bytes) -> Document | None:
    """The document of a file holding `data`, or None when the reader refuses it with a project error."""
    path.write_bytes(data)
    try:
        return read_document(path)
    except JilinGraphError:
        return None


def _document(doc_id: str, text: str) -> Document:
    return Document(id=doc_id, file=f"{doc_id}.txt", path=f"{doc_id}.txt", text=text, view=simplified_view(text))


def _check_offsets(extraction: Extraction) -> None:
    documents = {document.id: document for document in extraction.documents}
    sentences = {sentence.id: sentence for sentence in extraction.sentences}
    for sentence in extraction.sentences:
        document = documents[sentence.doc_id]
        assert document.text[sentence.start:sentence.end] == sentence.text
        assert document.view[sentence.start:sentence.end] == sentence.view
    for mention in extraction.mentions:
        sentence = sentences[mention.sentence_id]
        assert documents[mention.doc_id].text[mention.start:mention.end] == mention.surface
        assert sentence.start <= mention.start < mention.end <= sentence.end
    evidence = [e for edge in extraction.edges for e in edge.evidence]
    evidence += [target.evidence for target in extraction.targets]
    evidence += [instrument.evidence for instrument in extraction.instruments]
    for item in evidence:
        _check_evidence(item, documents)


def _check_evidence(evidence: Evidence, documents: dict[str, Document]) -> None:
    assert evidence.text and documents[evidence.doc_id].text[evidence.start:evidence.end] == evidence.text

"""ingest.instruments.lexicon: the lexicon of ontology/data/instruments.yaml, cue sets, and plain errors."""

from __future__ import annotations

from pathlib import Path

import pytest

from ingest.instruments.lexicon import CueSet, default_instrument_lexicon, load_instrument_lexicon
from jig.core.errors import DataFileError
from jig.core.schema import KINDS, Label

INSTRUMENTS = KINDS[Label.INSTRUMENT]


def test_lexicon_has_every_instrument_type_in_schema_order():
    lexicon = default_instrument_lexicon()
    assert tuple(lexicon.types) == INSTRUMENTS
    assert all(cues.cues or cues.patterns for cues in lexicon.types.values())
    assert lexicon.measure.cues and lexicon.not_measure.cues and lexicon.ignore.patterns


@pytest.mark.parametrize(
    ("cue_set", "view", "found"),
    [
        (CueSet(cues=("知识产权",), exclude=("自主知识产权",)), "保护知识产权，支持拥有自主知识产权的产品", ["知识产权"]),
        (CueSet(cues=("示范", "应用示范"), exclude=("示范基地",)), "建设应用示范基地和示范基地", ["应用示范"]),
        (CueSet(patterns=(r"到\s*\d{4}\s*年",)), "力争到2025年，到 2030 年", ["到2025年", "到 2030 年"]),
        (CueSet(cues=("示范", "示范区")), "建设示范区", ["示范区"]),
        (CueSet(), "任何句子", []),
    ],
)
def test_lexicon_cue_set_finds_cues_outside_excluded_phrases(cue_set, view, found):
    assert [m.text for m in cue_set.find(view)] == found


def test_lexicon_masks_titles_cited_in_book_marks():
    lexicon = default_instrument_lexicon()
    masked = lexicon.masked("根据《专利法》，加强知识产权保护。")
    assert "专利" not in masked and "知识产权" in masked and len(masked) == len("根据《专利法》，加强知识产权保护。")


def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "instruments.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def _every_type(**override: str) -> str:
    lines = [f"  {kind}: {override.get(kind, '{cues: [词]}')}" for kind in INSTRUMENTS]
    return "instruments:\n" + "\n".join(lines) + "\n"


@pytest.mark.parametrize(
    ("text", "message", "line"),
    [
        ("instruments: [Talent]\n", "an 'instruments' mapping", None),
        (_every_type() + "  Subsidy: {cues: [补贴]}\n", "not an instrument type of the ontology", 17),
        (_every_type().replace("  Outsourcing: {cues: [词]}\n", ""), "instrument types without cues: Outsourcing", 2),
        (_every_type(Tax="{cues: []}"), "needs at least one cue or pattern", 7),
        (_every_type(Tax="{cues: 税}"), "Tax: 'cues' must be a list of non-empty words", 7),
        (_every_type(Tax="{words: [税]}"), "Tax: unknown key", 7),
        (_every_type(Tax="{patterns: ['到(']}"), "Tax: bad regular expression", 7),
        ("measures: {cues: [支持]}\n" + _every_type(), "unknown top-level key", 1),
        ("instruments: {Talent: [人才]\n", "not valid YAML", 2),
    ],
)
def test_lexicon_malformed_file_names_the_file_and_line(tmp_path, text, message, line):
    path = _write(tmp_path, text)
    with pytest.raises(DataFileError) as caught:
        load_instrument_lexicon(path)
    assert message in str(caught.value) and str(path) in str(caught.value)
    if line is not None:
        assert caught.value.line == line


def test_lexicon_minimal_file_loads(tmp_path):
    lexicon = load_instrument_lexicon(_write(tmp_path, _every_type()))
    assert [m.text for m in lexicon.types["Tax"].find("一个词")] == ["词"]
    assert lexicon.measure.find("支持") == []

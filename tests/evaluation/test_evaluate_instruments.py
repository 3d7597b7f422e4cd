"""The policy-instrument gold sentences and the coding's quality floors (a regression fails CI).

The floors sit a little below the figures measured when they were set (evaluation/instruments.py,
`python -m ingest evaluate-instruments`): per type on the dev set (random + coverage samples, which
the lexicon was tuned on) for the types with at least 10 gold sentences, overall on the dev set, and
overall on the held-out sample (never tuned on: the floor only catches regressions).
"""

from __future__ import annotations

import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

from evaluation.instruments import (
    INSTRUMENT_GOLD,
    SPLITS,
    InstrumentReport,
    evaluate_instruments,
    format_instrument_report,
    load_instrument_gold,
)
from jig.core.errors import DataFileError
from tests.conftest import ROOT

#: Dev-set F1 floors per instrument type.
TYPE_FLOORS: dict[str, float] = {
    "Talent": 0.84, "Funding": 0.75, "Infrastructure": 0.86, "TechnicalSupport": 0.77, "Information": 0.90,
    "Finance": 0.95, "IntellectualProperty": 0.90, "Regulation": 0.86, "GoalPlanning": 0.62,
    "StrategicMeasures": 0.81, "PilotDemonstration": 0.95, "TradeMarketAccess": 0.88,
}
#: (precision, recall) floors of the micro-average.
DEV_FLOOR = (0.79, 0.92)
HELDOUT_FLOOR = (0.68, 0.70)


@pytest.fixture(scope="module")
def report() -> InstrumentReport:
    return evaluate_instruments()


def test_instrument_gold_has_enough_annotated_sentences():
    gold = load_instrument_gold()
    samples = Counter(g.sample for g in gold)
    assert samples["random"] + samples["coverage"] >= 150 and samples["heldout"] >= 50
    covered = Counter(t for g in gold if g.sample != "heldout" for t in g.types)
    assert len(covered) == 15, "every instrument type has dev sentences"
    assert sum(1 for g in gold if not g.types) >= 30, "sentences that are no measure are part of the sample"
    assert len({(g.file, g.text) for g in gold}) == len(gold), "no sentence twice"


@pytest.mark.parametrize("kind", sorted(TYPE_FLOORS))
def test_instrument_type_f1_floor(report, kind):
    score = report.types(SPLITS["dev"])[kind]
    assert score.gold >= 10
    assert score.f1 >= TYPE_FLOORS[kind], format_instrument_report(report, details=True)


@pytest.mark.parametrize(("split", "floor"), [("dev", DEV_FLOOR), ("held-out", HELDOUT_FLOOR)])
def test_instrument_overall_floor(report, split, floor):
    overall = report.overall(SPLITS[split])
    assert overall.precision >= floor[0] and overall.recall >= floor[1], format_instrument_report(report)


def test_instrument_report_tables_name_every_type_and_split(report):
    text = format_instrument_report(report, details=True)
    for name in [*SPLITS, "IntellectualProperty", "TradeMarketAccess", "overall", "+", "-"]:
        assert name in text


def _gold(tmp_path: Path, body: str) -> Path:
    path = tmp_path / "sentences.yaml"
    path.write_text(body, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ("sentences:\n  - {file: a.txt, sample: random, text: 句子。}\n", "needs file, sample, text and types"),
        ("sentences:\n  - {file: a.txt, sample: random, text: 句子。, types: [Subsidy]}\n", "types must be a list"),
        ("sentences:\n  - {file: a.txt, sample: blind, text: 句子。, types: []}\n", "sample must be one of"),
        ("items: []\n", "'sentences' list"),
    ],
)
def test_instrument_gold_malformed_entry_names_the_file_and_line(tmp_path, body, message):
    path = _gold(tmp_path, body)
    with pytest.raises(DataFileError, match=message):
        load_instrument_gold(path)


def test_instrument_gold_text_must_be_verbatim_in_its_document(tmp_path):
    path = _gold(tmp_path, "sentences:\n  - file: 000_f999817a0b652a22.txt\n    sample: random\n"
                           "    text: 这句话不在文件里。\n    types: []\n")
    with pytest.raises(DataFileError, match=r"sentences\.yaml:2: the sentence is not verbatim in 000_"):
        evaluate_instruments(path)


def test_instrument_evaluate_cli_prints_the_tables():
    result = subprocess.run([sys.executable, "-m", "ingest", "evaluate-instruments"], cwd=ROOT, capture_output=True,
                            text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    assert "held-out" in result.stdout and "TechnicalSupport" in result.stdout
    assert str(INSTRUMENT_GOLD.relative_to(ROOT).parent) in result.stdout

"""Extraction quality on every gold split must not fall below its floors (regressions fail CI).

Each floor sits a little below what the pipeline achieved when it was last set (figures in the
README's "Extraction quality" section). The splits:

- `tests/gold` — the older dev set (bundled documents 000, 001, 003 and news-style passages), also
  training data of the learned tagger;
- `tests/gold/real/dev` — real public texts, used to tune rules and the tagger's settings;
- `tests/gold/real/blind` and `tests/gold/heldout` — held out, annotated blind, never tuned on: their
  floors only catch regressions, they are not targets anyone fits to.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from evaluation.report import format_report
from evaluation.run import evaluate
from evaluation.scoring import EvaluationReport
from jig.core.paths import GOLD_DIR

#: split → (entity precision, entity recall, relation F1) floors.
FLOORS: dict[str, tuple[float, float, float]] = {
    "": (0.92, 0.68, 0.77),
    "real/dev": (0.88, 0.73, 0.65),
    "real/blind": (0.76, 0.63, 0.48),
    "heldout": (0.85, 0.52, 0.57),
}


@pytest.fixture(scope="module", params=sorted(FLOORS), ids=lambda s: s or "dev")
def split(request: pytest.FixtureRequest) -> tuple[str, EvaluationReport]:
    return request.param, evaluate(GOLD_DIR / request.param if request.param else GOLD_DIR)


def test_evaluate_quality_entity_precision(split: tuple[str, EvaluationReport]):
    name, report = split
    assert report.entity_overall.precision >= FLOORS[name][0], format_report(report, details=True)


def test_evaluate_quality_entity_recall(split: tuple[str, EvaluationReport]):
    name, report = split
    assert report.entity_overall.recall >= FLOORS[name][1], format_report(report, details=True)


def test_evaluate_quality_relation_f1(split: tuple[str, EvaluationReport]):
    name, report = split
    assert report.relation_overall.f1 >= FLOORS[name][2], format_report(report, details=True)


def test_evaluate_quality_report_covers_every_gold_label_and_type(split: tuple[str, EvaluationReport]):
    name, report = split
    text = format_report(report)
    for label in [*report.entities, *report.relations, "overall", "unseen-passage entity recall"]:
        assert label in text
    every_label = {"Institution", "Platform", "Alliance", "Industry", "Technology", "Program", "Region", "Zone"}
    assert name or every_label <= set(report.entities)


def test_evaluate_quality_every_split_has_a_floor():
    real = sorted(str(p.relative_to(GOLD_DIR)) for p in (GOLD_DIR / "real").iterdir() if p.is_dir()
                  and not p.name.startswith("train"))
    assert set(real) <= set(FLOORS), "a new gold split needs its floors here"
    assert all(Path(GOLD_DIR / s).is_dir() for s in FLOORS)

"""ingest.relate.relations and ingest.targets.goals on the bundled corpus through the real chain (read → segment →
extract → resolve → relate → targets): the lead's acceptance cases."""

from __future__ import annotations

from pathlib import Path

import pytest

from ingest.lexicon.gazetteer import default_gazetteer
from ingest.pipeline import extract_documents
from ingest.read.document import read_corpus
from jig.core.records import Extraction
from jig.core.schema import RELATIONS, RelType

CORPUS = Path(__file__).resolve().parents[3] / "data" / "corpus"


@pytest.fixture(scope="module")
def extraction() -> Extraction:
    return extract_documents(read_corpus(CORPUS), default_gazetteer())


@pytest.mark.parametrize(("institution", "industry"), [
    ("inst_faw", "ind_automotive"),
    ("inst_crrc_cc", "ind_rail_transit"),
    ("inst_ciomp", "ind_optoelectronics"),
    ("inst_jcf", "ind_carbon_fiber"),
])
def test_relate_corpus_anchors(extraction: Extraction, institution: str, industry: str) -> None:
    anchors = {(e.source, e.target) for e in extraction.edges if e.type is RelType.ANCHORS}
    assert (institution, industry) in anchors


def test_relate_corpus_edges_are_typed_and_evidenced(extraction: Extraction) -> None:
    entities = {e.id: e for e in extraction.resolution.entities}
    texts = {s.id: s.text for s in extraction.sentences}
    gazetteer = default_gazetteer()
    forms = {e.id: {e.name, *e.aliases, *(gazetteer.get(e.id).keywords if e.id in gazetteer else ())}
             for e in entities.values()}
    typed = [e for e in extraction.edges if e.type is not RelType.CO_MENTIONED]
    assert {e.type for e in typed} >= {RelType.HOSTED_BY, RelType.FOCUSES_ON, RelType.LOCATED_IN, RelType.PART_OF,
                                       RelType.ANCHORS}
    for edge in extraction.edges:
        relation = RELATIONS[edge.type]
        assert entities[edge.source].label in relation.sources, edge
        assert entities[edge.target].label in relation.targets, edge
        assert all(texts[ev.sentence_id] == ev.text for ev in edge.evidence)
    for edge in typed:
        def names(entity_id: str, text: str) -> bool:
            return any(form in text for form in forms[entity_id])
        assert any(names(edge.source, ev.text) and (names(edge.target, ev.text) or any(c in ev.text for c in edge.cues))
                   for ev in edge.evidence), edge


def test_targets_corpus_rd_share_of_gdp_series(extraction: Extraction) -> None:
    series = sorted((t.year, t.value) for t in extraction.targets
                    if t.metric == "R&D经费占GDP比重" and t.kind == "Target")
    assert series == [(2015, 2.0), (2017, 2.0), (2025, 2.0), (2035, 3.0)]
    baselines = sorted((t.year, t.value) for t in extraction.targets
                       if t.metric == "R&D经费占GDP比重" and t.kind == "Baseline")
    assert baselines == [(2005, 1.09), (2012, 0.96)]

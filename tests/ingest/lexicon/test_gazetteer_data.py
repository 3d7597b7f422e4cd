"""The curated gazetteer loads, is consistent, and reports malformed files with file and line."""

from __future__ import annotations

from pathlib import Path

import pytest

from ingest.lexicon.gazetteer import default_gazetteer, load_gazetteer
from jig.core.errors import DataFileError
from jig.core.schema import KINDS, Label


@pytest.mark.parametrize(
    ("surface", "entity_id"),
    [
        ("中国北车长春轨道客车股份有限公司", "inst_crrc_cc"),
        ("中车长客", "inst_crrc_cc"),
        ("一汽", "inst_faw"),
        ("一汽集团", "inst_faw"),
        ("中国一汽", "inst_faw"),
        ("长春光机所", "inst_ciomp"),
        ("中科院长春光机所", "inst_ciomp"),
        ("中国科学院长春光学精密机械与物理研究所", "inst_ciomp"),
        ("碳纤维", "ind_carbon_fiber"),
    ],
)
def test_gazetteer_aliases_resolve_to_one_entry(surface: str, entity_id: str) -> None:
    assert default_gazetteer().lookup(surface).id == entity_id


def test_gazetteer_entries_are_complete() -> None:
    gazetteer = default_gazetteer()
    for entry in gazetteer.entries:
        assert entry.name and entry.name_en, entry.id
        assert entry.kind in KINDS[entry.label], entry.id
    assert gazetteer.get("inst_crrc_cc").name_en == "CRRC Changchun Railway Vehicles"
    assert gazetteer.get("inst_faw").name_en == "China FAW Group"


def test_gazetteer_industry_taxonomy_has_parents() -> None:
    gazetteer = default_gazetteer()
    assert gazetteer.get("ind_carbon_fiber").parent == "ind_new_materials"
    industries = gazetteer.with_label(Label.INDUSTRY)
    assert all(gazetteer.get(e.parent).label == Label.INDUSTRY for e in industries if e.parent)


@pytest.mark.parametrize(
    ("content", "problem", "line"),
    [
        ("entities:\n  - id: inst_x\n    label: Institution\n    name: 甲\n  - id: inst_y\n    label: Nope\n    name: 乙\n",
         "unknown label", 5),
        ("entities:\n  - id: inst_x\n    label: Institution\n    kind: Castle\n    name: 甲\n", "unknown kind", 2),
        ("entities:\n  - id: plat_x\n    label: Institution\n    name: 甲\n", "id must start with inst_", 2),
        ("entities:\n  - id: inst_x\n    label: Institution\n", "entity lacks name", 2),
        ("entities: [\n", "not valid YAML", None),
        ("- just a list\n", "expected a mapping", None),
    ],
)
def test_gazetteer_malformed_file_names_file_and_line(tmp_path: Path, content: str, problem: str, line: int | None) -> None:
    path = tmp_path / "bad.yaml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(DataFileError) as caught:
        load_gazetteer([path])
    assert problem in str(caught.value)
    assert str(path) in str(caught.value)
    if line is not None:
        assert caught.value.line == line


def test_gazetteer_rejects_a_surface_form_shared_by_two_entities(tmp_path: Path) -> None:
    path = tmp_path / "dup.yaml"
    path.write_text(
        "entities:\n  - {id: inst_a, label: Institution, name: 甲, aliases: [丙]}\n"
        "  - {id: inst_b, label: Institution, name: 乙, aliases: [丙]}\n",
        encoding="utf-8",
    )
    with pytest.raises(DataFileError, match="used by both inst_a and inst_b"):
        load_gazetteer([path])

"""Small corpora for the build, cache and add tests: three short documents of the bundled corpus with
their manifest entries, and a new document naming an institution none of them names."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml

from jig.core.paths import CORPUS_DIR

#: Three of the shortest documents of the bundled corpus (one in traditional script).
SMALL_CORPUS = (
    "020_changchun_new_area_2020_little_giant_application_notice.txt",
    "027_jilin_kjt_2022_incubator_revocation_notice_trad.txt",
    "032_jilin_kjt_2025_industry_innovation_consortia_filing_notice.txt",
)
NEW_FILE = "900_snow_notice.txt"
NEW_TEXT = (
    "关于支持冰雪装备产业创新发展的通知\n\n"
    "2024年，省科技厅支持长白山冰雪装备研究院建设冰雪装备中试基地，"
    "推动吉林大学与长白山冰雪装备研究院共建联合实验室。\n"
)
#: The institution only NEW_TEXT names.
NEW_INSTITUTION = "长白山冰雪装备研究院"


def copy_corpus(folder: Path, files: tuple[str, ...] = SMALL_CORPUS) -> Path:
    """`files` of the bundled corpus copied into `folder`, with their entries of its manifest."""
    folder.mkdir(parents=True, exist_ok=True)
    for name in files:
        shutil.copy(CORPUS_DIR / name, folder / name)
    manifest = yaml.safe_load((CORPUS_DIR / "manifest.yaml").read_text(encoding="utf-8"))
    entries = {name: entry for name, entry in manifest["documents"].items() if name in files}
    (folder / "manifest.yaml").write_text(yaml.safe_dump({"documents": entries}, allow_unicode=True), encoding="utf-8")
    return folder


@pytest.fixture
def small_corpus(tmp_path: Path) -> Path:
    """A fresh copy of the three documents of SMALL_CORPUS and their manifest."""
    return copy_corpus(tmp_path / "corpus")


@pytest.fixture
def new_document(tmp_path: Path) -> Path:
    """A document outside the corpus folder (no manifest there) naming NEW_INSTITUTION."""
    path = tmp_path / "incoming" / NEW_FILE
    path.parent.mkdir()
    path.write_text(NEW_TEXT, encoding="utf-8")
    return path

"""Where the project's data lives, relative to the checkout (not to the working directory)."""

from __future__ import annotations

from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parents[2]
#: Curated knowledge: gazetteer, industry taxonomy, cue lexicon, metric catalogue.
ONTOLOGY_DATA = PROJECT_ROOT / "ontology" / "data"
#: The bundled corpus.
CORPUS_DIR = PROJECT_ROOT / "data" / "corpus"
#: The gold sets (dev at the top, other splits in sub-folders).
GOLD_DIR = PROJECT_ROOT / "tests" / "gold"

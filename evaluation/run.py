"""Run the real pipeline on a gold set and score it.

Every item becomes a document (corpus files read from `data/corpus/`, passages from their inline
text); all go through `ingest.pipeline.extract_documents` together, and each item is scored on the
unique entities it mentions and the typed relations whose evidence lies in it.
"""

from __future__ import annotations

import logging
from collections import defaultdict
from dataclasses import replace
from pathlib import Path

from evaluation.gold import DOCUMENTS_FILE, PASSAGES_FILE, GoldItem, load_gold
from evaluation.scoring import EvaluationReport, PredictedEntity, PredictedRelation, score_item, summarize
from jig.core.errors import DataFileError
from jig.core.paths import CORPUS_DIR, GOLD_DIR
from jig.core.records import Document

log = logging.getLogger(__name__)

def gold_splits(gold_dir: Path) -> list[Path]:
    """The gold sets below `gold_dir`: the folder itself when it holds gold files, else each sub-folder
    that does (tests/gold/real → train_a, train_b, dev, blind), sorted. Raises DataFileError if none."""
    def holds_gold(folder: Path) -> bool:
        return (folder / DOCUMENTS_FILE).is_file() or (folder / PASSAGES_FILE).is_file()

    if holds_gold(gold_dir):
        return [gold_dir]
    splits = sorted(p for p in gold_dir.iterdir() if p.is_dir() and holds_gold(p)) if gold_dir.is_dir() else []
    if not splits:
        raise DataFileError(gold_dir, f"no gold set here: expected {DOCUMENTS_FILE} and/or {PASSAGES_FILE}, "
                                      "in this folder or in its sub-folders")
    return splits


def evaluate(gold_dir: Path = GOLD_DIR, corpus_dir: Path = CORPUS_DIR, *, learned: bool = True) -> EvaluationReport:
    """Run the pipeline on the gold inputs and score it.

    Corpus documents are read with `ingest.read.document.read_document` from `corpus_dir`; passages become
    documents with their inline text. All of them go through `ingest.pipeline.extract_documents`
    together; `learned` False runs the rules alone, without the learned span tagger (the ablation).
    Raises DataFileError for a malformed gold file or a document it names that is missing.
    """
    from ingest.pipeline import extract_documents

    items = load_gold(gold_dir)
    documents = [_document(item, gold_dir, corpus_dir) for item in items]
    log.info("evaluating on %d gold items", len(items))
    extraction = extract_documents(documents, learned=learned)
    entities = {e.id: e for e in extraction.resolution.entities}
    surfaces: dict[str, dict[str, dict[str, None]]] = defaultdict(lambda: defaultdict(dict))
    for resolved in extraction.resolution.mentions:
        surfaces[resolved.mention.doc_id][resolved.entity_id][resolved.mention.surface] = None
    relations: dict[str, set[PredictedRelation]] = defaultdict(set)
    for edge in extraction.edges:
        for doc_id in edge.docs:
            relations[doc_id].add(PredictedRelation(edge.type, edge.source, edge.target))
    scores = []
    for item, document in zip(items, documents, strict=True):
        predicted = [
            PredictedEntity(entity_id, entities[entity_id].label,
                            (entities[entity_id].name, *entities[entity_id].aliases, *forms))
            for entity_id, forms in surfaces[document.id].items()
        ]
        scores.append(score_item(item, predicted, relations[document.id]))
    return replace(summarize(scores), gold_set=_display_path(gold_dir))


def _display_path(path: Path) -> str:
    """`path` relative to the working directory when it lies below it (tests/gold), else as given."""
    try:
        return str(path.resolve().relative_to(Path.cwd()))
    except ValueError:
        return str(path)


def _document(item: GoldItem, gold_dir: Path, corpus_dir: Path) -> Document:
    from ingest.read.document import read_document
    from jig.core.text import simplified_view

    if item.file is not None:
        path = corpus_dir / item.file
        if not path.is_file():
            raise DataFileError(gold_dir / DOCUMENTS_FILE, f"gold document not found in {corpus_dir}", text=item.file)
        return read_document(path)
    text = item.text or ""
    return Document(id=item.id, file=f"{item.id}.txt", path=str(gold_dir / PASSAGES_FILE), text=text,
                    view=simplified_view(text))

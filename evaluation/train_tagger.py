"""Train the span tagger (`ingest.extract.tagger`) from the training gold splits, deterministically.

Training data: the older dev sets (`tests/gold/documents.yaml`, `tests/gold/passages.yaml`) and the
real-text training splits `tests/gold/real/train_a` and `train_b`; a split folder that is missing is
skipped with a log line. Never `tests/gold/real/dev`, `real/blind` or `heldout`. Items are sorted by
id and the hyper-parameters are fixed, so two runs on the same data write byte-identical model files.

The regularisation (`C1`, `C2`) was chosen with `--grid`: a model per pair of `GRID`, trained on the
training splits and scored by span F1 on `tests/gold/real/dev` (or, when that folder is missing, on every
fifth training item, trained on the others). The grid only prints; the constants below are the choice.

    .venv/bin/python -m evaluation.train_tagger [--out PATH] [--grid]
"""

from __future__ import annotations

import argparse
import logging
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

import pycrfsuite

from evaluation.gold import DOCUMENTS_FILE, PASSAGES_FILE
from evaluation.scoring import Score
from evaluation.spans import DEV_DIR, GoldSentence, gold_sentences, span_scores
from ingest.extract.features import FeatureExtractor
from ingest.extract.tagger import MODEL_PATH, SpanTagger
from ingest.lexicon.gazetteer import default_gazetteer
from jig.core.errors import JilinGraphError
from jig.core.paths import GOLD_DIR

log = logging.getLogger(__name__)

TRAINING_SPLITS: tuple[Path, ...] = (GOLD_DIR, GOLD_DIR / "real" / "train_a", GOLD_DIR / "real" / "train_b")
#: L1 and L2 regularisation, chosen by `--grid` on real/dev span F1 (see `GRID`).
C1, C2 = 0.05, 0.01
MAX_ITERATIONS = 300
#: The (c1, c2) pairs `--grid` tries.
GRID: tuple[tuple[float, float], ...] = tuple((c1, c2) for c1 in (0.02, 0.05, 0.1, 0.2) for c2 in (0.01, 0.05, 0.2))
#: Without a dev folder, every this-many-th training sentence group (item) is held out for the grid.
SLICE = 5

Example = tuple[pycrfsuite.ItemSequence, list[str]]


def training_sentences(splits: Sequence[Path] = TRAINING_SPLITS) -> list[GoldSentence]:
    """The gold sentences of the training splits that exist, sorted by item id."""
    found = []
    for split in splits:
        if not any((split / name).is_file() for name in (DOCUMENTS_FILE, PASSAGES_FILE)):
            log.info("training split %s not found: skipped", split)
            continue
        found.extend(gold_sentences(split))
    return sorted(found, key=lambda s: (s.item_id, s.sentence.index))


def examples(sentences: Sequence[GoldSentence], features: FeatureExtractor) -> list[Example]:
    """Feature sequences and BIO tags of the sentences."""
    return [(pycrfsuite.ItemSequence(features.features(s.sentence)), s.tags) for s in sentences]


def train(data: Sequence[Example], out: Path, c1: float = C1, c2: float = C2) -> None:
    """Fit a CRF with L-BFGS on `data` and write it to `out`."""
    trainer = pycrfsuite.Trainer(algorithm="lbfgs", verbose=False)
    trainer.set_params({"c1": c1, "c2": c2, "max_iterations": MAX_ITERATIONS,
                        "feature.possible_transitions": True})
    for xseq, yseq in data:
        trainer.append(xseq, yseq)
    out.parent.mkdir(parents=True, exist_ok=True)
    trainer.train(str(out))


def grid(sentences: Sequence[GoldSentence], features: FeatureExtractor) -> list[tuple[float, float, Score]]:
    """Micro span scores of a model per (c1, c2) of `GRID` on real/dev (or on a fixed slice of `sentences`)."""
    if any(DEV_DIR.joinpath(name).is_file() for name in (DOCUMENTS_FILE, PASSAGES_FILE)):
        fit, held = list(sentences), gold_sentences(DEV_DIR)
    else:
        log.info("%s not found: tuning on every %dth training item", DEV_DIR, SLICE)
        ids = sorted({s.item_id for s in sentences})
        held_ids = set(ids[::SLICE])
        fit = [s for s in sentences if s.item_id not in held_ids]
        held = [s for s in sentences if s.item_id in held_ids]
    data = examples(fit, features)
    results = []
    with tempfile.TemporaryDirectory() as folder:
        for c1, c2 in GRID:
            path = Path(folder) / f"{c1}_{c2}.crfsuite"
            train(data, path, c1, c2)
            scores = span_scores(held, SpanTagger.load(path, features))
            results.append((c1, c2, sum(scores.values(), Score())))
    return results


def main(argv: list[str] | None = None) -> int:
    """Train the model (or, with --grid, print the grid); exit 1 with one line on a gold-file error."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=MODEL_PATH, help=f"model file (default {MODEL_PATH})")
    parser.add_argument("--grid", action="store_true", help="score every (c1, c2) of GRID instead of training")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    started = time.perf_counter()
    try:
        sentences = training_sentences()
        features = FeatureExtractor(default_gazetteer())
        if args.grid:
            for c1, c2, score in grid(sentences, features):
                print(f"c1={c1:<5} c2={c2:<5} P={score.precision:.3f} R={score.recall:.3f} F1={score.f1:.3f}")
            return 0
        train(examples(sentences, features), args.out)
    except JilinGraphError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    items = len({s.item_id for s in sentences})
    log.info("trained on %d sentences of %d items in %.1f s: %s (%d bytes)", len(sentences), items,
             time.perf_counter() - started, args.out, args.out.stat().st_size)
    return 0


if __name__ == "__main__":
    sys.exit(main())

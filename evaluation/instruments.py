"""Score the policy-instrument coding against the gold sentences of `tests/gold/instruments/sentences.yaml`.

The gold sentences' documents are read from the corpus (with its manifest) and run through the whole
text pipeline, exactly as a build runs them; a gold sentence is found in its document's text (it must
be verbatim there) and gets the types of every coding whose sentence overlaps it. Per type, a true
positive is a gold sentence coded with that type. Figures are given for the dev set (the random and
coverage samples, which the lexicon was tuned on), its random sample alone (the coverage sample was
chosen for rarer types, so it flatters their recall) and the held-out sample (never tuned on).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from evaluation.scoring import Score
from jig.core.datafile import line_of, load_yaml, top_level
from jig.core.errors import DataFileError
from jig.core.paths import CORPUS_DIR, GOLD_DIR
from jig.core.records import Document, Instrument
from jig.core.schema import KINDS, Label

INSTRUMENT_GOLD = GOLD_DIR / "instruments" / "sentences.yaml"
SAMPLES = ("random", "coverage", "heldout")
#: The figures reported: a name and the samples it covers.
SPLITS: dict[str, tuple[str, ...]] = {"dev": ("random", "coverage"), "dev, random sample": ("random",),
                                      "held-out": ("heldout",)}
TYPES: tuple[str, ...] = KINDS[Label.INSTRUMENT]


@dataclass(frozen=True)
class GoldSentence:
    """A dev-set sentence: its document, the sample it was drawn in, its verbatim text and its gold types."""

    file: str
    sample: str
    text: str
    types: frozenset[str]
    line: int | None = None


@dataclass(frozen=True)
class CodedSentence:
    """A gold sentence with the types the pipeline coded it with."""

    gold: GoldSentence
    predicted: frozenset[str]


@dataclass(frozen=True)
class InstrumentReport:
    """Every gold sentence with the types it was coded with; per-type scores for any of the samples."""

    sentences: tuple[CodedSentence, ...]

    def of(self, samples: Iterable[str]) -> list[CodedSentence]:
        """The sentences of the given samples."""
        wanted = set(samples)
        return [c for c in self.sentences if c.gold.sample in wanted]

    def types(self, samples: Iterable[str] = SPLITS["dev"]) -> dict[str, Score]:
        """Per instrument type (schema order): true positives, predictions and gold sentences."""
        coded = self.of(samples)
        return {
            kind: Score(
                tp=sum(1 for c in coded if kind in c.gold.types and kind in c.predicted),
                predicted=sum(1 for c in coded if kind in c.predicted),
                gold=sum(1 for c in coded if kind in c.gold.types),
            )
            for kind in TYPES
        }

    def overall(self, samples: Iterable[str] = SPLITS["dev"]) -> Score:
        """The micro-average over every type."""
        return sum(self.types(samples).values(), Score())


def load_instrument_gold(path: Path = INSTRUMENT_GOLD) -> list[GoldSentence]:
    """The dev-set sentences; DataFileError naming the file and line for a malformed entry or unknown type."""
    data = load_yaml(path, "instrument gold set")
    gold = []
    for record in top_level(path, data, "sentences"):
        line = line_of(record, data.line)
        if not isinstance(record, dict) or not {"file", "sample", "text", "types"} <= record.keys():
            raise DataFileError(path, "a gold sentence needs file, sample, text and types", line=line, text=str(record))
        types = record["types"]
        if not isinstance(types, list) or any(t not in TYPES for t in types):
            raise DataFileError(path, f"types must be a list of instrument types ({', '.join(TYPES)})", line=line,
                                text=str(types))
        if record["sample"] not in SAMPLES:
            raise DataFileError(path, f"sample must be one of {', '.join(SAMPLES)}", line=line,
                                text=str(record["sample"]))
        if not isinstance(record["text"], str) or not record["text"].strip():
            raise DataFileError(path, "text must be the sentence, verbatim", line=line)
        gold.append(GoldSentence(str(record["file"]), record["sample"], record["text"], frozenset(types), line))
    return gold


def evaluate_instruments(gold_path: Path = INSTRUMENT_GOLD, corpus_dir: Path = CORPUS_DIR) -> InstrumentReport:
    """Run the pipeline on the dev set's documents and score the instrument coding of its sentences.

    Raises DataFileError for a malformed gold file, a missing document or a text not verbatim in it.
    """
    from ingest.pipeline import extract_documents
    from ingest.read.document import read_document
    from ingest.read.manifest import load_corpus_manifest

    gold = load_instrument_gold(gold_path)
    manifest = load_corpus_manifest(corpus_dir)
    documents: dict[str, Document] = {}
    for item in gold:
        path = corpus_dir / item.file
        if item.file not in documents:
            if not path.is_file():
                raise DataFileError(gold_path, f"gold document not found in {corpus_dir}", line=item.line,
                                    text=item.file)
            documents[item.file] = read_document(path, manifest)
    extraction = extract_documents(list(documents.values()))
    return InstrumentReport(tuple(
        CodedSentence(item, _predicted(item, documents[item.file], extraction.instruments, gold_path)) for item in gold
    ))


def _predicted(item: GoldSentence, document: Document, instruments: Iterable[Instrument],
               gold_path: Path) -> frozenset[str]:
    start = document.text.find(item.text)
    if start < 0:
        raise DataFileError(gold_path, f"the sentence is not verbatim in {item.file}", line=item.line,
                            text=item.text[:40])
    end = start + len(item.text)
    return frozenset(i.kind for i in instruments
                     if i.doc_id == document.id and i.evidence.start < end and start < i.evidence.end)


def format_instrument_report(report: InstrumentReport, details: bool = False) -> str:
    """The report as plain-text tables, one per split of `SPLITS`; with `details`, each sentence coded wrongly."""
    from evaluation.report import score_table

    lines = [f"Policy-instrument coding on {len(report.sentences)} gold sentences (tests/gold/instruments)"]
    for name, samples in SPLITS.items():
        lines += ["", f"{name} ({len(report.of(samples))} sentences: {' + '.join(samples)})",
                  *score_table("type", report.types(samples), report.overall(samples))]
    if details:
        lines += ["", "sentences coded differently from the gold (+ spurious, - missed)"]
        for c in report.sentences:
            if c.predicted != c.gold.types:
                changes = [f"+{t}" for t in TYPES if t in c.predicted - c.gold.types]
                changes += [f"-{t}" for t in TYPES if t in c.gold.types - c.predicted]
                lines.append(f"  {c.gold.file}:{c.gold.line} {' '.join(changes)}  {c.gold.text[:60]}")
    return "\n".join(lines)

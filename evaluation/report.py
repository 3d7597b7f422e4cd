"""The evaluation report as plain-text tables."""

from __future__ import annotations

from evaluation.gold import TARGETS
from evaluation.scoring import EvaluationReport, Score


def format_report(report: EvaluationReport, details: bool = False) -> str:
    """The report as plain-text tables; with `details`, also what each item missed or got wrong."""
    items = report.items
    unseen_items = sum(1 for i in items if i.unseen)
    lines = [f"Extraction quality on {report.gold_set} ({len(items)} items, {unseen_items} unseen-institution passages)",
             ""]
    lines += score_table("entities", report.entities, report.entity_overall)
    lines.append("")
    lines += score_table("relations", report.relations, report.relation_overall)
    lines += ["", f"unseen-passage entity recall: {report.unseen_recall:.3f} "
                  f"({report.unseen.tp}/{report.unseen.gold})", TARGETS]
    if details:
        lines += ["", "[name]: a predicted entity that matches no gold entity of the item"]
        for item in items:
            for title, values in (("missed entities", item.missed_entities),
                                  ("spurious entities", item.spurious_entities),
                                  ("missed relations", item.missed_relations),
                                  ("spurious relations", item.spurious_relations)):
                if values:
                    lines += ["", f"{item.id}: {title}", *(f"  {v}" for v in values)]
    return "\n".join(lines)


def score_table(title: str, rows: dict[str, Score], overall: Score) -> list[str]:
    """Rows of predicted, gold, true positives, P, R and F1 per name, then the overall row."""
    width = max([16, *(len(name) + 1 for name in rows)])
    header = f"{title:<{width}}{'pred':>6}{'gold':>6}{'tp':>6}{'P':>8}{'R':>8}{'F1':>8}"
    body = [
        f"{name:<{width}}{s.predicted:>6}{s.gold:>6}{s.tp:>6}{s.precision:>8.3f}{s.recall:>8.3f}{s.f1:>8.3f}"
        for name, s in [*rows.items(), ("overall", overall)]
    ]
    return [header, "-" * len(header), *body[:-1], "-" * len(header), body[-1]]


def format_ablation(rows: dict[str, tuple[EvaluationReport, EvaluationReport]]) -> str:
    """Rules alone against rules + the learned tagger, per split: entity P/R/F1 and relation F1."""
    header = f"{'split':<26}{'extractor':<16}{'ent P':>8}{'ent R':>8}{'ent F1':>8}{'rel F1':>8}"
    lines = ["ablation: rules alone vs rules + learned tagger", header, "-" * len(header)]
    for split, reports in rows.items():
        for name, report in zip(("rules", "rules+learned"), reports, strict=True):
            e = report.entity_overall
            lines.append(f"{split:<26}{name:<16}{e.precision:>8.3f}{e.recall:>8.3f}{e.f1:>8.3f}"
                         f"{report.relation_overall.f1:>8.3f}")
    return "\n".join(lines)

"""Who may anchor an industry, and through which relation: the one ANCHORS rule of the project.

The relate stage derives ANCHORS with it; the evaluator applies it to the gold relations.
"""

from __future__ import annotations

from jig.core.schema import Label, RelType


def anchoring_party(rel_type: RelType, source: str, target: str) -> tuple[str, str] | None:
    """(institution, thing) when the relation ties an institution to a thing whose industries it may
    anchor: it hosts (HOSTED_BY), is supported for (SUPPORTS) or leads (LEADS) the thing; else None."""
    if rel_type in (RelType.HOSTED_BY, RelType.SUPPORTS):
        return target, source
    if rel_type is RelType.LEADS:
        return source, target
    return None


def can_anchor(label: Label, kind: str) -> bool:
    """Whether an entity may anchor an industry: an institution that is not a government body."""
    return label is Label.INSTITUTION and kind != "Government"

"""The few Cypher fragments that differ between LadybugDB and Neo4j, chosen by backend name."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from jig.core.schema import RelType, check_rel_type


@dataclass(frozen=True)
class Dialect:
    """How one backend spells a node's label and a relationship's type."""

    label_function: str
    type_function: str

    def node_label(self, variable: str) -> str:
        """Cypher expression giving the single label of the node bound to `variable`."""
        return self.label_function.format(variable)

    def rel_type(self, variable: str) -> str:
        """Cypher expression giving the type of the relationship bound to `variable`."""
        return self.type_function.format(variable)


_DIALECTS = {
    "embedded": Dialect(label_function="label({})", type_function="label({})"),
    "neo4j": Dialect(label_function="labels({})[0]", type_function="type({})"),
}


def dialect_for(backend: str) -> Dialect:
    """The dialect of a store backend ("embedded" or "neo4j")."""
    try:
        return _DIALECTS[backend]
    except KeyError:
        raise ValueError(f"unknown store backend {backend!r}; known: {', '.join(_DIALECTS)}") from None


def rel_pattern(types: Iterable[str | RelType]) -> str:
    """A checked relationship-type alternation for a pattern, e.g. ``ANCHORS|FOCUSES_ON``."""
    checked = sorted({check_rel_type(str(t)).value for t in types})
    if not checked:
        raise ValueError("at least one relation type is needed")
    return "|".join(checked)

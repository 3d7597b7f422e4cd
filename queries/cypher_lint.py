"""Cypher lint: every Neo4j Cypher string of the project, checked by `@neo4j-cypher/language-support`.

The statements are the Neo4j variant of every library query and every statement the Neo4j loader
sends; the schema (labels, relationship types, property keys, endpoint pairs) comes from
`jig.core.schema`, so a label, type or property the ontology does not know is a lint failure.
Runs `node queries/lint/lint.mjs` (install its package once with `cd queries/lint && npm ci`).
"""

from __future__ import annotations

import json
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from jig.core.errors import LintUnavailableError
from jig.core.schema import NODE_PROPERTIES, RELATIONS, Label, RelType
from queries.catalog import load_catalog
from queries.neo4j_store import LOADER_PROPERTIES, LOADER_ROW_KEYS, loader_statements

LINT_DIR = Path(__file__).resolve().parent / "lint"
_LOADER_PARAMETERS = {"rows": [], "build": "", "batch": 1000}


@dataclass(frozen=True)
class LintItem:
    """One Cypher statement to lint, with example values of its parameters."""

    name: str
    text: str
    parameters: dict[str, Any]


@dataclass(frozen=True)
class LintProblem:
    """A diagnostic of the linter: which statement, where, how bad, what."""

    name: str
    line: int
    column: int
    severity: str
    message: str

    def __str__(self) -> str:
        return f"{self.name}:{self.line}:{self.column}: {self.severity}: {self.message}"


@dataclass(frozen=True)
class LintReport:
    """How many statements were checked and the problems found."""

    checked: int
    problems: list[LintProblem]


def lint_schema() -> dict[str, Any]:
    """The DbSchema of the language-support package, generated from the ontology."""
    node_keys = {p.name for props in NODE_PROPERTIES.values() for p in props}
    rel_keys = {p.name for rel in RELATIONS.values() for p in rel.properties}
    return {
        "labels": [label.value for label in Label],
        "relationshipTypes": [rel_type.value for rel_type in RelType],
        "propertyKeys": sorted(node_keys | rel_keys | set(LOADER_PROPERTIES) | set(LOADER_ROW_KEYS)),
        "graphSchema": [
            {"from": s.value, "to": t.value, "relType": rel.type.value}
            for rel in RELATIONS.values() for s, t in rel.pairs()
        ],
    }


def lint_items() -> list[LintItem]:
    """The Neo4j variant of every library query and every loader statement."""
    items = [
        LintItem(f"library/{q.name}", q.text_for("neo4j"),
                 {p.name: p.example if p.example is not None else p.default for p in q.parameters})
        for q in load_catalog().values()
    ]
    items += [LintItem(f"loader/{name}", text, _LOADER_PARAMETERS) for name, text in loader_statements()]
    return items


def run_lint(items: list[LintItem], schema: dict[str, Any] | None = None, lint_dir: Path = LINT_DIR) -> LintReport:
    """Lint `items` with node; LintUnavailableError if node or the npm package is missing."""
    node = shutil.which("node")
    if node is None:
        raise LintUnavailableError("node is not installed; the Cypher lint needs Node.js 18 or later")
    if not (lint_dir / "node_modules" / "@neo4j-cypher" / "language-support").is_dir():
        raise LintUnavailableError(f"the linter's npm package is missing; run `cd {lint_dir} && npm ci`")
    payload = {
        "schema": schema if schema is not None else lint_schema(),
        "queries": [{"name": i.name, "text": i.text, "parameters": i.parameters} for i in items],
    }
    done = subprocess.run([node, str(lint_dir / "lint.mjs"), "--json"], input=json.dumps(payload, ensure_ascii=False),
                          capture_output=True, text=True, encoding="utf-8", cwd=lint_dir, check=False)
    try:
        report = json.loads(done.stdout)
    except json.JSONDecodeError:
        raise LintUnavailableError(f"the Cypher linter failed: {done.stderr.strip() or done.stdout.strip()}") from None
    return LintReport(report["checked"], [LintProblem(**p) for p in report["problems"]])

"""The Cypher lint (real `@neo4j-cypher/language-support` under node): the project passes, broken Cypher fails."""

from __future__ import annotations

import os
import shutil

import pytest

from jig.core.schema import Label, RelType
from queries.catalog import load_catalog
from queries.cypher_lint import LINT_DIR, LintItem, lint_items, lint_schema, run_lint
from queries.neo4j_store import loader_statements

# Skipped only outside CI: under `make test` (and so in CI) the linter is installed first, and a
# missing linter must fail the run rather than hide it.
pytestmark = pytest.mark.skipif(
    not os.environ.get("CI") and (shutil.which("node") is None or not (LINT_DIR / "node_modules").is_dir()),
    reason=f"the Cypher linter is not installed; run `cd {LINT_DIR} && npm ci` (make test does)",
)


def test_lint_checks_every_library_query_and_loader_statement():
    names = {item.name for item in lint_items()}
    assert {f"library/{name}" for name in load_catalog()} <= names
    assert {f"loader/{name}" for name, _ in loader_statements()} <= names


def test_lint_schema_comes_from_the_ontology():
    schema = lint_schema()
    assert set(schema["labels"]) == {label.value for label in Label}
    assert set(schema["relationshipTypes"]) == {t.value for t in RelType}
    assert {"name_en", "evidence", "centrality", "build"} <= set(schema["propertyKeys"])


def test_lint_project_cypher_is_clean():
    report = run_lint(lint_items())
    assert report.checked == len(lint_items())
    assert report.problems == [], "\n".join(map(str, report.problems))


BROKEN = [
    ("MATCH (n:Institution RETURN n", "Invalid input"),
    ("MATCH (n:Instituton) RETURN n.name", "Instituton"),
    ("MATCH (n:Institution)-[:ANCHOR]->(m) RETURN m", "ANCHOR"),
    ("MATCH (n:Institution) RETURN n.nmae", "nmae"),
    ("MATCH (n:Institution) WHERE n.name = $undeclared RETURN n", "undeclared"),
]


@pytest.fixture(scope="module")
def broken_report():
    items = [LintItem(f"broken{i}", text, {}) for i, (text, _) in enumerate(BROKEN)]
    return run_lint([*items, LintItem("fine", "MATCH (n:Institution) WHERE n.name = $x RETURN n.name", {"x": ""})])


@pytest.mark.parametrize(("index", "message"), [(i, message) for i, (_, message) in enumerate(BROKEN)])
def test_lint_broken_query_fails(broken_report, index, message):
    found = [p.message for p in broken_report.problems if p.name == f"broken{index}"]
    assert any(message in text for text in found), found
    assert not [p for p in broken_report.problems if p.name == "fine"]


@pytest.mark.parametrize(
    ("text", "code", "output"),
    [
        ("MATCH (n:Institution) RETURN n.name", 0, "Cypher lint passed"),
        ("MATCH (n:Nope) RETURN n", 1, "library/probe"),
    ],
)
def test_lint_cli_exit_code(monkeypatch, text, code, output):
    from typer.testing import CliRunner

    from queries.__main__ import app

    monkeypatch.setattr("queries.cypher_lint.lint_items", lambda: [LintItem("library/probe", text, {})])
    done = CliRunner().invoke(app, ["lint"])
    assert done.exit_code == code and output in done.output

"""The Cypher lint (real `@neo4j-cypher/language-support` under node): the project passes, broken Cypher fails."""

from __future__ import annotations

import shutil

import pytest

from ontology.schema import Label, RelType
from queries.cypher_lint import LINT_DIR, LintItem, lint_items, lint_schema, run_lint
from queries.catalog import load_catalog
from queries.neo4j_store import loader_statements

pytestmark = pytest.mark.skipif(
    shutil.which("node") is None or not (LINT_DIR / "node_modules").is_dir(),
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


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("MATCH (n:Institution RETURN n", "Invalid input"),
        ("MATCH (n:Instituton) RETURN n.name", "Instituton"),
        ("MATCH (n:Institution)-[:ANCHOR]->(m) RETURN m", "ANCHOR"),
        ("MATCH (n:Institution) RETURN n.nmae", "nmae"),
        ("MATCH (n:Institution) WHERE n.name = $undeclared RETURN n", "undeclared"),
    ],
)
def test_lint_broken_query_fails(text, message):
    report = run_lint([LintItem("broken", text, {}), LintItem("fine", "MATCH (n:Institution) RETURN n.name", {})])
    assert [p.name for p in report.problems] and {p.name for p in report.problems} == {"broken"}
    assert any(message in p.message for p in report.problems)


def test_lint_cli_exit_code(monkeypatch):
    from typer.testing import CliRunner

    from queries.__main__ import app

    done = CliRunner().invoke(app, ["lint"])
    assert done.exit_code == 0 and "Cypher lint passed" in done.output
    monkeypatch.setattr("queries.cypher_lint.lint_items",
                        lambda: [LintItem("library/broken", "MATCH (n:Nope) RETURN n", {})])
    done = CliRunner().invoke(app, ["lint"])
    assert done.exit_code == 1 and "library/broken" in done.output

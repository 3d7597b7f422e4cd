"""The Neo4j password comes only from the environment and never shows: not in a repr, an error, the log,
the console output or the app, whatever the address (a closed port, a URI carrying user-info)."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from jig.core.errors import StoreError
from queries.neo4j_store import Neo4jConfig, Neo4jStore
from queries.store import open_store
from tests.explorer.test_app_pages import APP

SECRET = "SeCrEt123"
ROOT = Path(__file__).resolve().parents[2]
#: Unreachable addresses: a closed port (direct and routing), and user-info or a query carrying the secret.
URIS = ["bolt://127.0.0.1:1", "neo4j://127.0.0.1:1", f"bolt://neo4j:{SECRET}@127.0.0.1:1",
        f"neo4j://127.0.0.1:1?token={SECRET}"]


@pytest.fixture
def neo4j_env(monkeypatch: pytest.MonkeyPatch, request: pytest.FixtureRequest) -> str:
    monkeypatch.setenv("NEO4J_URI", request.param)
    monkeypatch.setenv("NEO4J_PASSWORD", SECRET)
    monkeypatch.delenv("NEO4J_USER", raising=False)
    return request.param


def test_password_is_read_from_the_environment_only() -> None:
    config = Neo4jConfig.from_env({"NEO4J_URI": "bolt://h:7687", "NEO4J_PASSWORD": SECRET})
    assert (config.user, config.password, config.database) == ("neo4j", SECRET, "neo4j")
    with pytest.raises(StoreError, match="NEO4J_PASSWORD not set"):
        Neo4jConfig.from_env({"NEO4J_URI": "bolt://h:7687"})
    for source in [*(ROOT / "queries").glob("*.py"), *(ROOT / "explorer").rglob("*.py"), ROOT / "app.py"]:
        assert "jilin-graph" not in source.read_text(encoding="utf-8"), f"{source}: a password in the code"


@pytest.mark.parametrize("uri", URIS)
def test_repr_leaves_the_password_out(uri: str) -> None:
    config = Neo4jConfig(uri, "neo4j", SECRET, "neo4j")
    assert SECRET not in repr(config) and SECRET not in str(config)
    assert "neo4j" in repr(config)
    try:
        store = Neo4jStore(config)
    except StoreError as refused:
        assert SECRET not in str(refused)
        return
    with store:
        assert SECRET not in repr(store)


@pytest.mark.parametrize("neo4j_env", URIS, indirect=True)
def test_unreachable_server_errors_and_log_never_hold_the_password(neo4j_env: str, caplog: pytest.LogCaptureFixture,
                                                                   capsys: pytest.CaptureFixture[str]) -> None:
    caplog.set_level(logging.DEBUG)
    failures = []
    try:
        store = open_store()
    except StoreError as refused:
        failures.append(refused)
    else:
        with store:
            for attempt in (lambda: store.query("RETURN 1 AS one"), store.ensure_schema):
                with pytest.raises(StoreError) as failed:
                    attempt()
                failures.append(failed.value)
    assert failures
    for failure in failures:
        assert SECRET not in str(failure) and "127.0.0.1:1" in str(failure)
    captured = capsys.readouterr()
    assert SECRET not in caplog.text + captured.out + captured.err


@pytest.mark.parametrize("neo4j_env", URIS, indirect=True)
def test_app_shows_the_failure_without_the_password(neo4j_env: str) -> None:
    at = AppTest.from_file(str(APP), default_timeout=60).run()
    assert not at.exception
    shown = [str(e.value) for kind in ("error", "info", "warning", "markdown", "caption") for e in at.get(kind)]
    assert any("Neo4j" in text and "127" in text for text in shown), shown
    assert not any(SECRET in text for text in shown)

"""`python -m queries`: list, run, cypher (read-only) and their plain-worded errors."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from queries.catalog import load_catalog
from queries.embedded import EmbeddedStore
from tests.sample_graphs import small_graph

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def build_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("cli")
    EmbeddedStore.build(small_graph(), path)
    return path


def _cli(*args: str) -> subprocess.CompletedProcess:
    env = {"PATH": "/usr/bin:/bin", "PYTHONPATH": str(ROOT)}
    return subprocess.run([sys.executable, "-m", "queries", *args], capture_output=True, text=True, cwd=ROOT,
                          env=env, timeout=120, check=False)


def test_cli_list_shows_every_query():
    done = _cli("list", "--json")
    assert done.returncode == 0, done.stderr
    assert {q["name"] for q in json.loads(done.stdout)} == set(load_catalog())


def test_cli_run_json_rows_are_objects(build_dir):
    done = _cli("run", "anchors_of_industry", "-p", "industry=碳纤维", "--json", "--build-dir", str(build_dir))
    assert done.returncode == 0, done.stderr
    payload = json.loads(done.stdout)
    assert payload["truncated"] is False
    assert payload["rows"][0] == {"id": "inst_jcf", "name": "吉林化纤集团有限责任公司",
                                  "name_en": "Jilin Chemical Fiber Group", "kind": "Enterprise", "weight": 3.0,
                                  "evidence_count": 2, "industries": ["碳纤维"]}


def test_cli_run_table(build_dir):
    done = _cli("run", "top_institutions", "-p", "limit=1", "--build-dir", str(build_dir))
    assert done.returncode == 0 and "inst_jlu" in done.stdout and "inst_jcf" not in done.stdout


def test_cli_cypher_reads(build_dir):
    done = _cli("cypher", "MATCH (r:Region) RETURN r.id AS id ORDER BY id", "--json", "--build-dir", str(build_dir))
    assert json.loads(done.stdout)["rows"] == [{"id": "reg_changchun"}, {"id": "reg_jilin"}]


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (("cypher", "MATCH (n) DETACH DELETE n"), 1, "this console is read-only"),
        (("cypher", "MATCH (n RETURN n"), 1, "Parser exception"),
        (("run", "nope"), 1, "no query named 'nope'"),
        (("run", "top_institutions", "-p", "limit=many"), 1, "must be int"),
        (("run", "entity", "-p", "surname=x"), 1, "no parameter 'surname'"),
        (("run", "entity", "-p", "no-equals-sign"), 2, "expected key=value"),
    ],
)
def test_cli_errors_are_plain(build_dir, args, code, message):
    done = _cli(*args, "--build-dir", str(build_dir))
    assert done.returncode == code
    assert message in done.stderr and "Traceback" not in done.stderr


def test_cli_write_is_refused_and_graph_unchanged(build_dir):
    _cli("cypher", "MATCH (n) DETACH DELETE n", "--build-dir", str(build_dir))
    with EmbeddedStore.open(build_dir) as store:
        assert store.query("MATCH (n) RETURN count(n) AS n").rows == [{"n": len(small_graph().nodes)}]


def test_cli_missing_graph_says_how_to_build(tmp_path: Path):
    done = _cli("run", "top_institutions", "--build-dir", str(tmp_path))
    assert done.returncode == 1 and "python -m ingest build" in done.stderr and "Traceback" not in done.stderr

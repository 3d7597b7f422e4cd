"""Faults during a build: a second build into the same folder, a build killed by SIGKILL at any point,
a full disk. Each leaves the previous graph serving and the next build succeeding.

The builds run as real `python -m ingest` processes on the bundled corpus; the full disk is injected
(ENOSPC while the store loads), since this machine cannot mount a small file system.
"""

from __future__ import annotations

import errno
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from ingest.build import build
from ingest.lock import BuildLockedError, build_lock
from jig.core.errors import JilinGraphError
from jig.core.paths import CORPUS_DIR
from queries.store import open_store
from tests.conftest import ROOT
from tests.ingest.bad_inputs import state


def _cli(*args: str) -> subprocess.Popen:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.Popen([sys.executable, "-m", "ingest", *args], cwd=ROOT, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def _node_count(out: Path) -> int:
    store = open_store(out)
    try:
        return store.query("MATCH (n) RETURN count(n) AS n").rows[0]["n"]
    finally:
        store.close()


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("faults") / "build"
    build(CORPUS_DIR, out)
    return out


def test_a_second_build_into_a_locked_folder_is_refused_in_one_line(built: Path) -> None:
    before = {k: v for k, v in state(built).items() if k != ".lock"}
    with build_lock(built):
        run = _cli("build", "--corpus", str(CORPUS_DIR), "--out", str(built))
        stdout, stderr = run.communicate(timeout=120)
    assert run.returncode == 1 and "Traceback" not in stderr
    assert stderr.strip().startswith(f"error: {built}: another build is writing into this folder (process ")
    assert {k: v for k, v in state(built).items() if k != ".lock"} == before


def test_the_lock_is_refused_within_one_process_too(built: Path) -> None:
    with build_lock(built), pytest.raises(BuildLockedError), build_lock(built):
        pass


@pytest.mark.parametrize("after_s", [0.8, 2.0, 3.2])
def test_a_build_killed_at_any_point_leaves_the_previous_graph_serving(built: Path, after_s: float) -> None:
    graph = (built / "graph.jsonl").read_bytes()
    nodes = _node_count(built)
    run = _cli("build", "--corpus", str(CORPUS_DIR), "--out", str(built), "--no-cache")
    time.sleep(after_s)
    run.send_signal(signal.SIGKILL)
    run.communicate(timeout=60)
    assert (built / "graph.jsonl").read_bytes() == graph
    assert _node_count(built) == nodes
    again = _cli("build", "--corpus", str(CORPUS_DIR), "--out", str(built))
    _, stderr = again.communicate(timeout=300)
    assert again.returncode == 0, stderr
    assert (built / "graph.jsonl").read_bytes() == graph  # the same corpus: the same graph
    assert not [p.name for p in built.iterdir() if ".new-" in p.name or ".old-" in p.name or p.suffix == ".tmp"]


def test_a_full_disk_fails_cleanly(built: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    before = {k: v for k, v in state(built).items() if k != ".lock"}

    def no_space(*args: object, **kwargs: object) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr("queries.embedded._load", no_space)  # the disk fills up while the store loads
    with pytest.raises(JilinGraphError, match="no space left on device"):
        build(CORPUS_DIR, built)
    assert {k: v for k, v in state(built).items() if k != ".lock" and not k.startswith("cache")} == {
        k: v for k, v in before.items() if not k.startswith("cache")}

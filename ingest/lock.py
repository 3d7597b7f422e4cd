"""One build at a time per build folder, and no leftovers of a build that was killed.

`build_lock` takes an exclusive `flock` on `<build folder>/.lock` for the whole of a build or an `add`.
A second build into the same folder does not wait silently or interleave: it stops at once with
`BuildLockedError`, naming the folder and the process holding it. The kernel drops the lock when its
process ends, however it ends (even by SIGKILL), so a killed build never leaves the folder locked.
Holding the lock, a build first removes what a killed build may have left: staging folders and
temporary files (`*.new-*`, `*.old-*`, `*.tmp`).
"""

from __future__ import annotations

import fcntl
import logging
import os
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from jig.core.errors import JilinGraphError

log = logging.getLogger(__name__)

LOCK_FILE = ".lock"
#: What a build writes before swapping it into place; left behind only by a build that was killed.
LEFTOVER_PATTERNS = ("*.new-*", "*.old-*", "*.tmp")


class BuildLockedError(JilinGraphError):
    """Another build or `add` is writing into the same build folder."""


@contextmanager
def build_lock(build_dir: Path) -> Iterator[None]:
    """Hold the build folder's lock while the block runs; raise BuildLockedError if another process has it."""
    build_dir = Path(build_dir)
    created = not build_dir.exists()
    build_dir.mkdir(parents=True, exist_ok=True)
    try:
        with _locked(build_dir):
            yield
    except BaseException:
        if created:  # a first build that failed leaves no folder behind
            shutil.rmtree(build_dir, ignore_errors=True)
        raise


@contextmanager
def _locked(build_dir: Path) -> Iterator[None]:
    with open(build_dir / LOCK_FILE, "a+", encoding="utf-8") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            handle.seek(0)
            holder = handle.read().strip() or "another process"
            raise BuildLockedError(
                f"{build_dir}: another build is writing into this folder (process {holder}); "
                "wait for it to finish and run the command again") from None
        handle.seek(0)
        handle.truncate()
        handle.write(str(os.getpid()))
        handle.flush()
        try:
            remove_leftovers(build_dir)
            yield
        finally:
            handle.seek(0)
            handle.truncate()
            fcntl.flock(handle, fcntl.LOCK_UN)


def remove_leftovers(build_dir: Path) -> list[Path]:
    """Remove the staging folders and temporary files of killed builds; call only holding the lock."""
    removed = []
    for pattern in LEFTOVER_PATTERNS:
        for path in sorted(Path(build_dir).glob(pattern)):
            if path.is_dir() and not path.is_symlink():
                shutil.rmtree(path, ignore_errors=True)
            else:
                path.unlink(missing_ok=True)
            removed.append(path)
    if removed:
        log.warning("removed what an interrupted build left in %s: %s", build_dir,
                    ", ".join(p.name for p in removed))
    return removed

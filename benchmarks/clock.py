"""Timing helpers of the benchmarks: wall and CPU seconds of each step, best CPU time of runs taking turns, peak memory."""

from __future__ import annotations

import os
import resource
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Step:
    """One timed step: wall-clock seconds and CPU seconds of this process."""

    name: str
    wall_s: float
    cpu_s: float


@dataclass
class Clock:
    """Times steps one after another; `observe(name)` is called after each (to read counters at that point)."""

    steps: list[Step] = field(default_factory=list)
    observe: Callable[[str], None] | None = None

    def time(self, name: str, run: Callable[[], Any]) -> Any:
        """Run `run`, record its wall and CPU time under `name`, return its result."""
        wall, cpu = time.perf_counter(), time.process_time()
        result = run()
        self.steps.append(Step(name, time.perf_counter() - wall, time.process_time() - cpu))
        if self.observe is not None:
            self.observe(name)
        return result

    def cpu(self, *names: str) -> float:
        """CPU seconds of the named steps together."""
        return sum(step.cpu_s for step in self.steps if step.name in names)

    def wall(self, *names: str) -> float:
        """Wall seconds of the named steps together."""
        return sum(step.wall_s for step in self.steps if step.name in names)


def best_cpu(*runs: Callable[[], object], times: int = 5) -> list[float]:
    """The least CPU time of this process each run took over `times` rounds.

    The runs take turns, round after round, so that a busy spell of a shared machine slows them alike.
    """
    best = [float("inf")] * len(runs)
    for _ in range(times):
        for index, run in enumerate(runs):
            started = time.process_time()
            run()
            best[index] = min(best[index], time.process_time() - started)
    return best


def peak_rss_mb(who: int = resource.RUSAGE_SELF) -> float:
    """Peak resident memory in MiB of this process (`RUSAGE_SELF`) or of its largest finished child.

    This process's own is its memory's high-water mark (`VmHWM`): `ru_maxrss` survives `exec`, so a
    process started by a larger one would report that one's peak.
    """
    if who == resource.RUSAGE_SELF:
        high = _status_mb("VmHWM")
        if high:
            return high
    return resource.getrusage(who).ru_maxrss / 1024  # kilobytes on Linux


def current_rss_mb() -> float:
    """Resident memory of this process now, in MiB (0.0 where /proc is not there)."""
    return _status_mb("VmRSS")


def _status_mb(field: str) -> float:
    """A memory figure of /proc/self/status in MiB, 0.0 where there is none."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith(field + ":"):
                    return round(int(line.split()[1]) / 1024, 1)
    except OSError:
        pass
    return 0.0


def load_average() -> float:
    """The one-minute load average (how busy the machine was), 0.0 where unknown."""
    try:
        return os.getloadavg()[0]
    except OSError:
        return 0.0

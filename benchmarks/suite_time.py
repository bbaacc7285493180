"""The README's test command and the fast subset, timed alone: issue 13's targets for the tests.

``pipeline_speed.py --suite`` calls ``report`` after its own runs, so nothing else shares the machine.
It runs this environment's ``pytest`` from the project root as the README says (its ``addopts``: two
workers), then ``pytest -m "not e2e"``, and prints for each its wall time against the target, the
CPU-seconds of every process it started (the benchmark is their subreaper, so the ones that outlive
their parent are counted too), pytest's summary line, and its time over raw natasha's in the same run.
That last figure, and the estimate made from it at the speed the issue was filed on (raw natasha 159 s),
are rough: raw natasha's time moves more than the suite's (100.5 s, then 71.0 s thirteen minutes later,
while the suite took 259.6 s, then 266.4 s), so only the wall times and CPU-seconds are measurements.
"""

import re
import resource
import sys
import time
from collections.abc import Callable
from pathlib import Path

from orphans import run_reaping

SUITES = (  # what is run, as the README says it, and its target in seconds (issue 13)
    ("the README's test command (pytest)", [], 300.0),
    ('the fast subset (pytest -m "not e2e")', ["-m", "not e2e"], 120.0),
)
FILED_RAW = 159.0  # seconds of raw natasha on 1x the corpus in the table


def cpu_of_children() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def summary(output: str) -> str:
    """pytest's last line without its rule and time ("1318 passed, 1 skipped, 949 warnings")."""
    lines = [line.strip("= ") for line in output.splitlines() if re.search(r"\d+ (passed|failed|error)", line)]
    return re.sub(r" in [\d.]+s.*$", "", lines[-1]) if lines else "no summary line"


def report(root: Path, raw: float | None, row: Callable[[str, str, str, bool | None], None]) -> int:
    """Time each of ``SUITES`` in ``root``; print its rows with ``row``; the first nonzero exit code
    of pytest (5 when it ran no test), else 0."""
    worst = 0
    for name, args, target in SUITES:
        cpu = cpu_of_children()
        t0 = time.perf_counter()
        code, output = run_reaping([str(Path(sys.executable).with_name("pytest")), *args], root)
        took = time.perf_counter() - t0
        cpu = cpu_of_children() - cpu
        print(f"\n{name}, alone: {summary(output)}")
        row("wall time", f"{took:.1f} s", f"<= {target:.0f} s", took <= target and code == 0)
        row("CPU-seconds of its processes", f"{cpu:.0f} s ({cpu / took:.2f} cores)", "", None)
        if raw:
            row("its time / raw natasha time (1x the corpus, this run)", f"{took / raw:.2f}", "", None)
            scaled = took * FILED_RAW / raw
            row(f"estimated where raw natasha takes {FILED_RAW:.0f} s (as filed)", f"{scaled:.0f} s", "", None)
        if code != 0:
            print(output[-4000:])
            worst = worst or code
    return worst

"""Python's cycle collector in the processes of a run: off while they load what they keep (Dagster and
the code location, dbt, natasha's models), then on again with what they loaded left out of it. Garbage
made afterwards is still collected, so a long run does not grow."""

import json
import subprocess
import sys
import textwrap
from concurrent.futures import ProcessPoolExecutor

import pytest

from defcoop_dagster.core import extraction

from .conftest import ROOT

# after the code it is appended to: whether collection is on, how many objects are left out of it, and
# whether cycles made now are freed by the collector on its own (no gc.collect() called)
REPORT = """
import gc, json, weakref
class Node:
    pass
freed = []
for _ in range(20_000):  # far past the youngest generation's threshold (700)
    a, b = Node(), Node()
    a.other, b.other = b, a
    weakref.finalize(a, freed.append, 1)
print(json.dumps({"enabled": gc.isenabled(), "frozen": gc.get_freeze_count(), "freed": len(freed)}))
"""


def _report(code: str) -> dict:
    run = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code) + REPORT], cwd=ROOT, capture_output=True, text=True, timeout=300
    )
    assert run.returncode == 0, run.stderr[-3000:]
    # what was left out is given back at the end, so Python's last collection frees it: nanobind (DuckDB's
    # types) reports any object of its types still alive then
    assert "leaked" not in run.stderr, run.stderr[-3000:]
    return json.loads(run.stdout.splitlines()[-1])


def test_a_held_process_collects_again_once_the_code_location_is_loaded():
    before = _report("from defcoop_dagster import quick_exit\nquick_exit.hold()")
    assert not before["enabled"] and before["freed"] == 0  # held: nothing collected meanwhile
    after = _report(
        "from defcoop_dagster import quick_exit\nquick_exit.hold()\n"
        "from defcoop_dagster.definitions import _loaded\n_loaded()"
    )
    assert after["enabled"] and after["frozen"] > 100_000  # Dagster's and the code location's objects
    assert after["freed"] > 15_000  # the cycles made afterwards are collected as they pile up


def test_a_process_loading_the_code_location_unheld_keeps_collecting():
    """A process that never held it (`dagster dev`'s code server, a test) still collects, with the code
    location left out of its collections."""
    report = _report("from defcoop_dagster.definitions import _loaded\n_loaded()")
    assert report["enabled"] and report["frozen"] > 100_000 and report["freed"] > 15_000


@pytest.mark.skipif(not extraction.forkserver_available(), reason="no fork server: the extraction runs in the caller")
def test_the_extraction_workers_collect_with_the_models_left_out():
    import gc

    with ProcessPoolExecutor(1, mp_context=extraction._server_context()) as pool:
        enabled, frozen = pool.submit(gc.isenabled).result(), pool.submit(gc.get_freeze_count).result()
    assert enabled and frozen > 100_000  # natasha's models and the rules, loaded once by the fork server

"""Runs whose process died free the warehouse; live runs are left alone. A real run holding the
``warehouse`` slot of a real instance (the project's dagster.yaml), killed with SIGKILL."""

import os
import shutil
import signal
import subprocess
import sys
import textwrap
import time
from datetime import UTC, datetime, timedelta
from functools import partial

import dagster as dg
import pytest

from defcoop_dagster.processes import alive, process_started_at
from defcoop_dagster.runs import release_dead_runs
from defcoop_dagster.unfinished_runs import none_dead, not_ours, runs_to_look_at

from .conftest import ROOT
from .processes import wait

HOLDER = """
import sys, time
import dagster as dg

@dg.asset(pool="warehouse")
def holder():
    print("holding", flush=True)
    time.sleep(float(sys.argv[1]))

with dg.DagsterInstance.get() as instance:
    print("success" if dg.materialize([holder], instance=instance).success else "failure", flush=True)
"""


@pytest.fixture
def home(tmp_path):
    home = tmp_path / "home"
    home.mkdir()
    shutil.copy(ROOT / ".dagster_home" / "dagster.yaml", home / "dagster.yaml")
    return home


def holder(home, seconds: float) -> subprocess.Popen:
    """A run whose one step holds the warehouse slot for ``seconds`` once it has it (it prints "holding")."""
    return subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(seconds)],
        env=dict(os.environ, DAGSTER_HOME=str(home)),
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )


def hold(home, seconds: float) -> subprocess.Popen:
    """``holder``, returned once it holds the slot."""
    proc = holder(home, seconds)
    assert proc.stdout.readline().strip() == "holding"
    return proc


def claimed(instance: dg.DagsterInstance) -> list[str]:
    return [s.run_id for s in instance.event_log_storage.get_concurrency_info("warehouse").claimed_slots]


def test_process_liveness_tells_a_reused_pid_from_the_process_itself():
    me = os.getpid()
    assert process_started_at(me) <= time.time()
    assert alive(me, time.time())
    # an event written before this process started was written by another process with this pid
    assert not alive(me, process_started_at(me) - 60)
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    assert process_started_at(child.pid) is None or not alive(child.pid, time.time() - 3600)


def test_a_killed_run_frees_the_warehouse_and_a_live_one_keeps_it(home):
    instance = dg.DagsterInstance.from_config(str(home))
    lines: list[str] = []
    proc = hold(home, 300)
    try:
        (run,) = instance.get_runs()
        assert claimed(instance) == [run.run_id]
        assert release_dead_runs(instance, log=lines.append) == [] and lines == []  # alive: left alone
        proc.send_signal(signal.SIGKILL)
        proc.wait()
    finally:
        proc.kill()
    assert instance.get_run_by_id(run.run_id).status == dg.DagsterRunStatus.STARTED  # nobody wrote its end
    assert list(runs_to_look_at(home)) == [run.run_id]
    (dead,) = release_dead_runs(instance, log=lines.append)
    assert dead.run_id == run.run_id and dead.pids == (proc.pid,)
    assert lines == [
        f"run {run.run_id} was STARTED but its process (pid {proc.pid}) no longer exists: marked failed and its "
        "warehouse slot freed"
    ]
    assert instance.get_run_by_id(run.run_id).status == dg.DagsterRunStatus.FAILURE
    assert claimed(instance) == [] and runs_to_look_at(home) == {}
    # the next run takes the slot and finishes
    after = subprocess.run(
        [sys.executable, "-c", HOLDER, "0"],
        env=dict(os.environ, DAGSTER_HOME=str(home)),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert after.stdout.split() == ["holding", "success"], after.stderr[-2000:]
    instance.dispose()


def test_a_finished_run_still_holding_a_slot_gives_it_back(home):
    """The code server marks a run failed when its worker dies, but the slot stays claimed."""
    instance = dg.DagsterInstance.from_config(str(home))
    proc = hold(home, 300)
    proc.kill()
    proc.wait()
    (run,) = instance.get_runs()
    instance.report_run_failed(run, "Run execution process unexpectedly exited")  # what the code server does
    assert claimed(instance) == [run.run_id]
    assert list(runs_to_look_at(home)) == [run.run_id]  # ended, but holding its slot
    lines: list[str] = []
    assert release_dead_runs(instance, log=lines.append) == []  # already failed: only its slot is freed
    assert lines == [f"freed the warehouse slot still held by run {run.run_id}, which ended"]
    assert claimed(instance) == [] and runs_to_look_at(home) == {}
    instance.dispose()


def test_the_dead_run_sensor_says_what_it_freed(home):
    from defcoop_dagster.defs.automation.dead_runs import dead_run_sensor

    instance = dg.DagsterInstance.from_config(str(home))
    proc = hold(home, 300)
    proc.kill()
    proc.wait()
    (run,) = instance.get_runs()
    result = dead_run_sensor(dg.build_sensor_context(instance=instance))
    assert isinstance(result, dg.SkipReason) and run.run_id in result.skip_message
    assert "no longer exists: marked failed" in result.skip_message
    again = dead_run_sensor(dg.build_sensor_context(instance=instance))
    assert again.skip_message == "no dead run holds the warehouse"
    instance.dispose()


def test_the_instance_files_tell_which_runs_the_check_would_look_at(home):
    """Read without Dagster: none in a new instance; a live run holding the slot, with when it was
    created, which is the asking process's own only if created after it started."""
    assert runs_to_look_at(home) == {} and none_dead(home, datetime.now(UTC))
    before = datetime.now(UTC) - timedelta(seconds=1)  # SQLite's clock and ours, within a second
    proc = hold(home, 300)
    try:
        ((run_id, created),) = runs_to_look_at(home).items()
        with dg.DagsterInstance.from_config(str(home)) as instance:
            assert [r.run_id for r in instance.get_runs()] == [run_id]
        assert before <= created <= datetime.now(UTC)
        assert not_ours(runs_to_look_at(home), before) == []  # the asker's own run: nothing else to look at
        assert not_ours(runs_to_look_at(home), created + timedelta(seconds=1)) == [run_id]  # another's: look
    finally:
        proc.kill()
        proc.wait()


def test_an_instance_kept_elsewhere_is_looked_at_with_dagster(tmp_path):
    home = tmp_path / "home"
    home.mkdir()
    (home / "dagster.yaml").write_text("storage:\n  postgres:\n    postgres_url: postgresql://nowhere/db\n")
    assert runs_to_look_at(home) is None and not none_dead(home, datetime.now(UTC))
    (home / "dagster.yaml").write_text("storage: [unclosed\n")
    assert runs_to_look_at(home) is None


RELEASER = """
import sys
from datetime import UTC, datetime
from pathlib import Path
from defcoop_dagster.cli import dead_run_releaser
dead_run_releaser(Path(sys.argv[1]), datetime.now(UTC))()
print("dagster loaded" if "dagster" in sys.modules else "dagster not loaded")
"""


def test_defcoop_loads_dagster_to_look_for_dead_runs_only_when_there_is_one(home):
    def look() -> list[str]:
        run = subprocess.run(
            [sys.executable, "-c", textwrap.dedent(RELEASER), str(home)], capture_output=True, text=True, timeout=120
        )
        assert run.returncode == 0, run.stderr[-2000:]
        return run.stdout.splitlines()

    assert look() == ["dagster not loaded"]  # a new instance
    proc = hold(home, 300)
    try:
        # another run, alive: nothing to release, told from the files (a run started beside it waits no longer)
        assert look() == ["dagster not loaded"]
    finally:
        proc.kill()
        proc.wait()
    with dg.DagsterInstance.from_config(str(home)) as instance:
        (run,) = instance.get_runs()
    first = look()
    assert first[-1] == "dagster loaded" and f"defcoop: run {run.run_id} was STARTED" in first[0]
    assert look() == ["dagster not loaded"]  # released: only a failed run is left


def test_none_dead_is_told_from_the_files(home):
    before = datetime.now(UTC) - timedelta(seconds=1)
    proc = hold(home, 300)
    try:
        assert none_dead(home, datetime.now(UTC) + timedelta(seconds=1))  # another's run, its process alive
        assert none_dead(home, before)  # the asker's own run
        (run_id,) = runs_to_look_at(home)
        events = home / "history" / "runs" / f"{run_id}.db"
        hidden = events.with_name("elsewhere.db")
        events.rename(hidden)  # its processes cannot be told: look with Dagster
        assert not none_dead(home, datetime.now(UTC) + timedelta(seconds=1))
        hidden.rename(events)
    finally:
        proc.kill()
        proc.wait()
    assert not none_dead(home, datetime.now(UTC) + timedelta(seconds=1))  # its process is gone: dead


def test_a_slot_freed_but_not_handed_on_goes_to_the_waiting_run(home):
    """A step's end frees its slot, then hands it to the next waiting step (Dagster's
    free_concurrency_slot_for_step). A run killed in between leaves the slot free and the next run
    waiting for ever; the check hands the slot on."""
    instance = dg.DagsterInstance.from_config(str(home))
    storage = instance.event_log_storage
    first = hold(home, 300)
    (run,) = instance.get_runs()
    second = holder(home, 300)
    try:
        info = partial(storage.get_concurrency_info, "warehouse")
        wait(lambda: info().pending_step_count == 1, "the second run to wait for the slot", timeout=120)
        later = datetime.now(UTC) + timedelta(seconds=1)  # the asker is a third process
        assert none_dead(home, later)  # both alive, one waiting: told from the files
        first.kill()
        first.wait()
        # what the first run's step end had written when it was killed: its slot freed, its claim removed
        storage._free_concurrency_slots(run.run_id, "holder")
        storage._remove_pending_steps(run.run_id, "holder")
        instance.report_run_failed(run, "killed")
        assert info().claimed_slots == [] and info().pending_step_count == 1  # free, and nobody given it
        assert not none_dead(home, later)  # the one other run is alive, but the slot is stuck: look with Dagster
        lines: list[str] = []
        assert release_dead_runs(instance, log=lines.append) == []
        assert lines == ["handed the free warehouse slot to the next waiting step: the run that freed it ended first"]
        assert second.stdout.readline().strip() == "holding"  # it took the slot
        assert none_dead(home, later)
    finally:
        first.kill()
        second.kill()
        second.wait()
    instance.dispose()

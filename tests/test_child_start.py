"""`defcoop materialize`'s Dagster child (quick_exit.ready_for_the_run): it starts the run's helpers
first, and opens the Dagster instance only once the parent has closed the pipe it waits on (the
parent releases dead runs meanwhile, and two processes creating one run's files at once collide)."""

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from defcoop_dagster.quick_exit import GO_FD_VAR, WARM_VAR

from .processes import command_line, live_processes, new_home


def children_of(pid: int) -> list[str]:
    """The command lines of the live children of ``pid``."""
    children = [c for c, (_, parent) in live_processes().items() if parent == pid]
    return [line for line in map(command_line, children) if line is not None]  # None: ended meanwhile


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads processes from /proc (Linux)")
def test_the_child_starts_the_helpers_and_waits_for_the_parent_before_the_instance(tmp_path):
    home = new_home(tmp_path)
    go, told = os.pipe()
    env = {**os.environ, "DAGSTER_HOME": str(home), GO_FD_VAR: str(go), WARM_VAR: "1"}
    child = subprocess.Popen(
        [sys.executable, "-m", "defcoop_dagster.quick_exit", "dagster", "run", "list"],
        env=env,
        pass_fds=[go],
        stdout=subprocess.DEVNULL,  # the helpers hold the child's streams until they end
        stderr=subprocess.DEVNULL,
    )
    os.close(go)
    try:
        deadline = time.monotonic() + 120
        helpers = ""
        while time.monotonic() < deadline and not ("dbt_server.py" in helpers and "forkserver" in helpers):
            assert child.poll() is None
            time.sleep(0.05)
            helpers = " ".join(children_of(child.pid))
        assert "dbt_server.py" in helpers and "forkserver" in helpers, helpers
        time.sleep(3)  # Dagster imported by now, or nearly: still the child must wait
        assert child.poll() is None
        assert not (home / "history").exists()  # the instance not opened
    finally:
        os.close(told)
    assert child.wait(timeout=120) == 0
    assert (home / "history").is_dir()  # opened once the parent let it


def test_without_the_pipe_the_child_goes_on_at_once(tmp_path):
    env = {k: v for k, v in os.environ.items() if k not in (GO_FD_VAR, WARM_VAR)}
    env["DAGSTER_HOME"] = str(new_home(tmp_path))
    run = subprocess.run(
        [sys.executable, "-m", "defcoop_dagster.quick_exit", "dagster", "run", "list"],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert run.returncode == 0, run.stderr[-2000:]
    assert (Path(env["DAGSTER_HOME"]) / "history").is_dir()

"""`dagster dev` for real (webserver, daemon, code server) on a free loopback port, what the tests ask
of it (its GraphQL API, its runs) and headless Chromium's rendering of its pages."""

import json
import os
import shutil
import signal
import socket
import subprocess
import urllib.request
from pathlib import Path

import dagster as dg
import pytest
from dagster_graphql import DagsterGraphQLClient

from .conftest import ROOT
from .partitioned_run import free_port
from .processes import BIN, wait


class DagsterDev:
    """`dagster dev` in a process group of its own with ``env``, its output appended to ``log``; it can
    be killed and started again on the same instance (a new port each time)."""

    def __init__(self, env: dict, log: Path):
        self.env, self.log = env, log
        self.proc: subprocess.Popen | None = None
        self.port = 0

    def start(self) -> None:
        self.port = free_port()
        with open(self.log, "a") as log:  # the child writes through a descriptor of its own
            self.proc = subprocess.Popen(
                [str(BIN / "dagster"), "dev", "-h", "127.0.0.1", "-p", str(self.port)],
                cwd=ROOT,
                env=self.env,
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
        try:
            wait(self._listening, "the webserver to listen", timeout=300, every=0.5)
        except BaseException:
            self.stop()  # not left serving (and its daemon ticking) after the test failed
            raise

    def _listening(self) -> bool:
        assert self.proc.poll() is None, f"dagster dev exited: {self.tail()}"
        try:
            with socket.create_connection(("127.0.0.1", self.port), timeout=1):
                return True
        except OSError:
            return False

    def stop(self, sig=signal.SIGTERM) -> None:
        """``sig`` to the whole group (SIGKILL: as a machine restart or the OOM killer would)."""
        if self.proc is None:
            return
        try:
            os.killpg(self.proc.pid, sig)
            self.proc.wait(timeout=60)
        except ProcessLookupError:
            pass
        except subprocess.TimeoutExpired:
            os.killpg(self.proc.pid, signal.SIGKILL)
            self.proc.wait()

    @property
    def client(self) -> DagsterGraphQLClient:
        return DagsterGraphQLClient("127.0.0.1", port_number=self.port)

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def submit(self, **run) -> str:
        """A run of every asset launched through the GraphQL API, once the code location has loaded."""

        def attempt():
            try:
                return self.client.submit_job_execution("__ASSET_JOB", **run)
            except Exception:  # the code server is still loading
                return None

        return wait(attempt, "the code location to load", timeout=300, every=1)

    def tail(self, chars: int = 3000) -> str:
        return self.log.read_text(errors="replace")[-chars:]

    def graphql(self, query_text: str, variables: dict) -> dict:
        request = urllib.request.Request(
            f"{self.base}/graphql",
            data=json.dumps({"query": query_text, "variables": variables}).encode(),
            headers={"Content-Type": "application/json"},
        )
        with urllib.request.urlopen(request, timeout=60) as response:
            body = json.load(response)
        assert "errors" not in body, body
        return body["data"]


def status(instance: dg.DagsterInstance, run_id: str) -> str:
    return instance.get_run_by_id(run_id).status.value


def worker_pid(instance: dg.DagsterInstance, run_id: str) -> int:
    (record,) = instance.get_records_for_run(run_id, of_type=dg.DagsterEventType.RUN_START).records
    return record.event_log_entry.dagster_event.pid


def retry_of(instance: dg.DagsterInstance, run_id: str) -> dg.DagsterRun | None:
    runs = instance.get_runs(dg.RunsFilter(tags={"dagster/parent_run_id": run_id}))
    return runs[0] if runs else None


def chromium() -> str:
    exe = shutil.which("chromium") or shutil.which("chromium-browser")
    if not exe:
        pytest.skip("Chromium is not installed (.ci/run installs Debian's chromium package): no screenshot")
    return exe


def render(exe: str, url: str, png: Path, profile: Path, expect: tuple[str, ...] = ()) -> str:
    """Headless Chromium: the page after its scripts ran, as a PNG and as the DOM it built. Loaded again
    (at most twice more) while the DOM lacks a string of ``expect``: on a machine busy with the other
    tests, the asset graph's layout (a web worker, outside Chromium's virtual time) can outlast one load."""
    for _ in range(3):
        dom = load(exe, url, png, profile)
        if all(text in dom for text in expect):
            break
    return dom


def load(exe: str, url: str, png: Path, profile: Path) -> str:
    flags = [
        exe,
        "--headless",
        "--no-sandbox",  # root in CI containers; the page is our own loopback server
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--no-first-run",
        "--disable-background-networking",  # nothing leaves the machine
        "--disable-component-update",
        "--disable-sync",
        f"--user-data-dir={profile}",
        "--window-size=1600,1000",
        "--virtual-time-budget=30000",  # let the UI's GraphQL queries and layout finish
        "--hide-scrollbars",
    ]
    # one load of the page gives both: the screenshot is written and the DOM printed once the budget is spent
    run = subprocess.run(
        [*flags, f"--screenshot={png}", "--dump-dom", url], capture_output=True, text=True, timeout=180, check=True
    )
    return run.stdout


def colours(png: Path) -> int:
    import matplotlib.image

    pixels = matplotlib.image.imread(png)
    return len({tuple(p) for p in pixels.reshape(-1, pixels.shape[-1])[::97]})

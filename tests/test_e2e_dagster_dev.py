"""End to end with the real servers: `dagster dev` (webserver + daemon) on a free loopback port.

Launches a materialisation of every asset through the GraphQL API, lets the folder sensor pick up
a new article, and holds a read-only connection to the published warehouse during a run. Bounded
in time; everything listens on 127.0.0.1 only.
"""

import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import pytest
from dagster_graphql import DagsterGraphQLClient

from .conftest import ROOT, SEEDS, query

BIN = Path(sys.executable).parent
TIMEOUT = 900  # seconds for any one wait; a full run on 2 cores takes about a minute


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait(predicate, what: str, timeout: float = TIMEOUT, every: float = 2.0):
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        value = predicate()
        if value:
            return value
        time.sleep(every)
    raise AssertionError(f"timed out waiting for {what}")


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    base = tmp_path_factory.mktemp("e2e")
    home, inbox = base / "home", base / "inbox"
    home.mkdir()
    shutil.copy(ROOT / ".dagster_home" / "dagster.yaml", home / "dagster.yaml")
    shutil.copytree(SEEDS, inbox)
    db = base / "out" / "warehouse.duckdb"
    port = free_port()
    env = dict(
        os.environ,
        DAGSTER_HOME=str(home),
        DEFCOOP_INPUT_DIR=str(inbox),
        DEFCOOP_DUCKDB_PATH=str(db),
        DEFCOOP_SENSOR_INTERVAL="5",
        DEFCOOP_SCHEDULE="off",
    )
    log = open(base / "dagster-dev.log", "w")  # noqa: SIM115 (closed at teardown)
    proc = subprocess.Popen(
        [str(BIN / "dagster"), "dev", "-h", "127.0.0.1", "-p", str(port)],
        cwd=ROOT,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    client = DagsterGraphQLClient("127.0.0.1", port_number=port)

    def up():
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                return True
        except OSError:
            return proc.poll() is not None and pytest.fail((base / "dagster-dev.log").read_text()[-3000:])

    try:
        wait(up, "the webserver to listen", timeout=180)
        yield {"client": client, "db": db, "inbox": inbox, "port": port, "home": home}
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(timeout=60)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
        log.close()


def run_finished(client: DagsterGraphQLClient, run_id: str):
    status = client.get_run_status(run_id).value
    if status in ("FAILURE", "CANCELED"):
        raise AssertionError(f"run {run_id} ended {status}")
    return status == "SUCCESS"


def test_graphql_launch_sensor_run_and_a_reader_during_runs(server):
    client, db, inbox = server["client"], server["db"], server["inbox"]

    # 1. launch every asset through the GraphQL API and wait for success
    run_id = wait(lambda: _submit(client), "the code location to load", timeout=300)
    wait(lambda: run_finished(client, run_id), "the launched run")
    wait(db.exists, "the published warehouse")
    assert query(db, "SELECT count(*) FROM articles") == [(5,)]

    # 2. an analyst holds the published file open; a new article lands; the sensor's run publishes
    before = db.stat().st_ino
    reader = duckdb.connect(str(db), read_only=True)
    try:
        (inbox / "new_article.txt").write_text(
            "Министр обороны Казахстана Нурлан Ермекбаев встретился в Ташкенте с министром обороны "
            "Узбекистана Бахадыром Курбановым.",
            encoding="utf-8",
        )
        # a new file renamed over the published one: the run finished while the reader held it open
        # (no second connection from this process: DuckDB would hand back the reader's instance)
        wait(lambda: db.exists() and db.stat().st_ino != before, "the sensor's run to publish")
        # the open connection still reads the file it opened: whole, from before the run
        assert reader.execute("SELECT count(*) FROM articles").fetchone() == (5,)
    finally:
        reader.close()
    # another run may have published first (the sensor also ran on the seeds at start-up): wait for ours
    wait(lambda: query(db, "SELECT count(*) FROM articles") == [(6,)], "the new article in the warehouse")
    rows = query(
        db,
        "SELECT count(*) FROM meetings m JOIN meeting_countries a ON a.meeting_id = m.meeting_id "
        "JOIN meeting_countries b ON b.meeting_id = m.meeting_id "
        "WHERE a.country_iso3 = 'KAZ' AND b.country_iso3 = 'UZB'",
    )
    assert rows == [(1,)]


def _submit(client: DagsterGraphQLClient):
    try:
        return client.submit_job_execution("__ASSET_JOB")
    except Exception:  # the code server is still loading
        return None

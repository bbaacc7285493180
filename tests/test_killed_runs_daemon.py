"""Under `dagster dev`: a run worker SIGKILLed during extraction is retried and the retry completes
(its slot is given back); after `dagster dev` itself is killed mid-run (as by a machine restart) and
started again, the run left STARTED is failed by dead_run_sensor and the next runs complete."""

import os
import shutil
import signal
import socket
import subprocess
import time

import dagster as dg
import pytest
from dagster_graphql import DagsterGraphQLClient

from .conftest import ROOT, SEEDS, query
from .processes import BIN, claimed_slots, env_for, instance_of, new_home, step_started, wait

NEW_ARTICLE = (
    "Министр обороны Армении Сурен Папикян встретился в Минске с министром обороны Беларуси Виктором Хрениным."
)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def dagster_dev(env: dict, log) -> tuple[subprocess.Popen, DagsterGraphQLClient]:
    port = free_port()
    proc = subprocess.Popen(
        [str(BIN / "dagster"), "dev", "-h", "127.0.0.1", "-p", str(port)],
        cwd=ROOT,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )

    def listening() -> bool:
        assert proc.poll() is None, "dagster dev exited"
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                return True
        except OSError:
            return False

    try:
        wait(listening, "the webserver to listen", timeout=300, every=1)
    except BaseException:
        stop(proc)  # not left serving (and its daemon ticking) after the test failed
        raise
    return proc, DagsterGraphQLClient("127.0.0.1", port_number=port)


def stop(proc: subprocess.Popen, sig=signal.SIGTERM) -> None:
    try:
        os.killpg(proc.pid, sig)
        proc.wait(timeout=60)
    except ProcessLookupError:
        pass
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()


def submit(client: DagsterGraphQLClient) -> str:
    def attempt():
        try:
            return client.submit_job_execution("__ASSET_JOB")
        except Exception:  # the code location is still loading
            return None

    return wait(attempt, "the code location to load", timeout=300, every=2)


def worker_pid(instance: dg.DagsterInstance, run_id: str) -> int:
    (record,) = instance.get_records_for_run(run_id, of_type=dg.DagsterEventType.RUN_START).records
    return record.event_log_entry.dagster_event.pid


def status(instance: dg.DagsterInstance, run_id: str) -> str:
    return instance.get_run_by_id(run_id).status.value


@pytest.mark.e2e
def test_killed_workers_and_a_killed_dagster_dev_never_hold_the_warehouse(tmp_path):
    started = time.monotonic()
    home, inbox, db = new_home(tmp_path), tmp_path / "inbox", tmp_path / "out" / "w.duckdb"
    shutil.copytree(SEEDS, inbox)
    env = env_for(home, inbox, db)
    instance = instance_of(home)
    log = open(tmp_path / "dagster-dev.log", "w")  # noqa: SIM115 (closed below)
    dev, client = dagster_dev(env, log)
    try:
        # 1. the run worker killed in extraction: the code server fails the run, the daemon retries it
        first = submit(client)
        wait(lambda: step_started(instance, first, "extraction"), "extraction", timeout=600)
        os.kill(worker_pid(instance, first), signal.SIGKILL)
        wait(lambda: status(instance, first) == "FAILURE", "the killed run to be failed", timeout=300)

        def retry_of(run_id: str):
            runs = instance.get_runs(dg.RunsFilter(tags={"dagster/parent_run_id": run_id}))
            return runs[0] if runs else None

        retry = wait(lambda: retry_of(first), "the retry to be queued", timeout=300)
        wait(lambda: status(instance, retry.run_id) in ("SUCCESS", "FAILURE"), "the retry to end", timeout=900)
        assert status(instance, retry.run_id) == "SUCCESS", (tmp_path / "dagster-dev.log").read_text()[-3000:]
        assert query(db, "SELECT count(*) FROM articles") == [(5,)]

        # 2. `dagster dev` killed whole mid-run (its worker with it): the run stays STARTED, holding the slot
        second = submit(client)
        wait(lambda: step_started(instance, second, "articles"), "the second run's second step", timeout=600)
        pid = worker_pid(instance, second)
        stop(dev, signal.SIGKILL)
        if os.path.exists(f"/proc/{pid}"):  # a power cut takes the worker too
            os.kill(pid, signal.SIGKILL)
        assert status(instance, second) == "STARTED" and claimed_slots(instance) in ([], [second])
    finally:
        stop(dev)
    # 3. started again, with a new article for the folder sensor: the dead run is failed, the runs go on
    (inbox / "new_article.txt").write_text(NEW_ARTICLE, encoding="utf-8")
    dev, client = dagster_dev(dict(env, DEFCOOP_SENSOR="on", DEFCOOP_SENSOR_INTERVAL="5"), log)
    try:
        wait(lambda: status(instance, second) == "FAILURE", "dead_run_sensor to fail the dead run", timeout=300)
        wait(lambda: db.exists() and query(db, "SELECT count(*) FROM articles") == [(6,)], "the sensor's run")
        unfinished = [dg.DagsterRunStatus.QUEUED, dg.DagsterRunStatus.STARTING, dg.DagsterRunStatus.STARTED]
        wait(lambda: not instance.get_runs(dg.RunsFilter(statuses=unfinished)), "every run to end", timeout=600)
        assert claimed_slots(instance) == []
        ended = [r for r in instance.get_runs() if r.run_id not in (first, second)]
        assert all(r.status == dg.DagsterRunStatus.SUCCESS for r in ended), [(r.run_id, r.status) for r in ended]
    finally:
        stop(dev)
        log.close()
        instance.dispose()
    print(f"daemon kill test: {time.monotonic() - started:.0f} s")

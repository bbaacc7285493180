"""End to end with the real servers: `dagster dev` (webserver, daemon, code server) on a free loopback
port, one instance through its life, killed twice.

A run launched through the GraphQL API has its worker SIGKILLed during extraction: the run is failed
and the daemon's retry publishes. Headless Chromium renders the UI; a run with a bad input folder says
why in one line, through the API and on its page. Then `dagster dev` itself is killed whole mid-run (as
by a machine restart) and started again: dead_run_sensor fails the run left STARTED, and the folder
sensor's run for a new article publishes while an analyst holds the published file open. Bounded in
time; everything listens on 127.0.0.1 only.
"""

import hashlib
import os
import shutil
import signal
from pathlib import Path
from types import SimpleNamespace

import dagster as dg
import duckdb
import pytest

from .conftest import ROOT, SEEDS, published_copy, query
from .dagster_dev import DagsterDev, chromium, colours, render, retry_of, status, worker_pid
from .processes import claimed_slots, env_for, instance_of, new_home, step_started, wait

pytestmark = pytest.mark.e2e  # real servers (and a real browser)
TIMEOUT = 900  # seconds for any one run to end; a full run on 2 cores takes about a minute
# Test artifacts (screenshots), kept after the run; CI prints where they are
ARTIFACTS = Path(os.environ.get("DEFCOOP_TEST_ARTIFACTS", ROOT / "artifacts"))
NEW_ARTICLE = (
    "Министр обороны Казахстана Нурлан Ермекбаев встретился в Ташкенте с министром обороны Узбекистана "
    "Бахадыром Курбановым."
)


@pytest.fixture(scope="module")
def server(tmp_path_factory, seeds_run):
    base = tmp_path_factory.mktemp("e2e")
    home, inbox = new_home(base), base / "inbox"
    shutil.copytree(SEEDS, inbox)
    # the warehouse of an earlier run on these files (the session's): the folder sensor's first tick
    # finds nothing new, so the runs below are the test's own and none waits for one on the seeds
    db = published_copy(seeds_run, base / "out")
    env = dict(env_for(home, inbox, db), DEFCOOP_SENSOR="on", DEFCOOP_SENSOR_INTERVAL="5")
    dev = DagsterDev(env, base / "dagster-dev.log")
    dev.start()
    instance = instance_of(home)
    try:
        # failed: the runs a test ended on purpose (every other run must succeed)
        yield SimpleNamespace(dev=dev, db=db, inbox=inbox, instance=instance, failed=set())
    finally:
        dev.stop()
        instance.dispose()


def ended(server, run_id: str, timeout: float = TIMEOUT) -> str:
    done = ("SUCCESS", "FAILURE", "CANCELED")
    wait(lambda: status(server.instance, run_id) in done, f"run {run_id} to end", timeout=timeout, every=0.5)
    return status(server.instance, run_id)


def test_a_launched_run_whose_worker_is_killed_is_retried_and_publishes(server):
    instance, db = server.instance, server.db
    earlier = db.stat().st_ino  # the earlier run's warehouse the server started with
    run_id = server.dev.submit()
    server.failed.add(run_id)
    # the run worker killed in extraction: its code server fails the run, the daemon retries it
    wait(lambda: step_started(instance, run_id, "extraction"), "extraction", timeout=600)
    os.kill(worker_pid(instance, run_id), signal.SIGKILL)
    assert ended(server, run_id, timeout=300) == "FAILURE"
    retry = wait(lambda: retry_of(instance, run_id), "the retry to be queued", timeout=300)
    assert ended(server, retry.run_id) == "SUCCESS", server.dev.tail()
    wait(lambda: db.stat().st_ino != earlier, "the retry to publish")
    assert query(db, "SELECT count(*) FROM articles") == [(5,)]
    wait(lambda: not claimed_slots(instance), "every slot to be given back", timeout=120)


def test_chromium_renders_the_asset_graph(server, tmp_path):
    exe = chromium()
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    base = server.dev.base

    # the global lineage: one box per group, from the raw files to the published warehouse
    graph_png = ARTIFACTS / "asset-graph.png"
    groups = ("ingestion", "entities", "events", "quality", "staging", "marts", "pictures", "publish")
    dom = render(exe, f"{base}/asset-groups", graph_png, tmp_path / "profile", expect=groups)
    for group in groups:
        assert group in dom, f"group {group} is not on the asset graph page"
    assert graph_png.stat().st_size > 20_000 and colours(graph_png) > 20, "the screenshot is blank"

    # a group's lineage: its asset nodes, materialised, with the assets downstream of them
    group_png = ARTIFACTS / "asset-graph-ingestion.png"
    assets = (">source_files<", ">articles<", "mentions", "persons", "meetings")
    url = f"{base}/locations/defcoop/asset-groups/ingestion/lineage"
    dom = render(exe, url, group_png, tmp_path / "profile", expect=assets)
    for asset in assets:
        assert asset in dom, f"{asset} is not on the ingestion group's graph"
    assert "Never materialized" not in dom

    # the picture shown on the page itself (the check's result), not behind a "[Show Markdown]" link
    picture_png = ARTIFACTS / "cooperation-network-checks.png"
    image = '<img src="data:image/png;base64,'
    dom = render(exe, f"{base}/assets/cooperation_network?view=checks", picture_png, tmp_path / "profile", (image,))
    assert image in dom
    # a dbt model: its description, columns and a preview table with NULL as an empty cell
    model_png = ARTIFACTS / "stg-meetings.png"
    dom = render(exe, f"{base}/assets/stg_meetings", model_png, tmp_path / "profile", ("date_source",))
    assert "date_source" in dom and "NaT" not in dom
    print(f"screenshots: {graph_png} {group_png} {picture_png} {model_png}")


MISSING = "/nonexistent/defcoop-inbox"

STEP_FAILURES = """
query StepFailures($runId: ID!) {
  logsForRun(runId: $runId) {
    __typename
    ... on EventConnection {
      events { __typename ... on ExecutionStepFailureEvent { stepKey error { message } } }
    }
  }
}
"""


@pytest.fixture(scope="module")
def failed_run(server):
    """A run launched from the API with a bad input folder (the Launchpad's run config), ended."""
    wait(server.db.exists, "the published warehouse", timeout=TIMEOUT)
    before = hashlib.sha256(server.db.read_bytes()).hexdigest()
    run_id = server.dev.submit(run_config={"resources": {"input_folder": {"config": {"path": MISSING}}}})
    server.failed.add(run_id)
    return {"run_id": run_id, "status": ended(server, run_id), "published_before": before}


def test_a_failed_run_says_why_in_one_line_and_leaves_the_warehouse(server, failed_run):
    assert failed_run["status"] == "FAILURE"
    data = server.dev.graphql(STEP_FAILURES, {"runId": failed_run["run_id"]})
    failures = [e for e in data["logsForRun"]["events"] if e["__typename"] == "ExecutionStepFailureEvent"]
    # the first step fails, once, with the line the UI shows on the run's page; nothing else runs
    assert [f["stepKey"] for f in failures] == ["source_files"]
    message = failures[0]["error"]["message"].strip()
    assert message == (
        f"dagster._core.definitions.events.Failure: Input folder {MISSING} does not exist or is not a "
        "folder; set DEFCOOP_INPUT_DIR to a folder of article files."
    )
    assert hashlib.sha256(server.db.read_bytes()).hexdigest() == failed_run["published_before"]


def test_chromium_shows_why_the_run_failed(server, failed_run, tmp_path):
    exe = chromium()
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    run_png = ARTIFACTS / "failed-run.png"
    why = "does not exist or is not a folder"
    dom = render(exe, f"{server.dev.base}/runs/{failed_run['run_id']}", run_png, tmp_path / "profile", (why,))
    assert why in dom, "the failed run's page does not say why"
    print(f"screenshot: {run_png}")


def test_a_killed_dagster_dev_s_run_is_failed_and_the_sensor_s_run_publishes_under_a_reader(server):
    """Last: it kills the server. The run it leaves STARTED holds the warehouse's slot until
    dead_run_sensor fails it; the new article's run then publishes while a reader holds the file."""
    instance, db, dev = server.instance, server.db, server.dev
    wait(lambda: not claimed_slots(instance), "the earlier runs' slots to be given back", timeout=120)
    second = dev.submit()
    server.failed.add(second)
    wait(lambda: step_started(instance, second, "articles"), "the run's second step", timeout=600)
    pid = worker_pid(instance, second)
    dev.stop(signal.SIGKILL)
    if os.path.exists(f"/proc/{pid}"):  # a power cut takes the worker too
        os.kill(pid, signal.SIGKILL)
    assert status(instance, second) == "STARTED" and claimed_slots(instance) in ([], [second])

    # an analyst holds the published file open; a new article lands; `dagster dev` starts again
    before = db.stat().st_ino
    reader = duckdb.connect(str(db), read_only=True)
    try:
        (server.inbox / "new_article.txt").write_text(NEW_ARTICLE, encoding="utf-8")
        dev.start()
        assert ended(server, second, timeout=300) == "FAILURE"  # by dead_run_sensor
        # a new file renamed over the published one: the run finished while the reader held it open
        # (no second connection from this process: DuckDB would hand back the reader's instance)
        wait(lambda: db.stat().st_ino != before, "the sensor's run to publish", timeout=TIMEOUT)
        # the open connection still reads the file it opened: whole, from before the run
        assert reader.execute("SELECT count(*) FROM articles").fetchone() == (5,)
    finally:
        reader.close()
    # a retry of the dead run, if the daemon made one, may publish first: it reads the same folder
    wait(lambda: query(db, "SELECT count(*) FROM articles") == [(6,)], "the new article in the warehouse")
    rows = query(
        db,
        "SELECT count(*) FROM meetings m JOIN meeting_countries a ON a.meeting_id = m.meeting_id "
        "JOIN meeting_countries b ON b.meeting_id = m.meeting_id "
        "WHERE a.country_iso3 = 'KAZ' AND b.country_iso3 = 'UZB'",
    )
    assert rows == [(1,)]
    unfinished = [dg.DagsterRunStatus.QUEUED, dg.DagsterRunStatus.STARTING, dg.DagsterRunStatus.STARTED]
    wait(lambda: not instance.get_runs(dg.RunsFilter(statuses=unfinished)), "every run to end", timeout=600)
    assert claimed_slots(instance) == []
    others = [r for r in instance.get_runs() if r.run_id not in server.failed]
    assert others and all(r.status == dg.DagsterRunStatus.SUCCESS for r in others), [
        (r.run_id, r.status) for r in others
    ]

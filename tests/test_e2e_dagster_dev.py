"""End to end with the real servers: `dagster dev` (webserver + daemon) on a free loopback port.

Launches a materialisation of every asset through the GraphQL API, lets the folder sensor pick up
a new article, holds a read-only connection to the published warehouse during a run, reads a failed
run's reason back from the API, and has headless Chromium render the UI. Bounded in time;
everything listens on 127.0.0.1 only.
"""

import hashlib
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import duckdb
import pytest
from dagster_graphql import DagsterGraphQLClient

from .conftest import ROOT, SEEDS, published_copy, query

pytestmark = pytest.mark.e2e  # real servers (and a real browser)
BIN = Path(sys.executable).parent
TIMEOUT = 900  # seconds for any one wait; a full run on 2 cores takes about a minute
# Test artifacts (screenshots), kept after the run; CI prints where they are
ARTIFACTS = Path(os.environ.get("DEFCOOP_TEST_ARTIFACTS", ROOT / "artifacts"))


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait(predicate, what: str, timeout: float = TIMEOUT, every: float = 0.5):  # a GraphQL query a poll
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        value = predicate()
        if value:
            return value
        time.sleep(every)
    raise AssertionError(f"timed out waiting for {what}")


@pytest.fixture(scope="module")
def server(tmp_path_factory, seeds_run):
    base = tmp_path_factory.mktemp("e2e")
    home, inbox = base / "home", base / "inbox"
    home.mkdir()
    shutil.copy(ROOT / ".dagster_home" / "dagster.yaml", home / "dagster.yaml")
    shutil.copytree(SEEDS, inbox)
    # the warehouse of an earlier run on these files (the session's): the folder sensor's first tick
    # finds nothing new, so the runs below are the test's own and none waits for one on the seeds
    db = published_copy(seeds_run, base / "out")
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
    earlier = db.stat().st_ino  # the earlier run's warehouse the server started with
    run_id = wait(lambda: _submit(client), "the code location to load", timeout=300)
    wait(lambda: run_finished(client, run_id), "the launched run")
    wait(lambda: db.exists() and db.stat().st_ino != earlier, "the launched run to publish")
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


def graphql(port: int, query_text: str, variables: dict) -> dict:
    request = urllib.request.Request(
        f"http://127.0.0.1:{port}/graphql",
        data=json.dumps({"query": query_text, "variables": variables}).encode(),
        headers={"Content-Type": "application/json"},
    )
    with urllib.request.urlopen(request, timeout=60) as response:
        body = json.load(response)
    assert "errors" not in body, body
    return body["data"]


def test_chromium_renders_the_asset_graph(server, tmp_path):
    exe = chromium()
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    base = f"http://127.0.0.1:{server['port']}"

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
    client, db = server["client"], server["db"]
    wait(db.exists, "the published warehouse", timeout=TIMEOUT)
    before = hashlib.sha256(db.read_bytes()).hexdigest()
    run_id = client.submit_job_execution(
        "__ASSET_JOB", run_config={"resources": {"input_folder": {"config": {"path": MISSING}}}}
    )
    wait(lambda: client.get_run_status(run_id).value in ("FAILURE", "CANCELED", "SUCCESS"), "the bad run to end")
    return {"run_id": run_id, "status": client.get_run_status(run_id).value, "published_before": before}


def test_a_failed_run_says_why_in_one_line_and_leaves_the_warehouse(server, failed_run):
    assert failed_run["status"] == "FAILURE"
    data = graphql(server["port"], STEP_FAILURES, {"runId": failed_run["run_id"]})
    failures = [e for e in data["logsForRun"]["events"] if e["__typename"] == "ExecutionStepFailureEvent"]
    # the first step fails, once, with the line the UI shows on the run's page; nothing else runs
    assert [f["stepKey"] for f in failures] == ["source_files"]
    message = failures[0]["error"]["message"].strip()
    assert message == (
        f"dagster._core.definitions.events.Failure: Input folder {MISSING} does not exist or is not a "
        "folder; set DEFCOOP_INPUT_DIR to a folder of article files."
    )
    assert hashlib.sha256(server["db"].read_bytes()).hexdigest() == failed_run["published_before"]


def test_chromium_shows_why_the_run_failed(server, failed_run, tmp_path):
    exe = chromium()
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    base = f"http://127.0.0.1:{server['port']}"
    run_png = ARTIFACTS / "failed-run.png"
    why = "does not exist or is not a folder"
    dom = render(exe, f"{base}/runs/{failed_run['run_id']}", run_png, tmp_path / "profile", (why,))
    assert why in dom, "the failed run's page does not say why"
    print(f"screenshot: {run_png}")

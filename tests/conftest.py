"""Shared fixtures: the project's seeds, a temp warehouse, and a real Dagster materialisation; under
pytest-xdist, a dbt project folder of each worker's own and the slowest modules handed out first."""

import fcntl
import os
import shutil
import tempfile
from functools import cache
from pathlib import Path

import dagster as dg
import duckdb
import pytest

from defcoop_dagster import code_location
from defcoop_dagster.analytics.dbt_project import MODELS_DIR_VAR, PARTIAL_PARSE, TARGET
from defcoop_dagster.defs.resources import InputFolder, Warehouse, warm_start
from defcoop_dagster.warehouse.publish import work_path

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
SHARED = ROOT.parent / "shared"

# The test modules that take longest (real processes, a minute or more each), slowest first: pytest-xdist
# hands modules out in this order (--dist loadfile --no-loadscope-reorder), so the two workers end together
# rather than one starting the slowest module last. Every other module keeps its place after these.
SLOWEST_FIRST = [
    "test_e2e_dagster_dev.py",
    "test_killed_runs.py",
    "test_partitions.py",
    "test_full_disk.py",
    "test_command_line.py",
    "test_odd_inputs_run.py",
    "test_failures.py",
    "test_models.py",
    "test_readme.py",
    # 10-20 s each: last, one of them would leave a core idle while the other worker has ended
    "test_warm_start.py",
    "test_unchanged_runs.py",
    "test_dead_runs.py",
    "test_warm_parse.py",
    "test_kept_rows.py",
    "test_publish.py",
]


def pytest_collection_modifyitems(items):
    rank = {name: i for i, name in enumerate(SLOWEST_FIRST)}
    items.sort(key=lambda item: rank.get(item.path.name, len(SLOWEST_FIRST)))  # stable: the rest keep their order


def pytest_configure(config):
    """Under pytest-xdist, each worker runs pipelines at the same time as the other, and dbt writes every
    build's run_results.json into its project's target/build: give each worker a copy of dbt_like_models/
    (DEFCOOP_MODELS_DIR, which the commands the tests start inherit), with the checkout's parsed manifest
    and its saved parse, so the copy's first build parses only what differs (nothing) instead of all."""
    worker = os.environ.get("PYTEST_XDIST_WORKER")
    if not worker or os.environ.get(MODELS_DIR_VAR):
        return
    source = ROOT / "dbt_like_models"
    copy = Path(tempfile.mkdtemp(prefix=f"defcoop-models-{worker}-")) / "dbt_like_models"
    shutil.copytree(source, copy, ignore=shutil.ignore_patterns(TARGET, "logs"))
    (copy / TARGET).mkdir()
    # parsed again if stale (the digest is of the sources); a stale saved parse is partly reused, as dbt checks
    for name in ("manifest.json", "manifest.digest", PARTIAL_PARSE):
        if (source / TARGET / name).is_file():
            shutil.copy(source / TARGET / name, copy / TARGET / name)
    os.environ[MODELS_DIR_VAR] = str(copy)
    config.add_cleanup(lambda: shutil.rmtree(copy.parent, ignore_errors=True))


def run_pipeline(
    input_dir: Path, db_path: Path, selection=None, private_work_file: bool = False, instance=None
) -> dg.ExecuteInProcessResult:
    """Materialise the graph for real (in process) on ``input_dir`` into ``db_path``.

    ``private_work_file``: as deployed, write a private file and publish ``db_path`` at the end.
    ``instance``: where the run is recorded (its logs read from there); an ephemeral one by default.
    """
    defs = definitions()
    return dg.materialize(
        [*defs.assets, *defs.asset_checks],
        resources={
            "input_folder": InputFolder(path=str(input_dir)),
            "warehouse": Warehouse(database=str(db_path), private_work_file=private_work_file),
            **warm_start(),
        },
        selection=selection,
        instance=instance,
        raise_on_error=False,
    )


@cache
def definitions() -> dg.Definitions:
    """The code location as Dagster loads it (every definition of defs/)."""
    return code_location()


def query(db_path: Path, sql: str, params=None) -> list[tuple]:
    con = duckdb.connect(str(db_path), read_only=True)
    try:
        return con.execute(sql, params or []).fetchall()
    finally:
        con.close()


@pytest.fixture
def seeds_copy(tmp_path) -> Path:
    dest = tmp_path / "seeds"
    shutil.copytree(SEEDS, dest)
    return dest


@pytest.fixture(scope="session")
def seeds_run(tmp_path_factory, worker_id) -> tuple[dg.ExecuteInProcessResult, Path]:
    """The whole graph materialised once per pytest run on seeds/, as deployed (a private work file
    published at the end): the run's result and the published warehouse. Tests only read them.

    Under pytest-xdist the first worker to ask runs it, in the workers' common temporary folder, and
    leaves its events there; the other worker waits for it and reads them back (a run less)."""
    shared = tmp_path_factory.mktemp("seeds") if worker_id == "master" else tmp_path_factory.getbasetemp().parent
    db = shared / "seeds-run" / "warehouse.duckdb"
    recorded = shared / "seeds-run.events"
    with open(shared / "seeds-run.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # released when the file closes, also if this worker dies
        if recorded.is_file():
            run, events = dg.deserialize_value(recorded.read_text())
            # the result of the same run: the methods the tests call read its events (the job is the same graph)
            job = definitions().resolve_implicit_global_asset_job_def()
            return dg.ExecuteInProcessResult(events, run, None, job), db
        result = run_pipeline(SEEDS, db, private_work_file=True)
        assert result.success, [e.message for e in result.all_events if e.is_failure]
        recorded.write_text(dg.serialize_value([result.dagster_run, list(result.all_events)]))
        return result, db


@pytest.fixture(scope="session")
def seeds_warehouse(seeds_run) -> Path:
    """The work file of the seeds run: every table the graph writes (tests only read it)."""
    return work_path(seeds_run[1])


def published_copy(seeds_run, folder: Path) -> Path:
    """A copy of the seeds run's folder (published warehouse, work file, pictures) as ``folder``: the last
    good run a test starts from, without materialising it again (copying DuckDB files is cheap)."""
    source = seeds_run[1]
    shutil.copytree(source.parent, folder, dirs_exist_ok=True)
    return folder / source.name


@pytest.fixture(scope="session")
def analytics_run(seeds_run, seeds_warehouse) -> tuple[dg.ExecuteInProcessResult, Path]:
    """The seeds run's result (models, pictures and their checks among it) and its warehouse with the
    pictures beside it."""
    return seeds_run[0], seeds_warehouse

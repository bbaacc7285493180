"""The commands users and the gold evaluator run, as subprocesses, with the contract's settings."""

import hashlib
import os
import shutil
import subprocess
import sys
from pathlib import Path

import dagster as dg
import pytest

from defcoop_dagster.analytics.dbt_project import models_dir
from defcoop_dagster.warehouse.publish import work_path

from .conftest import SEEDS, definitions, query
from .processes import instance_of, processes_of, wait

BIN = Path(sys.executable).parent
NEW_ARTICLE = (
    "Министр обороны Казахстана Нурлан Ермекбаев встретился в Ташкенте с министром обороны Узбекистана "
    "Бахадыром Курбановым."
)


def env_for(tmp_path: Path, input_dir: Path) -> dict:
    return dict(
        os.environ,
        DEFCOOP_INPUT_DIR=str(input_dir),
        DEFCOOP_DUCKDB_PATH=str(tmp_path / "out" / "warehouse.duckdb"),
        DAGSTER_HOME=str(tmp_path / "home"),
    )


def test_definitions_load():
    defs = definitions()
    dg.Definitions.validate_loadable(defs)
    keys = {k.to_user_string() for k in defs.resolve_asset_graph().get_all_asset_keys()}
    assert {"source_files", "articles"} <= keys


@pytest.fixture(scope="module")
def commands(tmp_path_factory) -> dict:
    """The module's commands, started at once: the gold evaluator's line on seeds/, `defcoop materialize`
    on the seeds and a new article (another warehouse: two full runs at once, each building dbt in a
    folder of its own), and `defcoop materialize` on a missing folder (it fails before any model is
    built). {name: (env, finished run)}."""

    def start(name, cmd, folder):
        base = tmp_path_factory.mktemp(name)
        (base / "home").mkdir()
        if folder == "seeds and a new article":
            folder = base / "inbox"
            shutil.copytree(SEEDS, folder)
            (folder / "zz_new.txt").write_text(NEW_ARTICLE, encoding="utf-8")
        env = env_for(base, folder or base / "missing")
        proc = subprocess.Popen([str(BIN / cmd[0]), *cmd[1:]], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        return name, env, proc

    defcoop = ["defcoop", "materialize"]
    started = [
        start("dagster", ["dagster", "asset", "materialize", "-m", "defcoop_dagster", "--select", "*"], SEEDS),
        start("defcoop", defcoop, "seeds and a new article"),
        start("missing", defcoop, None),
    ]
    done = {}
    try:
        for name, env, proc in started:
            out, err = proc.communicate(timeout=900)
            done[name] = env, subprocess.CompletedProcess(proc.args, proc.returncode, out.decode(), err.decode())
    finally:
        for _, _, proc in started:
            if proc.poll() is None:
                proc.kill()
    return done


@pytest.mark.e2e
def test_dagster_materialize_all_from_the_module(commands):
    """The exact line ../shared/gold/evaluate.py runs."""
    env, run = commands["dagster"]
    assert run.returncode == 0, run.stderr[-3000:]
    db = Path(env["DEFCOOP_DUCKDB_PATH"])
    assert query(db, "SELECT count(*) FROM articles") == [(5,)]


@pytest.mark.e2e
def test_two_runs_at_once_build_dbt_apart(commands):
    """The gold evaluator's line and `defcoop materialize` ran at once on two warehouses: each has its
    own tables, and each dbt build had a folder of its own under target/, removed once read."""
    target = models_dir() / "target"  # this worker's copy of the project under pytest-xdist
    spans = []
    for name, articles in (("dagster", 5), ("defcoop", 6)):
        env, run = commands[name]
        assert run.returncode == 0, run.stderr[-3000:]
        db = Path(env["DEFCOOP_DUCKDB_PATH"])
        assert query(db, "SELECT count(*) FROM articles") == [(articles,)]
        (run_id,) = {r for (r,) in query(db, "SELECT DISTINCT run_id FROM run_state")}
        assert target.is_dir() and not list(target.glob(f"run-{run_id[:8]}-*"))
        instance = instance_of(env["DAGSTER_HOME"])
        (record,) = instance.get_run_records()
        spans.append((record.start_time, record.end_time))
        instance.dispose()
    (a_start, a_end), (b_start, b_end) = spans
    assert a_start < b_end and b_start < a_end  # the two runs overlapped


@pytest.mark.e2e
def test_an_unchanged_rerun_starts_nothing(commands):
    """The same `defcoop materialize` again finds nothing changed, says so and starts no run; the
    Dagster process it started to look, and that process's helpers, end with it."""
    env, first = commands["defcoop"]
    assert first.returncode == 0, first.stderr[-3000:]
    db = Path(env["DEFCOOP_DUCKDB_PATH"])
    published = hashlib.sha256(db.read_bytes()).hexdigest()
    instance = instance_of(env["DAGSTER_HOME"])
    runs_before = [r.run_id for r in instance.get_runs()]
    again = subprocess.run([str(BIN / "defcoop"), "materialize"], env=env, capture_output=True, text=True, timeout=600)
    assert again.returncode == 0, again.stderr[-3000:]
    (run_id,) = {r for (r,) in query(db, "SELECT DISTINCT run_id FROM run_state")}
    assert f"nothing changed since run {run_id}: the published warehouse holds it" in again.stdout
    assert "articles" in again.stdout  # the summary of what the warehouse holds, as after a run
    assert [r.run_id for r in instance.get_runs()] == runs_before  # no run started for nothing
    wait(lambda: not processes_of(env["DAGSTER_HOME"]), "the started process and its helpers to end", timeout=30)
    assert hashlib.sha256(db.read_bytes()).hexdigest() == published and work_path(db).is_file()
    instance.dispose()


@pytest.mark.e2e
def test_defcoop_materialize_prints_where_and_how(commands, tmp_path):
    env, run = commands["defcoop"]
    assert run.returncode == 0, run.stderr[-3000:]
    assert f"warehouse: {Path(env['DEFCOOP_DUCKDB_PATH']).resolve()}" in run.stdout
    assert "articles" in run.stdout and "read_only=True" in run.stdout

    # every hint it prints runs as printed in a new shell: no venv on PATH, no settings, another folder
    hints = run.stdout.split("these lines work in a new shell):\n", 1)[1].splitlines()
    hints = [line.strip() for line in hints if line.startswith("  ")]
    assert len(hints) == 3 and hints[0].startswith(str(BIN / "duckdb"))
    fresh = {"PATH": "/usr/bin:/bin", "HOME": str(tmp_path), "LANG": "C.UTF-8"}
    # kept only where the checkout is not the venv's own install (a venv shared by several work trees)
    fresh |= {k: v for k, v in os.environ.items() if k == "PYTHONPATH"}
    outputs = []
    for line in hints:
        done = subprocess.run(["bash", "-c", line], cwd="/", env=fresh, capture_output=True, text=True, timeout=300)
        assert done.returncode == 0, (line, done.stderr[-2000:])
        outputs.append(done.stdout)
    assert "Азербайджан" in outputs[0] and "published" in outputs[0]  # the DuckDB CLI read the v1.0.0 file
    assert "article_id" in outputs[1]
    assert (Path(env["DEFCOOP_DUCKDB_PATH"]).parent / "export" / "dyad_year.parquet").is_file()


@pytest.mark.e2e
def test_defcoop_materialize_fails_clearly_on_a_missing_folder(commands):
    _, run = commands["missing"]
    assert run.returncode != 0
    assert "does not exist" in run.stdout + run.stderr
    assert "warehouse was left as it was" in run.stderr

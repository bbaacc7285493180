"""The commands users and the gold evaluator run, as subprocesses, with the contract's settings."""

import os
import subprocess
import sys
from pathlib import Path

import dagster as dg
import pytest

from .conftest import SEEDS, definitions, query

BIN = Path(sys.executable).parent


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
    """The module's commands: the gold evaluator's line, `defcoop materialize`, and `defcoop materialize` on
    a missing folder, started beside the first (it fails before any model is built, and each mostly waits
    on its own process). The two full runs go one after the other: dbt builds in the checkout's
    target/build, one folder for every run. {name: (env, finished run)}."""
    done = {}

    def start(name, cmd, folder):
        base = tmp_path_factory.mktemp(name)
        env = env_for(base, folder or base / "missing")
        (base / "home").mkdir()
        proc = subprocess.Popen([str(BIN / cmd[0]), *cmd[1:]], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        return name, env, proc

    defcoop = ["defcoop", "materialize"]
    for batch in [
        [("dagster", ["dagster", "asset", "materialize", "-m", "defcoop_dagster", "--select", "*"], SEEDS)],
        [("defcoop", defcoop, SEEDS), ("missing", defcoop, None)],
    ]:
        started = [start(*command) for command in batch]
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

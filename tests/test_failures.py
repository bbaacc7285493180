"""Failure modes a user meets: each run fails with one line saying why, and the published warehouse
is left byte for byte as it was. Run through `defcoop materialize`, the command users type."""

import hashlib
import os
import shutil
import subprocess
import sys
from pathlib import Path

import dagster as dg
import duckdb
import pytest

from defcoop_dagster.cli import failure_reason
from defcoop_dagster.defs.automation.sensors import input_folder_sensor
from defcoop_dagster.defs.resources import InputFolder, Warehouse

from .conftest import ROOT, SEEDS

BIN = Path(sys.executable).parent
SETPRIV = shutil.which("setpriv")


def published(path: Path) -> str:
    """A small published warehouse standing for the analysts' last good one; returns its digest."""
    path.parent.mkdir(parents=True, exist_ok=True)
    con = duckdb.connect(str(path))
    con.execute("CREATE TABLE articles AS SELECT 'last good run' AS title")
    con.close()
    return digest(path)


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def defcoop(tmp_path: Path, input_dir: Path, db: Path, unprivileged: bool = False, **env):
    """`defcoop materialize` in a subprocess; ``unprivileged`` drops root's right to read any file."""
    cmd = [str(BIN / "defcoop"), "materialize"]
    if unprivileged and os.geteuid() == 0:
        if not SETPRIV:
            pytest.skip("running as root without setpriv: cannot make a folder unreadable")
        # root reads everything through these two capabilities; without them file modes apply
        drop = "-dac_override,-dac_read_search"
        cmd = [SETPRIV, "--bounding-set", drop, "--inh-caps", drop, *cmd]
    run_env = dict(
        os.environ,
        DEFCOOP_INPUT_DIR=str(input_dir),
        DEFCOOP_DUCKDB_PATH=str(db),
        DAGSTER_HOME=str(tmp_path / "home"),
        DEFCOOP_SENSOR="off",
        **env,
    )
    return subprocess.run(cmd, env=run_env, capture_output=True, text=True, timeout=600)


def reason(run: subprocess.CompletedProcess) -> str:
    """The line `defcoop` prints to say why the run failed."""
    assert run.returncode != 0, run.stdout
    lines = [line for line in run.stderr.splitlines() if line.startswith("the run failed: ")]
    assert len(lines) == 1, run.stderr[-3000:]
    assert "the published warehouse was left as it was" in run.stderr
    return lines[0].removeprefix("the run failed: ")


def test_missing_input_folder(tmp_path):
    db = tmp_path / "out" / "w.duckdb"
    before = published(db)
    why = reason(defcoop(tmp_path, tmp_path / "no-such-folder", db))
    assert (
        why == f"Input folder {tmp_path / 'no-such-folder'} does not exist or is not a folder; set "
        "DEFCOOP_INPUT_DIR to a folder of article files."
    )
    assert digest(db) == before


@pytest.mark.parametrize("locked", [".", "sub"], ids=["the folder", "a folder inside it"])
def test_unreadable_input_folder(tmp_path, locked):
    inbox = tmp_path / "inbox"
    shutil.copytree(SEEDS, inbox / "sub")
    db = tmp_path / "out" / "w.duckdb"
    before = published(db)
    (inbox / locked).chmod(0)
    try:
        why = reason(defcoop(tmp_path, inbox, db, unprivileged=True))
    finally:
        (inbox / locked).chmod(0o755)
    # a folder below that cannot be listed fails the run too: skipping it would drop its articles
    assert why.startswith(f"Input folder {inbox} cannot be read: Permission denied")
    assert digest(db) == before


def test_warehouse_path_holding_another_file_is_not_replaced(tmp_path):
    db = tmp_path / "notes.csv"
    db.write_text("country,partner\nAZE,TUR\n", encoding="utf-8")
    why = reason(defcoop(tmp_path, SEEDS, db))
    assert why.startswith(f"Warehouse path {db} holds a file that is not a DuckDB database")
    assert db.read_text(encoding="utf-8") == "country,partner\nAZE,TUR\n"


def test_warehouse_path_that_is_a_folder(tmp_path):
    db = tmp_path / "folder.duckdb"
    db.mkdir()
    why = reason(defcoop(tmp_path, SEEDS, db))
    assert why.startswith(f"Warehouse path {db} is a folder, not a file")


@pytest.mark.parametrize(
    "setting, value, message",
    [
        ("DEFCOOP_SCHEDULE_CRON", "0 5 * *", "DEFCOOP_SCHEDULE_CRON='0 5 * *' is not a cron schedule"),
        ("DEFCOOP_SCHEDULE_TIMEZONE", "Mars/Olympus", "DEFCOOP_SCHEDULE_TIMEZONE='Mars/Olympus' is not a timezone"),
        ("DEFCOOP_SENSOR_INTERVAL", "soon", "DEFCOOP_SENSOR_INTERVAL='soon' is not a number of seconds"),
    ],
)
def test_a_bad_setting_names_itself_when_the_code_location_loads(setting, value, message):
    """What `dg check defs` (and `dagster dev`'s code location) shows as the load error, in one line."""
    run = subprocess.run(
        [str(Path(sys.executable).parent / "dg"), "check", "defs"],
        cwd=ROOT,
        env=dict(os.environ, **{setting: value}),
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert run.returncode != 0
    assert f"defcoop_dagster.defs.automation.settings.SettingError: {message}" in run.stdout + run.stderr


def test_the_sensor_skips_with_the_reason_and_keeps_its_cursor(tmp_path):
    ctx = dg.build_sensor_context(
        cursor='{"a.txt": "1:1"}',
        resources={
            "input_folder": InputFolder(path=str(tmp_path / "gone")),
            "warehouse": Warehouse(database=str(tmp_path / "none.duckdb")),
        },
    )
    result = input_folder_sensor(ctx)
    assert isinstance(result, dg.SkipReason)
    assert "does not exist or is not a folder" in result.skip_message
    assert ctx.cursor == '{"a.txt": "1:1"}'  # when the folder is back, only real changes start a run


def test_failure_reason_prefers_the_step_failure():
    output = (
        "2026-11-22 - dagster - ERROR - RUN_FAILURE - Execution of run failed. Steps failed: ['source_files'].\n"
        "dagster._core.definitions.events.Failure: Input folder /x cannot be read: Permission denied\n"
        "dagster._core.errors.DagsterExecutionStepExecutionError: Error occurred while executing op\n"
    )
    assert failure_reason(output) == "Input folder /x cannot be read: Permission denied"
    assert failure_reason("ValueError: bad\n") == "ValueError: bad"

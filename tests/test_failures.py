"""Failure modes a user meets: each run fails with one line saying why, and the published warehouse
is left byte for byte as it was. Run through `defcoop materialize`, the command users type."""

import hashlib
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import dagster as dg
import duckdb
import pytest

from defcoop_dagster.cli import failure_reason
from defcoop_dagster.defs.automation.sensors import input_folder_sensor
from defcoop_dagster.defs.automation.settings import SettingError, checked, problems
from defcoop_dagster.defs.resources import InputFolder, Warehouse

from .conftest import ROOT, SEEDS
from .processes import Descendants

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


def start(tmp_path: Path, input_dir: Path, db: Path, unprivileged: bool = False) -> subprocess.Popen | None:
    """`defcoop materialize` started in a subprocess; ``unprivileged`` drops root's right to read any file
    (None where that cannot be done: root without setpriv)."""
    cmd = [str(BIN / "defcoop"), "materialize"]
    if unprivileged and os.geteuid() == 0:
        if not SETPRIV:
            return None
        # root reads everything through these two capabilities; without them file modes apply
        drop = "-dac_override,-dac_read_search"
        cmd = [SETPRIV, "--bounding-set", drop, "--inh-caps", drop, *cmd]
    run_env = dict(
        os.environ,
        DEFCOOP_INPUT_DIR=str(input_dir),
        DEFCOOP_DUCKDB_PATH=str(db),
        DAGSTER_HOME=str(tmp_path / "home"),
        DEFCOOP_SENSOR="off",
    )
    return subprocess.Popen(cmd, env=run_env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def reason(run: subprocess.CompletedProcess) -> str:
    """The line `defcoop` prints to say why the run failed."""
    assert run.returncode != 0, run.stdout
    lines = [line for line in run.stderr.splitlines() if line.startswith("the run failed: ")]
    assert len(lines) == 1, run.stderr[-3000:]
    assert "the published warehouse was left as it was" in run.stderr
    return lines[0].removeprefix("the run failed: ")


LOCKED = {"the folder": ".", "a folder inside it": "sub"}


@pytest.fixture(scope="module")
def failed(tmp_path_factory) -> dict:
    """Every failing `defcoop materialize` of this module, started at once: each waits on its own process
    (most of their time is starting Python and Dagster), so together they take about as long as one.
    {name: (folder, published digest or None, input folder, warehouse path, finished run or None,
    the command lines of the processes it started)}."""
    cases = {}

    def case(name, input_dir=None, db_name="out/w.duckdb", last_good=True, **how):
        base = tmp_path_factory.mktemp(name.replace(" ", "_"))
        db = base / db_name
        cases[name] = [base, published(db) if last_good else None, input_dir or base / "no-such-folder", db, how]

    case("missing")
    for name in LOCKED:
        case(name, unprivileged=True)
    case("another file", input_dir=SEEDS, db_name="notes.csv", last_good=False)
    case("a folder", input_dir=SEEDS, db_name="folder.duckdb", last_good=False)
    for name in LOCKED:
        inbox = cases[name][0] / "inbox"
        shutil.copytree(SEEDS, inbox / "sub")
        (inbox / LOCKED[name]).chmod(0)
        cases[name][2] = inbox
    cases["another file"][3].write_text("country,partner\nAZE,TUR\n", encoding="utf-8")
    cases["a folder"][3].mkdir()
    procs = {name: start(base, inbox, db, **how) for name, (base, _, inbox, db, how) in cases.items()}
    watcher = Descendants({name: proc.pid for name, proc in procs.items() if proc is not None})
    watcher.start()
    out = {}
    try:
        for name, proc in procs.items():
            done = None
            if proc is not None:
                stdout, stderr = proc.communicate(timeout=600)
                done = subprocess.CompletedProcess(proc.args, proc.returncode, stdout, stderr)
            base, before, inbox, db, _ = cases[name]
            out[name] = (base, before, inbox, db, done)
    finally:
        seen = watcher.stop()
        for proc in procs.values():
            if proc is not None and proc.poll() is None:
                proc.kill()
        for name in LOCKED:
            (cases[name][2] / LOCKED[name]).chmod(0o755)
    return {name: (*case, seen.get(name, set())) for name, case in out.items()}


@pytest.mark.e2e
def test_missing_input_folder(failed):
    _, before, inbox, db, run, _ = failed["missing"]
    why = reason(run)
    assert why == (
        f"Input folder {inbox} does not exist or is not a folder; set DEFCOOP_INPUT_DIR to a folder of article files."
    )
    assert digest(db) == before


@pytest.mark.e2e
@pytest.mark.parametrize("name", list(LOCKED))
def test_unreadable_input_folder(failed, name):
    _, before, inbox, db, run, _ = failed[name]
    if run is None:
        pytest.skip("running as root without setpriv: cannot make a folder unreadable")
    # a folder below that cannot be listed fails the run too: skipping it would drop its articles
    assert reason(run).startswith(f"Input folder {inbox} cannot be read: Permission denied")
    assert digest(db) == before


@pytest.mark.e2e
def test_warehouse_path_holding_another_file_is_not_replaced(failed):
    _, _, _, db, run, _ = failed["another file"]
    assert reason(run).startswith(f"Warehouse path {db} holds a file that is not a DuckDB database")
    assert db.read_text(encoding="utf-8") == "country,partner\nAZE,TUR\n"


@pytest.mark.e2e
def test_warehouse_path_that_is_a_folder(failed):
    _, _, _, db, run, _ = failed["a folder"]
    assert reason(run).startswith(f"Warehouse path {db} is a folder, not a file")


def helpers(commands: set[str]) -> list[str]:
    """The run's helpers among ``commands``: the extraction's fork server and the dbt process."""
    return sorted(c for c in commands if "multiprocessing.forkserver" in c or "dbt_server.py" in c)


@pytest.mark.e2e
def test_a_run_failing_on_its_paths_loads_neither_natasha_nor_dbt(failed):
    # `defcoop materialize` finds what is wrong before the run starts, and starts no helper for it
    for name in ["missing", "another file", "a folder"]:
        assert helpers(failed[name][5]) == [], name
    # paths that look right (the folder lists; a folder inside it does not): the helpers are started and
    # seen, so the watch above could have seen them too
    if failed["a folder inside it"][4] is not None:
        assert helpers(failed["a folder inside it"][5])


BAD_SETTINGS = {  # each wrong setting and what the load error says of it
    "DEFCOOP_SCHEDULE_CRON": ("0 5 * *", "DEFCOOP_SCHEDULE_CRON='0 5 * *' is not a cron schedule"),
    "DEFCOOP_SCHEDULE_TIMEZONE": ("Mars/Olympus", "DEFCOOP_SCHEDULE_TIMEZONE='Mars/Olympus' is not a timezone"),
    "DEFCOOP_SENSOR_INTERVAL": ("soon", "DEFCOOP_SENSOR_INTERVAL='soon' is not a number of seconds"),
}


@pytest.mark.parametrize("setting", list(BAD_SETTINGS))
def test_a_bad_setting_names_itself(monkeypatch, setting):
    value, message = BAD_SETTINGS[setting]
    monkeypatch.setenv(setting, value)
    assert [p for p in problems() if p.startswith(message)] == problems()  # only it, in its words
    with pytest.raises(SettingError, match=re.escape(message)):
        checked()


@pytest.mark.e2e
def test_bad_settings_are_named_at_once_in_one_line_when_the_code_location_loads():
    """What `dg check defs` (and `dagster dev`'s code location) shows as the load error: every wrong
    setting, in one line."""
    run = subprocess.run(
        [str(Path(sys.executable).parent / "dg"), "check", "defs"],
        cwd=ROOT,
        env=dict(os.environ, **{name: value for name, (value, _) in BAD_SETTINGS.items()}),
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert run.returncode != 0
    said = "defcoop_dagster.defs.automation.settings.SettingError: "
    (line,) = {line for line in (run.stdout + run.stderr).splitlines() if line.startswith(said)}
    assert all(message in line for _, message in BAD_SETTINGS.values()), line


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

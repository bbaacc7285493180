"""Real processes for the end-to-end tests: `defcoop materialize` and `dagster dev` in their own
process groups with a temporary DAGSTER_HOME, the moments to kill them at, and waiting."""

import contextlib
import json
import os
import shutil
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import dagster as dg

from .conftest import ROOT, query

BIN = Path(sys.executable).parent
WAREHOUSE_TABLES = ["source_files", "articles", "mentions", "persons", "meetings", "agreements", "dyad_year"]


def new_home(base: Path) -> Path:
    """A DAGSTER_HOME with the project's instance configuration (the warehouse pool, retries, monitoring)."""
    home = base / "home"
    home.mkdir(parents=True)
    shutil.copy(ROOT / ".dagster_home" / "dagster.yaml", home / "dagster.yaml")
    return home


def env_for(home: Path, inbox: Path, db: Path, **extra) -> dict:
    return dict(
        os.environ,
        DAGSTER_HOME=str(home),
        DEFCOOP_INPUT_DIR=str(inbox),
        DEFCOOP_DUCKDB_PATH=str(db),
        DEFCOOP_SENSOR="off",
        DEFCOOP_SCHEDULE="off",
        **extra,
    )


def start_defcoop(env: dict, *args: str, **popen) -> subprocess.Popen:
    """`defcoop materialize` in a process group of its own (its Dagster child in it), as a user starts it."""
    return subprocess.Popen(
        [str(BIN / "defcoop"), "materialize", *args],
        env=env,
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
        **popen,
    )


def kill_group(proc: subprocess.Popen) -> str:
    """SIGKILL to the whole process group, as `kill -9 -<pgid>` (or the OOM killer, or a power cut);
    returns what it printed until then."""
    with contextlib.suppress(ProcessLookupError):
        os.killpg(proc.pid, signal.SIGKILL)
    return proc.communicate()[0]


def wait(predicate, what: str, timeout: float = 600, every: float = 0.2):
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        value = predicate()
        if value:
            return value
        time.sleep(every)
    raise AssertionError(f"timed out after {timeout:.0f} s waiting for {what}")


def process_state(pid: int | str) -> tuple[str, int] | None:
    """(state, parent pid) of a process, from /proc/<pid>/stat (the fields after the parenthesised
    command); None once it is gone."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        return fields[0], int(fields[1])
    except (OSError, ValueError, IndexError):
        return None


def live_processes() -> dict[int, tuple[str, int]]:
    """pid → (state, parent pid) of every process still listed in /proc."""
    states = {int(e.name): process_state(e.name) for e in Path("/proc").iterdir() if e.name.isdigit()}
    return {pid: state for pid, state in states.items() if state is not None}


def processes_of(home) -> list[int]:
    """The live processes started with DAGSTER_HOME=``home`` (a run's and its helpers)."""
    found = []
    for pid, (state, _) in live_processes().items():
        if pid == os.getpid():
            continue  # this test's own process may carry the variable too
        try:
            if state != "Z" and f"DAGSTER_HOME={home}\0".encode() in Path(f"/proc/{pid}/environ").read_bytes():
                found.append(pid)
        except OSError:  # ended meanwhile, or not ours to read
            pass
    return found


def command_line(pid: int) -> str | None:
    """A process's command line, its arguments joined by spaces; None once it is gone."""
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode()
    except OSError:
        return None


class Descendants(threading.Thread):
    """The command lines of every process seen below each of ``roots`` (name → pid) until ``stop()``,
    looked for five times a second: a run's helper lives for seconds (it ends with the run's process)."""

    def __init__(self, roots: dict[str, int]):
        super().__init__(daemon=True)
        self.roots, self.seen = roots, {name: set() for name in roots}
        self.done = threading.Event()

    def run(self) -> None:
        while not self.done.wait(0.2):
            children: dict[int, list[int]] = {}
            for pid, (_, parent) in live_processes().items():
                children.setdefault(parent, []).append(pid)
            for name, root in self.roots.items():
                below, todo = [], list(children.get(root, []))
                while todo:
                    pid = todo.pop()
                    below.append(pid)
                    todo.extend(children.get(pid, []))
                self.seen[name].update(filter(None, map(command_line, below)))

    def stop(self) -> dict[str, set[str]]:
        self.done.set()
        self.join()
        return self.seen


def instance_of(home: Path) -> dg.DagsterInstance:
    return dg.DagsterInstance.from_config(str(home))


def latest_run(instance: dg.DagsterInstance, after: set[str]) -> dg.DagsterRun | None:
    runs = [r for r in instance.get_runs() if r.run_id not in after]
    return runs[0] if runs else None


def step_started(instance: dg.DagsterInstance, run_id: str, step: str | None = None) -> bool:
    """The run started (``step`` None) or started that step."""
    kind = dg.DagsterEventType.STEP_START if step else dg.DagsterEventType.RUN_START
    records = instance.get_records_for_run(run_id, of_type=kind).records
    return any(step is None or r.event_log_entry.step_key == step for r in records)


def claimed_slots(instance: dg.DagsterInstance) -> list[str]:
    return [s.run_id for s in instance.event_log_storage.get_concurrency_info("warehouse").claimed_slots]


def tables_of(db: Path) -> dict[str, list[tuple]]:
    """The data of the warehouse tables, to compare two warehouses (run ids and times aside)."""
    out = {}
    for table in WAREHOUSE_TABLES:
        columns = [
            c
            for (c,) in query(db, "SELECT column_name FROM duckdb_columns() WHERE table_name = ?", [table])
            if c not in ("modified_at",)
        ]
        quoted = ", ".join(f'"{c}"' for c in columns)
        out[table] = query(db, f'SELECT {quoted} FROM "{table}" ORDER BY ALL')
    return out


def peak_rss_mb_of(cmd: list[str], env: dict, timeout: float) -> tuple[subprocess.CompletedProcess, float]:
    """Run ``cmd`` from a fresh Python whose only children are it and its descendants, and return the
    largest resident set any of them reached (getrusage(RUSAGE_CHILDREN).ru_maxrss), in MB."""
    probe = (
        "import json, resource, subprocess, sys\n"
        "run = subprocess.run(sys.argv[1:], capture_output=True, text=True)\n"
        "peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024\n"
        "print(json.dumps({'rc': run.returncode, 'out': run.stdout, 'err': run.stderr, 'peak': peak}))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe, *cmd], env=env, cwd=ROOT, capture_output=True, text=True, timeout=timeout
    )
    result = json.loads(done.stdout)
    return subprocess.CompletedProcess(cmd, result["rc"], result["out"], result["err"]), result["peak"]

"""The partitioned deployment on this machine: a real PostgreSQL server for the Dagster instance,
batches as partitions, workers as `dagster` processes. Used by tests/test_partitions.py and
benchmarks/partitions.py."""

import glob
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
LOCATION = ["-m", "defcoop_dagster.partitioned"]


def postgres_bin() -> Path | None:
    """The newest PostgreSQL of Debian's packages (postgresql-NN), or None."""
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/postgres"), key=lambda p: int(p.split("/")[4]))
    return Path(found[-1]).parent if found else None


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def postgres_server():
    """A throwaway PostgreSQL server (initdb + pg_ctl in a temporary folder, on a free port), and the
    environment that points deploy/dagster.yaml at it. As root it runs as ``nobody``: postgres refuses root."""
    bin_dir = postgres_bin()
    folder = Path(tempfile.mkdtemp(prefix="defcoop-pg-", dir="/tmp"))
    as_user = []
    if os.geteuid() == 0:
        shutil.chown(folder, "nobody")
        as_user = ["runuser", "-u", "nobody", "--"]
    data, port = folder / "data", free_port()

    def pg(*args):
        subprocess.run([*as_user, *args], check=True, capture_output=True, text=True)

    pg(str(bin_dir / "initdb"), "-D", str(data), "-U", "dagster", "--auth=trust", "-E", "UTF8")
    opts = f"-p {port} -k {folder} -c listen_addresses=127.0.0.1 -c fsync=off"
    pg(str(bin_dir / "pg_ctl"), "-D", str(data), "-o", opts, "-l", str(folder / "log"), "-w", "start")
    try:
        pg(str(bin_dir / "createdb"), "-h", "127.0.0.1", "-p", str(port), "-U", "dagster", "dagster")
        yield {
            "DAGSTER_PG_HOST": "127.0.0.1",
            "DAGSTER_PG_PORT": str(port),
            "DAGSTER_PG_USERNAME": "dagster",
            "DAGSTER_PG_PASSWORD": "trust",  # trust authentication: not checked
            "DAGSTER_PG_DB": "dagster",
        }
    finally:
        subprocess.run([*as_user, str(bin_dir / "pg_ctl"), "-D", str(data), "-m", "fast", "stop"], capture_output=True)
        shutil.rmtree(folder, ignore_errors=True)


def deployment_env(pg_env: dict, home: Path, input_dir: Path, db_path: Path) -> dict:
    """The environment of every process of the deployment: the instance (deploy/dagster.yaml on Postgres),
    the input folder, the warehouse, the parts beside it."""
    home.mkdir(parents=True, exist_ok=True)
    shutil.copy(ROOT / "deploy" / "dagster.yaml", home / "dagster.yaml")
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DEFCOOP_", "DAGSTER_"))}
    return {
        **env,
        **pg_env,
        "DAGSTER_HOME": str(home),
        "DEFCOOP_INPUT_DIR": str(input_dir),
        "DEFCOOP_DUCKDB_PATH": str(db_path),
        "DEFCOOP_PARTS_DIR": str(db_path.parent / "parts"),
        "DEFCOOP_SENSOR": "off",
        "PYTHONPATH": os.pathsep.join([str(ROOT), env.get("PYTHONPATH", "")]),
    }


def dagster(env: dict, *args: str, log: Path) -> subprocess.Popen:
    return subprocess.Popen(
        [str(BIN / "dagster"), *args], env=env, cwd=ROOT, stdout=log.open("a"), stderr=subprocess.STDOUT
    )


def make_batches(env: dict, max_files: int) -> list[str]:
    out = subprocess.run(
        [sys.executable, "-m", "defcoop_dagster.partitioned", "batches", "--max-files", str(max_files)],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert out.returncode == 0, out.stderr[-3000:]
    return out.stdout.split()


def run_partitions(env: dict, keys: list[str], workers: int, log: Path) -> float:
    """Each partition its own run (`dagster asset materialize --partition`), ``workers`` runs at once
    (worker i takes keys i, i + workers, …); the seconds until all are done. Fails if one run failed."""
    start = time.monotonic()
    queues = [keys[i::workers] for i in range(workers)]
    running: list[tuple[subprocess.Popen, list[str]]] = []
    for queue in queues:
        running.append((_next(env, queue, log), queue))
    while running:
        time.sleep(0.5)
        for proc, queue in list(running):
            if proc.poll() is None:
                continue
            assert proc.returncode == 0, f"a partition run failed: see {log}"
            running.remove((proc, queue))
            if queue:
                running.append((_next(env, queue, log), queue))
    return time.monotonic() - start


def _next(env: dict, queue: list[str], log: Path) -> subprocess.Popen:
    key = queue.pop(0)
    return dagster(env, "asset", "materialize", *LOCATION, "--select", "article_parts", "--partition", key, log=log)


def assemble_and_publish(env: dict, log: Path) -> float:
    start = time.monotonic()
    proc = dagster(env, "job", "execute", *LOCATION, "-j", "assemble_and_publish", log=log)
    assert proc.wait() == 0, f"the assembly failed: see {log}"
    return time.monotonic() - start

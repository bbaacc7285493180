"""`defcoop materialize`: run the whole graph for the configured settings and say where the data is."""

import argparse
import errno
import functools
import json
import os
import re
import shlex
import signal
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

from .paths_checked import input_folder_problem, warehouse_problem
from .quick_exit import GO_FD_VAR, WARM_VAR
from .settings import DUCKDB_PATH_VAR, FORCE_VAR, INPUT_DIR_VAR, project_root, setting
from .unfinished_runs import none_dead

SUMMARY_TABLES = ["source_files", "articles", "persons", "meetings", "agreements", "dyad_year", "quarantine"]
# How often a waiting run looks for dead runs holding the warehouse (one killed while this one waited)
CHECK_EVERY = 10.0


def materialize(select: str, force: bool = False) -> int:
    since = datetime.now(UTC)  # a run created after this may be this command's own
    env = dict(os.environ, **({FORCE_VAR: "1"} if force else {}))
    # a persistent instance, so runs show in `dagster dev` afterwards
    home = Path(env.setdefault("DAGSTER_HOME", str(project_root() / ".dagster_home")))
    home.mkdir(parents=True, exist_ok=True)
    dagster = ["dagster", "asset", "materialize", "-m", "defcoop_dagster", "--select", select]
    # Dagster's command line, ended without Python's slow teardown (quick_exit.py)
    cmd = [sys.executable, "-m", "defcoop_dagster.quick_exit", *dagster]
    go, told = os.pipe()
    env[GO_FD_VAR] = str(go)
    if select == "*" and paths_usable():
        env[WARM_VAR] = "1"  # every step runs: the child starts the extraction's and dbt's helpers first
    # started first: it loads Dagster (~2 s) while this process looks whether anything changed (~0.3 s);
    # it opens no instance before `told` is closed, so killing it meanwhile leaves no trace
    child = subprocess.Popen(cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, pass_fds=[go])
    os.close(go)
    try:
        same = unchanged_run() if select == "*" and not force else None
    except BaseException:  # else the child, seeing `told` closed as this process ends, would start the run
        drop(child, told)
        raise
    if same:
        drop(child, told)
        # every step, publishing included, would be skipped: a run would only record that (~4 s)
        print(
            f"defcoop: nothing changed since run {same}: the published warehouse holds it, so no run is "
            "started; --force redoes every step",
            flush=True,
        )
        summarize(setting(DUCKDB_PATH_VAR))
        return 0
    print(f"input folder: {setting(INPUT_DIR_VAR)}\nDAGSTER_HOME: {home}\nrunning: {' '.join(dagster)}", flush=True)
    # while the child loads Dagster, and before it opens the instance (it waits for `told` to close):
    # opening a new run's event log while its process creates it can stamp its schema twice
    try:
        release = dead_run_releaser(home, since)
        release()  # a run killed earlier must not keep the warehouse from this one
    finally:
        os.close(told)
    # `kill <defcoop>` stops the run too (if it is left unfinished, the next run marks it failed)
    signal.signal(signal.SIGTERM, lambda *_: child.terminate())
    while True:
        try:
            out, err = child.communicate(timeout=CHECK_EVERY)
            break
        except subprocess.TimeoutExpired:
            release()
    if child.returncode != 0:
        if child.returncode < 0:
            release()  # this run's own process was killed: it holds the warehouse no longer
        log = home / "defcoop-last-failure.log"
        log.write_text(out + err, encoding="utf-8")
        why = killed_reason(-child.returncode) if child.returncode < 0 else failure_reason(out + err)
        print(
            f"the run failed: {why}\nthe published warehouse was left as it was; Dagster's full output: {log}",
            file=sys.stderr,
        )
        return child.returncode
    summarize(setting(DUCKDB_PATH_VAR))
    return 0


def paths_usable() -> bool:
    """Nothing found wrong with the input folder and the warehouse path (a few ``stat`` calls): a run
    that fails on them, in its first step, loads neither natasha's models nor dbt (~5 CPU-seconds)."""
    try:
        root, published = (Path(setting(var)).expanduser() for var in (INPUT_DIR_VAR, DUCKDB_PATH_VAR))
        return not input_folder_problem(root) and not warehouse_problem(published)
    except OSError:
        return False


def drop(child: subprocess.Popen, told: int) -> None:
    """End the child before it opened the instance (its helpers end with it: they watch their parent)."""
    child.kill()
    child.communicate()
    os.close(told)


def unchanged_run() -> str | None:
    """The run whose state the published warehouse holds when nothing a run reads changed since."""
    from .analytics.dbt_project import models_dir, sources_digest
    from .core.ingest.documents import MAX_BYTES, MAX_CHARS
    from .core.ingest.entries import walk
    from .warehouse.runstate import folder_digest, unchanged_since

    root = Path(setting(INPUT_DIR_VAR)).expanduser()
    try:
        listed = folder_digest(root, walk(root)) if root.is_dir() else None
        models = sources_digest(models_dir())
    except OSError:  # the run says what is wrong with the folder
        return None
    published = Path(setting(DUCKDB_PATH_VAR)).expanduser()
    return unchanged_since(published, listed, MAX_BYTES, MAX_CHARS, models) if listed else None


def dead_run_releaser(home: Path, since: datetime):
    """A function that marks this instance's dead runs failed and frees their slots, saying so. It loads
    Dagster only once the instance's files show a run to look at other than this process's own (created
    at or after ``since``): most runs find none, and start without that load on the other core."""

    def say(line: str) -> None:
        print(f"defcoop: {line}", flush=True)

    @functools.cache
    def instance():
        return open_instance(home, say)

    def release() -> None:
        if none_dead(home, since) or instance() is None:
            return
        from .runs import release_dead_runs

        try:
            release_dead_runs(instance(), log=say)
        except Exception as e:  # the storage busy or gone: the run goes on, the next check may do it
            say(f"could not look for dead runs: {type(e).__name__}: {e}")

    return release


def open_instance(home: Path, say):
    from dagster import DagsterInstance

    try:
        return DagsterInstance.from_config(str(home))
    except Exception as e:  # a broken dagster.yaml: the run itself will say so
        say(f"cannot open the Dagster instance in {home} to look for dead runs: {e}")
        return None


def killed_reason(signum: int) -> str:
    try:
        name = signal.Signals(signum).name
    except ValueError:
        name = f"signal {signum}"
    hint = " (the system may have run out of memory)" if signum == signal.SIGKILL else ""
    return f"the run's process was killed by {name}{hint}; the next run starts afresh"


# The last line of a Python traceback: "package.module.SomeError: what went wrong"
_ERROR_LINE = re.compile(r"^(?:[A-Za-z_][\w.]*\.)?(\w*(?:Error|Exception|Failure)): (.+)$", re.M)
# Lines that only say that something failed: Dagster's wrappers and its command's last word
_NOT_A_CAUSE = re.compile(r"^(?:Materialization failed\.|Error occurred while executing|Execution of run)")
# Errors of the machine rather than of the data, told by their system message wherever they appear
OS_ERRORS = [os.strerror(code) for code in (errno.ENOSPC, errno.EDQUOT, errno.EFBIG, errno.EROFS, errno.EIO)]


def failure_reason(output: str) -> str:
    """The one line of Dagster's output that says why: a step's Failure, else a line naming a system
    error (a full disk), else the last error raised that is not a wrapper of another."""
    errors = _ERROR_LINE.findall(output)
    failures = [message for kind, message in errors if kind == "Failure"]
    if failures:
        return failures[0]
    for line in output.splitlines():
        for cause in OS_ERRORS:
            if cause in line:
                return f"{cause}: {line.strip()}"
    errors = [(kind, message) for kind, message in errors if not _NOT_A_CAUSE.match(message)] or errors
    if errors:
        kind, message = errors[-1]
        return f"{kind}: {message}"
    return "see Dagster's output"


def summarize(db_path: str) -> None:
    import duckdb

    con = duckdb.connect(db_path, read_only=True)
    try:
        tables = {r[0] for r in con.execute("SELECT table_name FROM information_schema.tables").fetchall()}
        print(f"\nwarehouse: {Path(db_path).resolve()}")
        for table in SUMMARY_TABLES:
            if table in tables:
                n = con.execute(f'SELECT count(*) FROM "{table}"').fetchone()[0]
                print(f"  {table:<14} {n:>7} rows")
    finally:
        con.close()
    print("\nquery it (read-only, so it never blocks the pipeline; these lines work in a new shell):")
    for line in hints(db_path):
        print(f"  {line}")


DUCKDB_CLI = "duckdb-cli==1.5.6"  # as pinned in requirements.lock; it reads the v1.0.0 storage we publish


def hints(db_path: str) -> list[str]:
    """Commands to read the warehouse, with absolute paths: a new shell has neither the venv nor the settings."""
    # the venv's own bin folder (sys.executable is its python: not resolved, the symlink is what makes it the venv)
    venv_bin = Path(os.path.abspath(sys.executable)).parent
    db = Path(db_path).expanduser().resolve()
    q = shlex.quote
    duckdb_cli = venv_bin / "duckdb"
    lines = [
        f'{q(str(duckdb_cli))} -readonly {q(str(db))} "SELECT title, published FROM articles"'
        if duckdb_cli.exists()
        else f"{q(str(venv_bin / 'pip'))} install {DUCKDB_CLI}   # the DuckDB CLI, then: .venv/bin/duckdb -readonly …"
    ]
    # double quotes inside, so the shell's single quotes around it stay readable
    code = f'import duckdb; print(duckdb.connect({json.dumps(str(db))}, read_only=True).sql("SELECT * FROM articles"))'
    lines.append(f"{q(str(venv_bin / 'python'))} -c {q(code)}")
    export_dir = db.parent / "export"
    lines.append(
        f"{q(str(venv_bin / 'defcoop'))} export --warehouse {q(str(db))} --format parquet {q(str(export_dir))}"
    )
    return lines


def export_command(args) -> int:
    from .warehouse.export import export

    try:
        rows = export(args.warehouse, args.dir, args.format)
    except (OSError, ValueError) as e:
        print(f"export failed: {e}", file=sys.stderr)
        return 1
    for table, n in rows.items():
        print(f"  {Path(args.dir) / f'{table}.{args.format}'}  {n:>7} rows")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="defcoop", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)
    run = sub.add_parser("materialize", help="materialise every asset (or --select) and print a summary")
    run.add_argument("--select", default="*", help="Dagster asset selection (default: everything)")
    run.add_argument("--force", action="store_true", help="redo every step, even those whose inputs did not change")
    sub.add_parser("where", help="print the settings in force")
    out = sub.add_parser("export", help="write every table of the published warehouse as Parquet or CSV files")
    out.add_argument("dir", help="folder to write <table>.parquet or <table>.csv into")
    out.add_argument("--format", choices=["parquet", "csv"], default="parquet")
    out.add_argument("--warehouse", default=setting(DUCKDB_PATH_VAR), help=f"DuckDB file (default: {DUCKDB_PATH_VAR})")
    args = parser.parse_args(argv)
    if args.command == "export":
        return export_command(args)
    if args.command == "where":
        print(f"{INPUT_DIR_VAR}={setting(INPUT_DIR_VAR)}\n{DUCKDB_PATH_VAR}={setting(DUCKDB_PATH_VAR)}")
        return 0
    return materialize(args.select, args.force)


def entry() -> None:
    """The ``defcoop`` command: ``main``, then the process ends without Python's teardown."""
    from .quick_exit import exit_code, leave

    try:
        code = main()
    except SystemExit as stop:
        code = exit_code(stop)
    leave(code if isinstance(code, int) else 1)


if __name__ == "__main__":
    entry()

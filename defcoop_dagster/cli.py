"""`defcoop materialize`: run the whole graph for the configured settings and say where the data is."""

import argparse
import json
import os
import re
import shlex
import subprocess
import sys
from pathlib import Path

from .settings import DUCKDB_PATH_VAR, INPUT_DIR_VAR, project_root, setting

SUMMARY_TABLES = ["source_files", "articles", "persons", "meetings", "agreements", "dyad_year", "quarantine"]


def materialize(select: str) -> int:
    env = dict(os.environ)
    # a persistent instance, so runs show in `dagster dev` afterwards
    home = Path(env.setdefault("DAGSTER_HOME", str(project_root() / ".dagster_home")))
    home.mkdir(parents=True, exist_ok=True)
    cmd = [sys.executable, "-m", "dagster", "asset", "materialize", "-m", "defcoop_dagster", "--select", select]
    print(f"input folder: {setting(INPUT_DIR_VAR)}\nDAGSTER_HOME: {home}\nrunning: {' '.join(cmd[1:])}", flush=True)
    run = subprocess.run(cmd, env=env, capture_output=True, text=True)
    if run.returncode != 0:
        log = home / "defcoop-last-failure.log"
        log.write_text(run.stdout + run.stderr, encoding="utf-8")
        print(
            f"the run failed: {failure_reason(run.stdout + run.stderr)}\n"
            f"the published warehouse was left as it was; Dagster's full output: {log}",
            file=sys.stderr,
        )
        return run.returncode
    summarize(setting(DUCKDB_PATH_VAR))
    return 0


# The last line of a Python traceback: "package.module.SomeError: what went wrong"
_ERROR_LINE = re.compile(r"^(?:[A-Za-z_][\w.]*\.)?(\w*(?:Error|Exception|Failure)): (.+)$", re.M)


def failure_reason(output: str) -> str:
    """The one line of Dagster's output that says why: a step's Failure, else the last error raised."""
    errors = _ERROR_LINE.findall(output)
    failures = [message for kind, message in errors if kind == "Failure"]
    if failures:
        return failures[0]
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
    return materialize(args.select)


if __name__ == "__main__":
    sys.exit(main())

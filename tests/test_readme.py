"""The README's commands for reading the warehouse and running dbt, run as written from a checkout's root."""

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from defcoop_dagster.warehouse.publish import publish

from .conftest import ROOT, query

VENV = Path(sys.executable).parent.parent
RUNNABLE = (".venv/bin/duckdb ", ".venv/bin/python -c ", ".venv/bin/defcoop export ", "../.venv/bin/dbt ")


def readme_commands() -> list[tuple[str, str]]:
    """(folder, command) for every line of the README's bash blocks that reads the warehouse or runs dbt."""
    out = []
    for block in re.findall(r"```bash\n(.*?)```", (ROOT / "README.md").read_text(encoding="utf-8"), re.S):
        folder = "."
        for line in block.splitlines():
            if line.startswith("cd "):
                folder = line.split()[1]
            elif line.startswith(RUNNABLE):
                out.append((folder, line))
    return out


@pytest.mark.e2e
def test_the_readme_commands_run_as_written(analytics_run, tmp_path):
    commands = readme_commands()
    assert len(commands) >= 8, commands
    _, db = analytics_run
    clone = tmp_path / "defcoop"  # what a clone holds after `defcoop materialize`
    (clone / "data").mkdir(parents=True)
    shutil.copy(db, clone / "data" / ".defcoop.work.duckdb")
    publish(db, clone / "data" / "defcoop.duckdb")  # as published_warehouse does: storage v1.0.0
    (clone / ".venv").symlink_to(VENV)
    shutil.copytree(ROOT / "sql", clone / "sql")
    shutil.copytree(
        ROOT / "dbt_like_models", clone / "dbt_like_models", ignore=shutil.ignore_patterns("target", "logs")
    )
    env = {
        "PATH": "/usr/bin:/bin",
        "HOME": str(tmp_path),
        "LANG": "C.UTF-8",
        # the default of a clone (its own data/); set here only because this checkout is not the clone
        "DEFCOOP_DUCKDB_PATH": str(clone / "data" / "defcoop.duckdb"),
        **{k: v for k, v in os.environ.items() if k == "PYTHONPATH"},  # a venv shared by work trees
    }
    said = {}
    for folder, command in commands:
        run = subprocess.run(
            ["bash", "-c", command], cwd=clone / folder, env=env, capture_output=True, text=True, timeout=600
        )
        assert run.returncode == 0, (command, run.stdout[-2000:], run.stderr[-2000:])
        said[command.split("#")[0].strip()] = run.stdout
    assert (clone / "data" / "export" / "meetings.parquet").is_file()
    assert (clone / "data" / "export-csv" / "meetings.csv").is_file()

    # dbt from the folder, what an analyst types there, against the pipeline's work file (profiles.yml)
    built, tested = said["../.venv/bin/dbt build"], said["../.venv/bin/dbt test --select stg_meetings"]
    assert "Completed successfully" in built and "ERROR=0" in built
    assert "PASS=" in tested and "ERROR=0" in tested
    target = clone / "dbt_like_models" / "target"
    assert "model.defcoop.dyad_year" in json.loads((target / "catalog.json").read_text())["nodes"]
    assert (target / "static_index.html").stat().st_size > 100_000  # one file, opens offline
    assert query(clone / "data" / ".defcoop.work.duckdb", "SELECT count(*) FROM dyad_year")[0][0] > 0

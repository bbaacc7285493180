"""Shared fixtures: the project's seeds, a temp warehouse, and a real Dagster materialisation."""

import shutil
from functools import cache
from pathlib import Path

import dagster as dg
import duckdb
import pytest

from defcoop_dagster import code_location
from defcoop_dagster.defs.resources import InputFolder, Warehouse
from defcoop_dagster.warehouse.publish import work_path

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
SHARED = ROOT.parent / "shared"


def run_pipeline(
    input_dir: Path, db_path: Path, selection=None, private_work_file: bool = False
) -> dg.ExecuteInProcessResult:
    """Materialise the graph for real (in process) on ``input_dir`` into ``db_path``.

    ``private_work_file``: as deployed, write a private file and publish ``db_path`` at the end.
    """
    defs = definitions()
    return dg.materialize(
        [*defs.assets, *defs.asset_checks],
        resources={
            "input_folder": InputFolder(path=str(input_dir)),
            "warehouse": Warehouse(database=str(db_path), private_work_file=private_work_file),
        },
        selection=selection,
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
def seeds_run(tmp_path_factory) -> tuple[dg.ExecuteInProcessResult, Path]:
    """The whole graph materialised once per session on seeds/, as deployed (a private work file
    published at the end): the run's result and the published warehouse. Tests only read them."""
    db = tmp_path_factory.mktemp("seeds") / "warehouse.duckdb"
    result = run_pipeline(SEEDS, db, private_work_file=True)
    assert result.success, [e.message for e in result.all_events if e.is_failure]
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

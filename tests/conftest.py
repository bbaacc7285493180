"""Shared fixtures: the project's seeds, a temp warehouse, and a real Dagster materialisation."""

import shutil
from functools import cache
from pathlib import Path

import dagster as dg
import duckdb
import pytest

from defcoop_dagster import code_location
from defcoop_dagster.defs.resources import InputFolder, Warehouse

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
def seeds_warehouse(tmp_path_factory) -> Path:
    """The warehouse built from seeds/ once per session (tests only read it)."""
    db = tmp_path_factory.mktemp("seeds") / "warehouse.duckdb"
    result = run_pipeline(SEEDS, db)
    assert result.success, [e.message for e in result.all_events if e.is_failure]
    return db


ANALYTICS_GROUPS = ("staging", "marts", "pictures")


@pytest.fixture(scope="session")
def analytics_run(seeds_warehouse, tmp_path_factory) -> tuple[dg.ExecuteInProcessResult, Path]:
    """The models, pictures and their checks materialised again on a copy of the seeds warehouse."""
    db = tmp_path_factory.mktemp("analytics") / "warehouse.duckdb"
    shutil.copy(seeds_warehouse, db)
    result = run_pipeline(SEEDS, db, selection=dg.AssetSelection.groups(*ANALYTICS_GROUPS))
    assert result.success, [e.message for e in result.all_events if e.is_failure]
    return result, db

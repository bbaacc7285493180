"""Resources: the input folder and the DuckDB warehouse, pointed at by CONTRACT.md's settings."""

import os
from contextlib import contextmanager
from pathlib import Path

import dagster as dg
from dagster_duckdb import DuckDBResource
from pydantic import Field

from ..core.documents import MAX_BYTES
from ..settings import DUCKDB_PATH_VAR, INPUT_DIR_VAR, setting
from ..warehouse.publish import work_path

# The concurrency pool of every asset that writes the warehouse (limit 1 in .dagster_home/dagster.yaml)
WAREHOUSE_POOL = "warehouse"


class InputFolder(dg.ConfigurableResource):
    """The folder of raw article files, read recursively."""

    path: str = Field(description=f"Folder of raw article files (env {INPUT_DIR_VAR}).")
    max_file_bytes: int = Field(default=MAX_BYTES, description="Files larger than this are rejected.")

    def root(self) -> Path:
        root = Path(self.path).expanduser()
        if not root.is_dir():
            raise dg.Failure(
                description=f"Input folder {root} does not exist or is not a folder; "
                f"set {INPUT_DIR_VAR} to a folder of article files."
            )
        return root


class Warehouse(DuckDBResource):
    """The DuckDB file analysts query; its folder is created on first use.

    With ``private_work_file`` the assets write a private file beside it, and the
    ``published_warehouse`` asset renames a fresh copy over ``database`` when the graph succeeds.
    """

    private_work_file: bool = Field(
        default=False,
        description="Write a private work file and publish it atomically at the end of the graph, so "
        "readers of the published file never block the pipeline nor see half a run.",
    )

    def path_written(self) -> Path:
        return work_path(self.database) if self.private_work_file else Path(self.database).expanduser()

    @contextmanager
    def get_connection(self):
        if self.database == ":memory:":
            with super().get_connection() as con:
                yield con
            return
        path = self.path_written()
        path.parent.mkdir(parents=True, exist_ok=True)
        with self.model_copy(update={"database": str(path), "private_work_file": False})._connect() as con:
            yield con

    @contextmanager
    def _connect(self):
        with DuckDBResource.get_connection(self) as con:
            yield con


def _env_or_default(var: str):
    """EnvVar when the variable is set (shown as such in the UI, read at launch), else the default."""
    return dg.EnvVar(var) if var in os.environ else setting(var)


def build_resources() -> dict:
    return {
        "input_folder": InputFolder(path=_env_or_default(INPUT_DIR_VAR)),
        "warehouse": Warehouse(database=_env_or_default(DUCKDB_PATH_VAR), private_work_file=True),
    }

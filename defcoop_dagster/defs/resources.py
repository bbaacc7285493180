"""Resources: the input folder and the DuckDB warehouse, pointed at by CONTRACT.md's settings."""

import os
from contextlib import contextmanager
from pathlib import Path

import dagster as dg
from dagster_duckdb import DuckDBResource
from pydantic import Field

from ..core.documents import MAX_BYTES
from ..settings import DUCKDB_PATH_VAR, INPUT_DIR_VAR, setting

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
    """The DuckDB file analysts query; its folder is created on first use."""

    @contextmanager
    def get_connection(self):
        if self.database != ":memory:":
            Path(self.database).expanduser().parent.mkdir(parents=True, exist_ok=True)
        with super().get_connection() as con:
            yield con


def _env_or_default(var: str):
    """EnvVar when the variable is set (shown as such in the UI, read at launch), else the default."""
    return dg.EnvVar(var) if var in os.environ else setting(var)


def build_resources() -> dict:
    return {
        "input_folder": InputFolder(path=_env_or_default(INPUT_DIR_VAR)),
        "warehouse": Warehouse(database=_env_or_default(DUCKDB_PATH_VAR)),
    }

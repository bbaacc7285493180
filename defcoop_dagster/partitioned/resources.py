"""The partitioned deployment's resources: the default location's two, and the parts folder."""

import os
from pathlib import Path

import dagster as dg
from pydantic import Field

from ..defs.resources import build_resources
from ..settings import DUCKDB_PATH_VAR, setting

PARTS_DIR_VAR = "DEFCOOP_PARTS_DIR"
BATCH_FILES_VAR = "DEFCOOP_BATCH_FILES"


class PartsFolder(dg.ConfigurableResource):
    """Where partitions write their Parquet parts and batch manifests: a folder every worker can write
    (a shared volume, NFS, or a bucket mounted as a folder)."""

    path: str = Field(description=f"Folder of the Parquet parts (env {PARTS_DIR_VAR}).")
    max_files: int = Field(default=500, description=f"Files at most in a batch (env {BATCH_FILES_VAR}).")

    def root(self) -> Path:
        root = Path(self.path).expanduser()
        root.mkdir(parents=True, exist_ok=True)
        return root


def default_parts_dir() -> str:
    """Beside the warehouse: ``parts/`` in the folder of DEFCOOP_DUCKDB_PATH."""
    return os.environ.get(PARTS_DIR_VAR) or str(Path(setting(DUCKDB_PATH_VAR)).expanduser().parent / "parts")


def partitioned_resources() -> dict:
    parts = dg.EnvVar(PARTS_DIR_VAR) if PARTS_DIR_VAR in os.environ else default_parts_dir()
    return {
        **build_resources(),
        "parts": PartsFolder(path=parts, max_files=int(os.environ.get(BATCH_FILES_VAR, "500"))),
    }

"""What is wrong with the input folder or the warehouse path, in the one line a run fails with.

Plain Python, importing neither Dagster nor DuckDB: the resources raise these lines as the run's
failure, and ``defcoop materialize`` asks them before its run starts, so that a run bound to fail
on its paths does not load natasha's models and dbt for nothing (``quick_exit.ready_for_the_run``).
"""

import os
from pathlib import Path

from .settings import DUCKDB_PATH_VAR, INPUT_DIR_VAR

FIX_WAREHOUSE = f"set {DUCKDB_PATH_VAR} to a .duckdb file in a writable folder."


def is_duckdb_file(path: str | Path) -> bool:
    """DuckDB's magic bytes ("DUCK" after the 8-byte checksum): never rename over anything else."""
    with open(path, "rb") as f:
        return f.read(12)[8:12] == b"DUCK"


def input_folder_problem(root: Path) -> str | None:
    """Why ``root`` cannot be read as the input folder (missing, not a folder, not listable), or None."""
    if not root.is_dir():
        return (
            f"Input folder {root} does not exist or is not a folder; set {INPUT_DIR_VAR} to a folder of article files."
        )
    try:
        os.scandir(root).close()
    except OSError as e:
        return unreadable_folder(str(root), e)
    return None


def unreadable_folder(folder: str, error: OSError) -> str:
    """The line for an input folder (or a folder in it, named when it is another) that cannot be listed."""
    where = f" ({error.filename})" if error.filename and str(error.filename) != folder else ""
    return (
        f"Input folder {folder} cannot be read: {error.strerror or error}{where}; give the user running "
        f"Dagster read access, or set {INPUT_DIR_VAR} to a readable folder."
    )


def warehouse_problem(published: Path) -> str | None:
    """Why ``published`` cannot be the warehouse (a folder, or a file that is not DuckDB's), or None;
    OSError when it cannot be read. Whether its folder can be created and written the run finds out."""
    if published.is_dir():
        return f"Warehouse path {published} is a folder, not a file; {FIX_WAREHOUSE}"
    if published.is_file() and published.stat().st_size and not is_duckdb_file(published):
        return (
            f"Warehouse path {published} holds a file that is not a DuckDB database; it is left alone: {FIX_WAREHOUSE}"
        )
    return None

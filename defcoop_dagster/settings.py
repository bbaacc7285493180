"""Where the pipeline reads and writes: CONTRACT.md's two settings and their defaults."""

import os
from pathlib import Path

INPUT_DIR_VAR = "DEFCOOP_INPUT_DIR"
DUCKDB_PATH_VAR = "DEFCOOP_DUCKDB_PATH"
FORCE_VAR = "DEFCOOP_FORCE"  # set: every step does its work, even when nothing it reads changed


def project_root() -> Path:
    """The checkout holding pyproject.toml (editable install), else the working directory."""
    here = Path(__file__).resolve().parents[1]
    return here if (here / "pyproject.toml").exists() else Path.cwd()


DEFAULTS = {
    INPUT_DIR_VAR: str(project_root() / "seeds"),
    DUCKDB_PATH_VAR: str(project_root() / "data" / "defcoop.duckdb"),
}


def setting(var: str) -> str:
    """The environment's value, else the contract's default."""
    return os.environ.get(var) or DEFAULTS[var]

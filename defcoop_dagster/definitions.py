"""The code location: every definition in ``defs/``, one folder per stage, loaded as ``dg`` projects are."""

from functools import cache
from pathlib import Path

import dagster as dg

from . import sqlite_hold  # noqa: F401  Dagster's local history: one engine per file, no sync per event
from .quick_exit import settle


@dg.definitions
def defs() -> dg.Definitions:
    return _loaded()


@cache
def _loaded() -> dg.Definitions:
    # Dagster asks for the definitions several times while it starts a run (six for
    # `dagster asset materialize`); the folder is walked once per process
    loaded = dg.load_from_defs_folder(path_within_project=Path(__file__).parent)
    settle()  # Dagster and the code location, loaded for the process's life, left out of its collections
    return loaded

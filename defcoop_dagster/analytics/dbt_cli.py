"""How the pipeline calls dbt: a target folder per invocation, one parse for every warehouse, and no
work dagster-dbt does for nothing.

Each ``dbt build`` writes its artifacts (run_results.json, compiled SQL, dbt.log) in a folder of its
own under ``target/``, so two runs at once (two warehouses, or two checkouts' runs of one project)
never read each other's results. dbt's partial-parse file is handed on through ``target/``:
dagster-dbt copies it into the new folder before dbt starts, and a successful build renames its
own back, so the next build parses only what changed. The folder of a successful build is removed
once its results are read; a failed one's stays (the failure names it) for a week. dbt parses the
whole project again when its profile or ``--vars`` differ from the last parse's, so no build names its
warehouse there: ``work_linked`` puts a link to the work file in the build's folder, where dbt starts.

dagster-dbt asks the ``dbt`` executable its version (a process that imports dbt) and opens a dbt
adapter in the step's process (dbt imported again) before every invocation; the adapter serves
only its row-count and column-metadata helpers, which the pipeline does not use (it reads the
built tables itself). The version is the installed dbt-core's, and no adapter is opened. dbt itself runs through
``quick_exit.py`` (a small script in ``target/`` starts that file with this interpreter, without
importing the package): once its work is written it ends without Python's teardown, about a second sooner.
"""

import contextlib
import json
import os
import shlex
import shutil
import sys
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from functools import cached_property
from importlib import metadata
from pathlib import Path

import duckdb
from packaging import version

from .. import quick_exit
from .dbt_light import DbtCliResource
from .dbt_project import BUILT_CATALOG, PARTIAL_PARSE

RUN_PREFIX = "run-"
KEEP_FAILED_SECONDS = 7 * 24 * 3600


class DbtCli(DbtCliResource):
    """dagster-dbt's resource without the version probe and the adapter it opens per invocation."""

    @cached_property
    def _cli_version(self) -> version.Version:
        return version.parse(metadata.version("dbt-core"))

    def _initialize_dbt_core_adapter(self, args):
        return None  # DbtCliInvocation takes no adapter: the pipeline does not fetch row counts through dbt


def quick_dbt(project_dir: Path) -> str:
    """An executable that runs dbt with this interpreter through ``quick_exit`` (written in target/
    when missing or different: its path is what dagster-dbt calls)."""
    script = project_dir / "target" / ".dbt-quick-exit"
    # the file run as a script (-P: its folder is not put on sys.path), not ``-m``: importing the
    # package first would import Dagster too, ~0.6 s of every build that dbt never uses
    runner = shlex.quote(str(Path(quick_exit.__file__).resolve()))
    text = f'#!/bin/sh\nexec {shlex.quote(sys.executable)} -P {runner} dbt "$@"\n'
    if not script.is_file() or script.read_text() != text:
        script.parent.mkdir(parents=True, exist_ok=True)
        staged = script.with_name(f"{script.name}.{uuid.uuid4().hex[:8]}")
        staged.write_text(text)
        staged.chmod(0o755)
        os.replace(staged, script)  # a run starting dbt meanwhile sees the old script or the new one
    return str(script)


def invocation_folder(project_dir: Path, run_id: str) -> Path:
    """A new folder under target/ for one dbt invocation; failed ones older than a week are removed."""
    target = project_dir / "target"
    target.mkdir(parents=True, exist_ok=True)
    now = time.time()
    for old in target.glob(f"{RUN_PREFIX}*"):
        try:
            if now - old.stat().st_mtime > KEEP_FAILED_SECONDS:
                shutil.rmtree(old, ignore_errors=True)
        except OSError:
            pass  # removed meanwhile by another run
    return target / f"{RUN_PREFIX}{run_id[:8]}-{uuid.uuid4().hex[:8]}"


def hand_on(folder: Path, project_dir: Path) -> None:
    """After a successful build: its partial-parse file becomes the next build's start; its folder goes."""
    parsed = folder / PARTIAL_PARSE
    if parsed.is_file():
        staged = project_dir / "target" / f".{PARTIAL_PARSE}.{uuid.uuid4().hex[:8]}"
        try:
            os.replace(parsed, staged)  # same file system: then renamed into place in one step
            os.replace(staged, project_dir / "target" / PARTIAL_PARSE)
        except OSError:
            staged.unlink(missing_ok=True)
    shutil.rmtree(folder, ignore_errors=True)


@contextmanager
def work_linked(folder: Path, work: Path) -> Iterator[None]:
    """dbt started meanwhile (``--target linked``) attaches ``work`` as ``work.duckdb`` in ``folder``,
    its build's folder. dbt parses the whole project again, ~4 s, when the profile or ``--vars`` differ
    from its last parse: through the link every warehouse is the same to it, and one parse serves all."""
    folder.mkdir(parents=True, exist_ok=True)
    link = folder / quick_exit.DBT_WORK
    link.symlink_to(work)
    os.environ[quick_exit.DBT_WORK_VAR] = quick_exit.DBT_WORK  # dagster-dbt hands dbt this process's environment
    try:
        yield
    finally:
        os.environ.pop(quick_exit.DBT_WORK_VAR, None)
        # a failed build's folder stays, without a way into the work file (one whose process was killed
        # keeps its link until the folder is swept, a week later)
        link.unlink(missing_ok=True)


@contextmanager
def as_built(work: Path) -> Iterator[duckdb.DuckDBPyConnection]:
    """``work`` read-only under the name dbt built it with: its relations and its tests' compiled SQL
    name that catalog (``work``), whatever the file is called."""
    con = duckdb.connect()
    try:
        con.execute(f"ATTACH ? AS {BUILT_CATALOG} (READ_ONLY)", [str(work)])
        con.execute(f"USE {BUILT_CATALOG}")
        yield con
    finally:
        con.close()


def full_parse_reason(folder: Path) -> str | None:
    """Why the build in ``folder`` parsed the whole project again (dbt's own words), or None when
    its parse was partial: read from the build's log, before the folder goes."""
    try:
        lines = (folder / "dbt.log").read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError:
        return None
    for line in lines:
        if '"UnableToPartialParse"' in line:
            with contextlib.suppress(ValueError, KeyError, TypeError):
                return json.loads(line)["data"]["reason"]
            return "unknown"
    return None

"""Resources: the input folder and the DuckDB warehouse, pointed at by CONTRACT.md's settings; the
helpers started with a run (``warm_start.py``); the executor."""

import os
from contextlib import ExitStack, contextmanager
from pathlib import Path

import dagster as dg
import duckdb
from dagster_duckdb import DuckDBResource
from pydantic import Field

from ..core.ingest.documents import MAX_BYTES, MAX_CHARS
from ..faults import fault_line, machine_fault
from ..paths_checked import FIX_WAREHOUSE, input_folder_problem, unreadable_folder, warehouse_problem
from ..settings import DUCKDB_PATH_VAR, INPUT_DIR_VAR, setting
from ..warehouse.publish import new_database, work_path
from .warm_start import ExtractionWorkers, WarmDbt


class InputFolder(dg.ConfigurableResource):
    """The folder of raw article files, read recursively."""

    path: str = Field(description=f"Folder of raw article files (env {INPUT_DIR_VAR}).")
    max_file_bytes: int = Field(default=MAX_BYTES, description="Files larger than this are rejected.")
    max_text_chars: int = Field(
        default=MAX_CHARS, description="Texts longer than this (in characters, once decoded) are rejected."
    )

    def root(self) -> Path:
        """The folder, checked: a missing or unlistable folder fails the run in one line."""
        root = Path(self.path).expanduser()
        problem = input_folder_problem(root)
        if problem:
            raise failure(problem)
        return root

    def cannot_read(self, error: OSError) -> dg.Failure:
        return failure(unreadable_folder(str(Path(self.path).expanduser()), error))  # spelt as root() does


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
        path = self.checked_path()
        # a full disk while a table is written (or while the connection closes): one line saying so,
        # rather than Dagster's "Materialization failed"
        with machine_faults_told(f"the warehouse work file {path}"), ExitStack() as stack:
            try:
                if not path.exists():
                    new_database(path)  # in the published storage version: published by a plain copy
                con = stack.enter_context(
                    self.model_copy(update={"database": str(path), "private_work_file": False})._connect()
                )
            except duckdb.Error as e:
                fault = fault_failure(e, f"the DuckDB file {path}")
                raise fault or failure(f"Cannot open the DuckDB file {path}: {str(e).splitlines()[0]}") from e
            # dagster-duckdb closes only when the block ends without an error: a step that fails inside
            # it (a blocking check) would keep the file open, and a later opening of it in this process
            # with another configuration (read-only) would be refused
            stack.callback(con.close)
            yield con

    @contextmanager
    def kept_open(self):
        """The private work file kept open while a step's blocks run: DuckDB then shares that one database
        among the step's connections, so each opens in under a millisecond instead of loading the catalog
        again (~30 ms on the corpus's warehouse), and only the last to close checkpoints. Never beyond a
        step: the next step may be another run's (the ``warehouse`` pool), and dbt opens the file in a process
        of its own. Writing in place, nothing is kept: the published file would be held from readers longer."""
        if not self.private_work_file or self.database == ":memory:":
            yield
            return
        with self.get_connection():
            yield

    def checked_path(self) -> Path:
        """The file written, its folder created; a path that cannot be a warehouse fails in one line."""
        published, path = Path(self.database).expanduser(), self.path_written()
        problem = warehouse_problem(published)
        if problem:
            raise failure(problem)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as e:
            why = f"Cannot create the warehouse folder {path.parent}: {e.strerror or e}"
            raise failure(f"{why}; {FIX_WAREHOUSE}") from e
        if not os.access(path.parent, os.W_OK):
            raise failure(f"Cannot write in the warehouse folder {path.parent}: permission denied; {FIX_WAREHOUSE}")
        return path

    @contextmanager
    def _connect(self):
        with DuckDBResource.get_connection(self) as con:
            yield con


@contextmanager
def machine_faults_told(what: str):
    """A machine fault (full disk…) inside becomes a one-line failure naming ``what``; others pass.
    A step's own Failure that wraps one (a model whose COMMIT hit the full disk) is told the same way."""
    try:
        yield
    except (OSError, duckdb.Error, dg.Failure) as e:
        if isinstance(e, dg.Failure) and FAULT in (e.metadata or {}):
            raise  # told already, by an inner block
        fault = fault_failure(e, what)
        if fault is None:
            raise
        raise fault from e


FAULT = "machine_fault"  # metadata key of the failures made here


def fault_failure(error: BaseException, what: str) -> dg.Failure | None:
    """The one-line failure for a machine fault (full disk…) behind ``error``, or None when it is another error."""
    found = machine_fault(error)
    if found is None:
        return None
    code, told_by = found
    return dg.Failure(description=fault_line(code, what, told_by), allow_retries=False, metadata={FAULT: code})


def failure(reason: str) -> dg.Failure:
    """A failure the user can act on, told in one line; retrying it would only fail again."""
    return dg.Failure(description=reason, allow_retries=False)


def _env_or_default(var: str):
    """EnvVar when the variable is set (shown as such in the UI, read at launch), else the default."""
    return dg.EnvVar(var) if var in os.environ else setting(var)


def build_resources() -> dict:
    return {
        "input_folder": InputFolder(path=_env_or_default(INPUT_DIR_VAR)),
        "warehouse": Warehouse(database=_env_or_default(DUCKDB_PATH_VAR), private_work_file=True),
        **warm_start(),
    }


def warm_start() -> dict:
    """The helpers the extraction and the models' step find started (``warm_start.py``)."""
    return {"extraction_workers": ExtractionWorkers(), "warm_dbt": WarmDbt()}


@dg.definitions
def resources() -> dg.Definitions:
    # Runs go in one process: the graph is a chain of steps, and a process per step would spend more
    # time starting Python and loading models than working (the Launchpad can still pick multiprocess).
    return dg.Definitions(resources=build_resources(), executor=dg.in_process_executor)

"""Ending a command without Python's teardown, which is slow once Dagster and dbt are imported, and
loading it without Python's cycle collector walking what is loaded.

At exit Python frees every module and object one by one: with the code location loaded (some
3,000 modules, dbt's classes among them) that takes most of a second, after the work is done.
A command that has closed what it opened can end at once instead, its output flushed first.
Likewise, the collector walks every object a process holds each time its oldest generation grows
by a quarter: while the code location, dbt or natasha's models load, that is every module again,
for next to no garbage (~1 s of a run's process, ~0.7 s of its dbt command). ``hold`` and
``settle`` keep it off until they are loaded, then out of what is loaded.

``python -m defcoop_dagster.quick_exit dagster asset materialize …`` is Dagster's own command line,
run so: what ``defcoop materialize`` starts; ``… quick_exit dbt build …`` is dbt's (what the models'
step starts, through ``analytics/dbt_cli.py``); that one is handed to the run's warm dbt process
when there is one (``analytics/dbt_server.py``).
"""

import atexit
import contextlib
import gc
import importlib.util
import logging
import os
import sys
from pathlib import Path

DBT_SERVER = Path(__file__).resolve().parent / "analytics" / "dbt_server.py"
DBT_EVENTS = DBT_SERVER.with_name("dbt_events.py")
# set by `defcoop materialize` for its Dagster child: a pipe to wait on before the instance is opened
# (its end closed once the dead runs are released), and whether the run takes every step
GO_FD_VAR = "DEFCOOP_GO_FD"
WARM_VAR = "DEFCOOP_WARM_START"
# set by the models' step while its dbt runs: dbt starts in its build's folder, where DBT_WORK is a link
# to the work file (what profiles.yml's `linked` target attaches)
DBT_WORK_VAR, DBT_WORK = "DEFCOOP_DBT_WORK", "work.duckdb"


def leave(code: int) -> None:
    """Flush the output and the log handlers, then end the process with ``code`` at once."""
    logging.shutdown()
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(OSError, ValueError):  # a closed pipe: nothing more can be said there
            stream.flush()
    os._exit(code)


def hold() -> None:
    """No cycle collection while this process loads what it keeps for its life; ``settle`` ends it."""
    gc.disable()


def settle() -> None:
    """Everything this process holds now is left out of later collections (``gc.freeze``), which then
    walk only what its work makes (and so do those of the children it forks); collection is on again.
    A process that ends the usual way gives it back first: Python's last collection frees it then (a
    frozen DuckDB type would be reported leaked)."""
    gc.freeze()
    gc.enable()
    atexit.unregister(gc.unfreeze)  # once, however often a process settles
    atexit.register(gc.unfreeze)


def exit_code(stop: SystemExit) -> int:
    if stop.code is None or isinstance(stop.code, int):
        return stop.code or 0
    print(stop.code, file=sys.stderr)
    return 1


def command() -> None:
    """Dagster's or dbt's command line (``sys.argv[1]``, its arguments after it), ended by ``leave``."""
    hold()  # until dbt is loaded, or Dagster (with the code location, for `defcoop materialize`)
    if sys.argv[1] == "dbt":
        in_build_folder()
        served = warm_dbt(sys.argv[2:])
        if served is not None:
            leave(served if served >= 0 else 128 - served)  # a child ended by signal N: 128 + N, as a shell says
        from dbt.cli.main import cli as main

        quiet_dbt()
    else:
        ready_for_the_run()
        from dagster._cli import main
    settle()
    sys.argv = sys.argv[1:]
    try:
        main()
        code = 0
    except SystemExit as stop:
        code = exit_code(stop)
    leave(code)


def in_build_folder() -> None:
    """The pipeline's dbt starts in its build's folder (dagster-dbt's ``DBT_TARGET_PATH``), where the
    link to the work file is: every warehouse is then the same ``work.duckdb`` to dbt."""
    folder = os.environ.get("DBT_TARGET_PATH")
    if os.environ.get(DBT_WORK_VAR) and folder:
        os.chdir(folder)


def ready_for_the_run() -> None:
    """For `defcoop materialize`: the run's helpers started first (natasha's models and dbt load on
    the other core while Dagster and the code location load here), then Dagster and the code location
    loaded while the parent releases dead runs, then the wait for it: the instance is opened only after
    that."""
    if os.environ.pop(WARM_VAR, None):
        from .analytics import dbt_server
        from .core.extraction import start_workers

        start_workers()
        dbt_server.start()
    fd = os.environ.pop(GO_FD_VAR, None)
    if fd is None:
        return
    import dagster  # noqa: F401  (~1.5 s: meanwhile the parent opens the instance)

    # the code location too (~3 s): it opens no instance, and the parent's look for dead runs, when the
    # instance has a run to look at, imports Dagster and opens the instance, which takes as long
    with contextlib.suppress(Exception):  # a broken definition: Dagster's own load says what it is
        from .definitions import _loaded

        _loaded()
    with contextlib.suppress(OSError, ValueError):
        while os.read(int(fd), 64):  # until the parent closes its end (or ends)
            pass
        os.close(int(fd))


def warm_dbt(args: list[str]) -> int | None:
    """``dbt args`` run by the run's warm dbt process, when it has one: its exit code, else None."""
    server = load(DBT_SERVER)
    path = os.environ.get(server.SOCKET_VAR)
    return server.hand_over(path, args) if path else None


def quiet_dbt() -> None:
    """dbt's debug events that no log of the command writes are dropped unbuilt (``dbt_events.py``):
    in dbt run here, and in the warm dbt process, which calls this before it forks any command."""
    load(DBT_EVENTS).skip_unlogged()


def load(path: Path):
    """The module in the file at ``path``: run by path, this file imports nothing of the package."""
    spec = importlib.util.spec_from_file_location(path.stem, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


if __name__ == "__main__":
    command()

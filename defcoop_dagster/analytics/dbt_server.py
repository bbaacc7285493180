"""dbt started before the models' step needs it, so the step does not wait for Python and dbt to load.

A run starts this file as a script at its beginning (``defs/warm_start.py``, ``WarmDbt``): it listens
on a Unix socket, imports dbt's command line and the DuckDB adapter (about 1.5 s, on the other core
while the run reads its files and extracts), parses the project once for nothing but what that
leaves behind (``warm_up``), and waits. ``dbt`` as the models' step runs it (``quick_exit.py``,
through dagster-dbt) finds the socket in ``DEFCOOP_DBT_SERVER`` and hands it its arguments,
environment, folder and standard streams instead of loading dbt itself. The server forks a child
that becomes that command and sends back its pid, then its exit status. The child, a copy of a
process that has only imported dbt and parsed, runs dbt as a new process would (it parses again,
sets its flags, logging and adapter anew), its output going to dagster-dbt as before. When the
socket is missing or the server is gone, ``dbt`` runs in its own process, as it always could.
The server ends when the run's process closes its stdin (or ends).

Run by path with ``python -P``, like ``quick_exit.py``: it imports nothing of the package, and loads ``quick_exit.py``
by its path for the way a command ends, dbt's unlogged events dropped and the cycle collector held while dbt loads.
"""

import contextlib
import importlib.util
import json
import os
import select
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading

SOCKET_VAR = "DEFCOOP_DBT_SERVER"
MAX_MESSAGE = 1 << 20
PR_SET_PDEATHSIG = 1  # linux/prctl.h
NICER = 5
FOLDER, WARM_FOLDER = "defcoop-dbt-", "defcoop-dbt-warm-"  # in the temporary folder, with a pid
_server: subprocess.Popen | None = None  # this process's server, kept for its later runs
QUICK_EXIT = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "quick_exit.py")


def start() -> str | None:
    """This process's dbt server, started unless it runs; its socket is put in ``SOCKET_VAR``, so the
    dbt commands started from here (dagster-dbt's) find it. It ends with this process. None where
    streams cannot be handed over a socket (no ``socket.send_fds``): dbt then starts as before."""
    global _server
    if not hasattr(socket, "send_fds") or not hasattr(socket, "AF_UNIX"):
        return None
    path = os.environ.get(SOCKET_VAR)
    if _server is not None and _server.poll() is None and path:
        return path
    from ..processes import remove_orphaned
    from .dbt_project import BUILD_TARGET, PARTIAL_PARSE, TARGET, models_dir  # what the builds parse, and how

    project = models_dir()
    for prefix in (FOLDER, WARM_FOLDER):  # those of servers killed (with their run) before they could
        remove_orphaned(prefix)
    path = os.path.join(tempfile.mkdtemp(prefix=f"{FOLDER}{os.getpid()}-"), "dbt.sock")
    # bound and listening before the server starts: a command handed over at once waits in the backlog
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as listener:
        try:
            listener.bind(path)
        except OSError:  # a socket's path is at most ~100 bytes: under a long TMPDIR, dbt runs alone
            shutil.rmtree(os.path.dirname(path), ignore_errors=True)
            return None
        listener.listen()
        # stdin a pipe only we hold: when this process ends, for whatever reason, the server reads EOF and ends
        _server = subprocess.Popen(
            [sys.executable, "-P", os.path.abspath(__file__), path, str(listener.fileno())]
            + [str(project), BUILD_TARGET, str(project / TARGET / PARTIAL_PARSE)],
            stdin=subprocess.PIPE,
            stdout=subprocess.DEVNULL,
            pass_fds=[listener.fileno()],
        )
    os.environ[SOCKET_VAR] = path
    return path


def end_with_parent() -> None:
    """Ask Linux to end this process when the one that started it ends (a no-op elsewhere): a helper
    of a run that ended at once (its step skipped, a failure) stops loading what nobody will use."""
    try:
        import ctypes

        ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGTERM)
    except (OSError, AttributeError):
        pass


def yield_to_the_run() -> None:
    """Load at a lower priority: the run's steps and the extraction's fork server, loading meanwhile, go first."""
    with contextlib.suppress(OSError, AttributeError):
        os.nice(NICER)


def serve(path: str, fd: int, project: str, target: str, saved: str) -> None:
    """Serve each command that comes to the listening socket ``fd`` (bound at ``path``) once dbt is loaded
    and has parsed ``project`` for ``target`` (unless a command came first: this niced process is late)."""
    # ended by the parent's death (SIGTERM, end_with_parent) as by EOF: the socket's folder goes either way
    signal.signal(signal.SIGTERM, lambda _number, _frame: sys.exit(0))
    end_with_parent()
    yield_to_the_run()
    quick = by_path("quick_exit", QUICK_EXIT)
    quick.hold()  # no cycle collection while dbt loads
    try:
        with socket.socket(fileno=fd) as listener:
            import dbt.adapters.duckdb  # noqa: F401  the adapter the profile names, imported once here
            import dbt.cli.main  # noqa: F401

            quick.quiet_dbt()  # in the commands forked from here too
            if not asked(listener):  # a command waiting already is not kept waiting for a parse done for later ones
                warm_up(project, target, saved)
            quick.settle()  # the commands forked from here collect only what they make
            if not single_threaded():
                return  # a fork would copy no other thread, and may wait on a lock one holds: dbt runs alone
            while True:
                ready, _, _ = select.select([listener, sys.stdin], [], [])
                if sys.stdin in ready and not os.read(sys.stdin.fileno(), 1):
                    break  # the run's process is done with us
                if listener in ready:
                    conn, _ = listener.accept()
                    with conn:
                        answer(conn, listener)
    finally:
        with contextlib.suppress(OSError):
            os.unlink(path)
            os.rmdir(os.path.dirname(path))


def warm_up(project: str, target: str, saved: str | None = None) -> bool:
    """Parse ``project`` once (from its saved parse ``saved``, when there is one), in a folder of its own
    that is then removed; True when dbt parsed it. dbt's first parse in a process builds what its later
    ones reuse (the compiled Jinja of its macros, the readers of its saved manifest, the adapter's
    plugin): ~1 s of a build's start, which each command forked from here finds done. The command
    still parses the project as it is then, in its own folder, so a file changed meanwhile is read as
    before. Without dbt's static parser: its native threads would not be in the forked commands, which
    then wait for them for ever when they parse a changed model."""
    from dbt.cli.main import dbtRunner

    scratch = tempfile.mkdtemp(prefix=f"{WARM_FOLDER}{os.getpid()}-")
    args = ["parse", "--project-dir", project, "--profiles-dir", project, "--target", target]
    args += ["--target-path", scratch, "--log-path", scratch, "--no-write-json", "--no-static-parser"]
    args += ["--log-level", "none", "--log-level-file", "none", "--no-send-anonymous-usage-stats"]
    try:
        with contextlib.suppress(OSError):  # none saved yet: a whole parse
            if saved:
                shutil.copy(saved, scratch)  # a partial parse, as the builds', and quicker than a whole one
        return bool(dbtRunner().invoke(args).success)
    except Exception:  # a broken project or a missing file: the command's own parse says what it is
        return False
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
        without_tracker()


def without_tracker() -> None:
    """The parse's manifest and adapter took multiprocessing locks, which started Python's resource
    tracker, a child of this process: with them gone, it is stopped, so the server keeps no process
    but its commands (each starts its own tracker, as dbt alone does)."""
    import gc
    from multiprocessing import resource_tracker

    from dbt.adapters.factory import reset_adapters

    with contextlib.suppress(Exception):  # a tracker left running costs a process, nothing more
        reset_adapters()
        gc.collect()  # their locks tell the tracker they are gone: it ends without a "leaked" warning
        stop = getattr(resource_tracker._resource_tracker, "_stop", None)
        if stop is not None:
            stop()


def asked(listener: socket.socket) -> bool:
    """A command waits at the listening socket."""
    return bool(select.select([listener], [], [], 0)[0])


def single_threaded() -> bool:
    """This process runs one thread (native ones counted): a child forked from it has every thread it expects."""
    try:
        return len(os.listdir("/proc/self/task")) == 1
    except OSError:
        return threading.active_count() == 1


def answer(conn: socket.socket, listener: socket.socket) -> None:
    """One command: fork the child that runs it, tell the client its pid, then its exit status. One
    at a time: a second command waits in the backlog (a run's one models' step sends one)."""
    data, fds, _, _ = socket.recv_fds(conn, MAX_MESSAGE, 3)
    while data and not data.endswith(b"\n"):
        more = conn.recv(MAX_MESSAGE)
        if not more:
            break
        data += more
    if len(fds) != 3 or not data.endswith(b"\n"):
        for fd in fds:
            os.close(fd)
        return
    request = json.loads(data)
    # the child starts with SIGTERM's default action, never the server's handler (no window between)
    signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGTERM})
    pid = os.fork()
    if pid == 0:
        signal.signal(signal.SIGTERM, signal.SIG_DFL)  # the command ends on SIGTERM as dbt alone does
        signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGTERM})
        listener.close()
        conn.close()
        become(request, fds)
    signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGTERM})
    for fd in fds:
        os.close(fd)
    try:
        conn.sendall(f"{pid}\n".encode())
        wait_for(pid, conn)
    except OSError:  # the client went while the child was forked: nobody waits for the command
        os.kill(pid, signal.SIGTERM)
    except BaseException:  # the server is ending (SIGTERM: its run's process is gone), and so does the command
        os.kill(pid, signal.SIGTERM)
        raise
    finally:
        _, status = os.waitpid(pid, 0)
    with contextlib.suppress(OSError):  # the client may be gone
        conn.sendall(f"{os.waitstatus_to_exitcode(status)}\n".encode())


def wait_for(pid: int, conn: socket.socket) -> None:
    """Until the command ends; if its client goes first (killed, even by SIGKILL, which it cannot
    pass on), the command is ended too, as dbt in the client's own process would have been."""
    if not hasattr(os, "pidfd_open"):
        return  # waitpid alone: a client gone leaves its command to finish
    child = os.pidfd_open(pid)
    try:
        while True:
            ready, _, _ = select.select([child, conn], [], [])
            if child in ready:
                return
            if not conn.recv(MAX_MESSAGE):  # EOF: the client is gone (it sends nothing more)
                os.kill(pid, signal.SIGTERM)
                return
    finally:
        os.close(child)


def become(request: dict, fds: list[int]) -> None:
    """In the child: the client's streams, folder and environment, then dbt's command line; never returns."""
    for target, fd in enumerate(fds):
        os.dup2(fd, target)
        os.close(fd)
    os.chdir(request["cwd"])
    os.environ.clear()
    os.environ.update(request["env"])
    sys.argv = ["dbt", *request["args"]]
    signal.signal(signal.SIGINT, signal.default_int_handler)
    from dbt.cli.main import cli

    quick, code = by_path("quick_exit", QUICK_EXIT), 0
    try:
        cli()
    except SystemExit as stop:
        code = quick.exit_code(stop)
    except KeyboardInterrupt:
        code = 130
    quick.leave(code)  # as dbt in its own process ends: output flushed, no teardown


def by_path(name: str, path: str):
    """The module in the file at ``path``, loaded once per process: a forked command finds the server's."""
    if name not in sys.modules:
        spec = importlib.util.spec_from_file_location(name, path)
        spec.loader.exec_module(module := importlib.util.module_from_spec(spec))
        sys.modules[name] = module
    return sys.modules[name]


def hand_over(path: str, args: list[str]) -> int | None:
    """Run ``dbt args`` in the server at ``path``; its exit code, or None when there is no server
    (the caller runs dbt itself). SIGINT and SIGTERM received meanwhile go on to the command."""
    try:
        conn = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        conn.connect(path)
    except OSError:
        return None
    with conn:
        message = json.dumps({"args": args, "env": dict(os.environ), "cwd": os.getcwd()}) + "\n"
        try:
            socket.send_fds(conn, [message.encode()], [0, 1, 2])
            reader = conn.makefile("r")
            pid = reader.readline().strip()
        except OSError:
            return None
        if not pid:
            return None  # the server went away before it forked: nothing ran
        child = int(pid)
        for sig in (signal.SIGINT, signal.SIGTERM):
            signal.signal(sig, lambda number, _frame: os.kill(child, number))
        status = reader.readline().strip()
        return int(status) if status else 1


if __name__ == "__main__":
    serve(sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4], sys.argv[5])

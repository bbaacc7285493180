"""The helpers a run starts at its beginning: a dbt process with dbt imported, and the extraction's
fork server. Commands handed to them give what they would give run alone; without them, or once
the process that started them is gone, nothing waits for them."""

import json
import os
import shutil
import socket
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from defcoop_dagster.analytics import dbt_server

from .processes import process_state, wait

ROOT = Path(__file__).resolve().parents[1]
PROJECT = ROOT / "dbt_like_models"

# the server's children that are commands it forked (not the resource tracker that its own parse
# starts and stops before the first command), for the code the tests run in a process of its own
CHILDREN = textwrap.indent(
    textwrap.dedent(
        """
        def children():
            out = set()
            for entry in Path("/proc").iterdir():
                if entry.name.isdigit():
                    try:
                        if int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1]) == server:
                            if b"resource_tracker" not in (entry / "cmdline").read_bytes():
                                out.add(int(entry.name))
                    except (OSError, ValueError, IndexError):
                        pass
            return out
        """
    ),
    " " * 8,
)


def _in_a_new_process(code: str, **env: str) -> str:
    run = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code)],
        cwd=ROOT,
        env=dict(os.environ, **env),
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert run.returncode == 0, run.stderr[-3000:]
    return run.stdout


def test_dbt_answers_through_the_server_as_it_does_alone(tmp_path):
    """dbt's own output and exit codes, once through the server and once in its own process."""
    code = f"""
        import json, os, sys
        from defcoop_dagster.analytics import dbt_server
        os.chdir({str(PROJECT)!r})
        args = ["ls", "--resource-type", "model", "--output", "name", "--quiet",
                "--target-path", {str(tmp_path / "target")!r}, "--vars", '{{"work_file": "x.duckdb"}}']
        if sys.argv[1:] == ["served"]:
            path = dbt_server.start()
            codes = [dbt_server.hand_over(path, args), dbt_server.hand_over(path, ["no-such-command"])]
        else:
            codes = []
            for a in (args, ["no-such-command"]):
                sys.stdout.flush()
                pid = os.fork()
                if pid == 0:
                    os.execv(sys.executable, [sys.executable, "-m", "defcoop_dagster.quick_exit", "dbt", *a])
                codes.append(os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1]))
        sys.stdout.flush()
        print(json.dumps(codes))
        """
    runs = {}
    for how in ("served", "alone"):
        run = subprocess.run(
            [sys.executable, "-c", textwrap.dedent(code), how], cwd=ROOT, capture_output=True, text=True, timeout=300
        )
        assert run.returncode == 0, run.stderr[-3000:]
        *listed, codes = run.stdout.strip().splitlines()
        runs[how] = (sorted(listed), json.loads(codes))
    assert runs["served"] == runs["alone"]
    listed, codes = runs["served"]
    assert "dyad_year" in listed and "stg_meetings" in listed
    assert codes[0] == 0 and codes[1] == 2  # click's usage error


def test_without_a_server_the_caller_runs_dbt_itself(tmp_path):
    assert dbt_server.hand_over(str(tmp_path / "no.sock"), ["ls"]) is None
    env = dict(os.environ, **{dbt_server.SOCKET_VAR: str(tmp_path / "no.sock")})
    args = ["ls", "--resource-type", "model", "--output", "name", "--quiet", "--target-path", str(tmp_path / "t")]
    run = subprocess.run(
        [sys.executable, "-m", "defcoop_dagster.quick_exit", "dbt", *args, "--vars", '{"work_file": "x.duckdb"}'],
        cwd=PROJECT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert run.returncode == 0, run.stderr[-2000:]
    assert "dyad_year" in run.stdout.split()


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the parent-death signal is Linux's")
def test_the_dbt_server_ends_with_the_process_that_started_it():
    starter = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sys, time\nfrom defcoop_dagster.analytics import dbt_server\n"
            "path = dbt_server.start()\nprint(dbt_server._server.pid, path, flush=True)\ntime.sleep(600)",
        ],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        text=True,
    )
    pid, path = starter.stdout.readline().split()
    server = int(pid)
    assert Path(path).parent.is_dir()
    starter.kill()  # no chance to close anything: the kernel tells the server
    starter.wait()
    wait(lambda: _ended(server), "the server's end", timeout=60)
    assert not Path(path).parent.exists()  # its socket's folder went with it


def _ended(pid: int) -> bool:
    """Gone, or a zombie its parent has not reaped yet."""
    state = process_state(pid)
    return state is None or state[0] == "Z"


def test_one_batch_goes_to_a_started_fork_server_and_gives_the_rows_of_one_process():
    """After ``start_workers`` even a single article is extracted by a worker: the caller loads no model."""
    code = f"""
        import json
        from pathlib import Path
        from defcoop_dagster.core.ingest.articles import article_rows
        from defcoop_dagster.core.ingest.sources import scan
        from defcoop_dagster.core import extraction
        articles = article_rows([s for s in scan(Path({str(ROOT / "seeds")!r})) if s["status"] == "accepted"])[:1]
        started = extraction.start_workers()
        rows = extraction.extract_articles(articles)
        from defcoop_dagster.core.lang import analysis
        print(json.dumps({{"started": started, "loaded_here": analysis.models.cache_info().currsize,
                          "meetings": rows.meetings, "mentions": len(rows.mentions)}}, default=str))
        """
    served = json.loads(_in_a_new_process(code, DEFCOOP_WORKERS="2"))
    alone = json.loads(_in_a_new_process(code.replace("extraction.start_workers()", "False"), DEFCOOP_WORKERS="2"))
    one = json.loads(_in_a_new_process(code, DEFCOOP_WORKERS="1"))  # one process asked for: no server
    assert served["started"] and not alone["started"] and not one["started"]
    assert served["loaded_here"] == 0 and alone["loaded_here"] == 1 and one["loaded_here"] == 1
    assert served["mentions"] and served["meetings"]
    assert (served["meetings"], served["mentions"]) == (alone["meetings"], alone["mentions"])
    assert (one["meetings"], one["mentions"]) == (alone["meetings"], alone["mentions"])


@pytest.mark.skipif(not hasattr(os, "pidfd_open"), reason="the server watches its command with a pidfd")
def test_a_command_whose_client_is_killed_is_ended(tmp_path, seeds_warehouse):
    """SIGKILL cannot be passed on by the client: the server sees it gone and ends the command, as
    dbt in the client's own process would have ended with it."""
    work = tmp_path / "w.duckdb"
    shutil.copy(seeds_warehouse, work)
    target = tmp_path / "target"
    code = f"""
        import os, signal, subprocess, sys, time
        from pathlib import Path
        from defcoop_dagster.analytics import dbt_server
        dbt_server.start()
        server = dbt_server._server.pid

{CHILDREN}
        args = ["build", "--vars", '{{"work_file": "{work}"}}', "--target-path", {str(target)!r}]
        client = subprocess.Popen([sys.executable, "-m", "defcoop_dagster.quick_exit", "dbt", *args],
                                  cwd={str(PROJECT)!r}, stdout=subprocess.DEVNULL)
        deadline = time.monotonic() + 120
        while not children() and time.monotonic() < deadline:
            time.sleep(0.02)
        running = children()
        client.kill()
        client.wait()
        while children() and time.monotonic() < deadline:
            time.sleep(0.05)
        print(len(running), len(children()))
        """
    out = _in_a_new_process(code)
    assert out.split() == ["1", "0"]  # the command ran, and no longer runs
    assert not (target / "run_results.json").exists()  # it was ended, not left to finish


@pytest.mark.skipif(not hasattr(socket, "send_fds"), reason="streams are handed over a Unix socket")
def test_a_command_whose_client_left_before_its_pid_came_is_ended(tmp_path, seeds_warehouse):
    """A client gone between handing its command over and reading the child's pid leaves no dbt
    running for nobody: the server ends the command it could not report."""
    work = tmp_path / "w.duckdb"
    shutil.copy(seeds_warehouse, work)
    target = tmp_path / "target"
    args = ["build", "--vars", json.dumps({"work_file": str(work)}), "--target-path", str(target)]
    code = f"""
        import json, os, socket
        from defcoop_dagster.analytics import dbt_server
        path = dbt_server.start()
        conn = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        conn.connect(path)
        request = {{"args": {args!r}, "env": dict(os.environ), "cwd": {str(PROJECT)!r}}}
        with open(os.devnull, "w") as null:
            socket.send_fds(conn, [(json.dumps(request) + "\\n").encode()], [0, null.fileno(), null.fileno()])
        conn.close()  # gone before the server, still loading dbt, forks the command
        # the server answers one command at a time: this one's answer means the first is over
        print("exit", dbt_server.hand_over(path, ["--version"]))  # dbt's version is printed above
        """
    assert _in_a_new_process(code).splitlines()[-1] == "exit 0"
    assert not (target / "run_results.json").exists()  # ended, not left to build


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the parent-death signal is Linux's")
def test_a_command_ends_with_the_server_when_the_run_is_gone(tmp_path, seeds_warehouse):
    """The process that started the server dies while a command runs (its client lives on): the
    server ends, and the command with it, rather than building for a run that is gone."""
    work = tmp_path / "w.duckdb"
    shutil.copy(seeds_warehouse, work)
    target = tmp_path / "target"
    args = ["build", "--vars", json.dumps({"work_file": str(work)}), "--target-path", str(target)]
    code = f"""
        import os, subprocess, sys, time
        from pathlib import Path
        from defcoop_dagster.analytics import dbt_server
        dbt_server.start()
        server = dbt_server._server.pid
        client = subprocess.Popen([sys.executable, "-m", "defcoop_dagster.quick_exit", "dbt", *{args!r}],
                                  cwd={str(PROJECT)!r}, stdout=subprocess.DEVNULL, start_new_session=True)
        print(server, client.pid, flush=True)
{CHILDREN}
        deadline = time.monotonic() + 120
        while not children() and time.monotonic() < deadline:  # until the server has forked the command
            time.sleep(0.05)
        print(min(children()), flush=True)
        os._exit(0)  # gone at once: the kernel tells the server (its parent-death signal)
        """
    run = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    server, client, command = (int(x) for x in run.stdout.split())
    for pid in (command, server, client):
        wait(lambda pid=pid: _ended(pid), f"process {pid}'s end", timeout=60)
    assert not (target / "run_results.json").exists()  # the build was ended, not left to finish

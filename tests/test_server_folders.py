"""The dbt server's folders in the temporary folder: named with their process's pid, removed by the
next server once that process is gone; a temporary folder too deep for a socket leaves dbt alone."""

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from .test_warm_start import _in_a_new_process


def test_a_server_s_folders_left_by_a_killed_run_are_removed_by_the_next():
    """A run killed with SIGKILL cannot remove its server's socket folder (nor the folder of a parse
    under way): the next server started on the machine removes those whose process is gone, and only
    those (not a live process's, nor another program's)."""
    tmp_path = Path(tempfile.mkdtemp(prefix="dw"))  # short: a socket's path is at most ~100 bytes
    gone = subprocess.Popen([sys.executable, "-c", "pass"])
    gone.wait()  # a pid no process has (or, reused, a process started after the folders were made)
    folders = {
        "dead socket": tmp_path / f"defcoop-dbt-{gone.pid}-abc",
        "dead parse": tmp_path / f"defcoop-dbt-warm-{gone.pid}-def",
        "live": tmp_path / f"defcoop-dbt-{os.getpid()}-ghi",  # this test's process, alive
        "not ours": tmp_path / "defcoop-dbt-notes",
    }
    for folder in folders.values():
        folder.mkdir()
        (folder / "dbt.sock").write_text("")
    code = """
        import os
        from defcoop_dagster.analytics import dbt_server
        path = dbt_server.start()
        print(os.path.basename(os.path.dirname(path)))
        dbt_server._server.stdin.close()  # ended, as when the run is done: it removes its own folders
        dbt_server._server.wait()
        """
    mine = _in_a_new_process(code, TMPDIR=str(tmp_path)).split()[-1]
    assert mine.startswith("defcoop-dbt-") and mine.split("-")[2].isdigit()  # named with its starter's pid
    assert {p.name for p in tmp_path.iterdir()} == {folders["live"].name, folders["not ours"].name}
    shutil.rmtree(tmp_path)


def test_under_a_temporary_folder_too_long_for_a_socket_dbt_runs_alone(tmp_path):
    deep = tmp_path / ("d" * 100)
    deep.mkdir()
    code = """
        from defcoop_dagster.analytics import dbt_server
        print(dbt_server.start())
        """
    assert _in_a_new_process(code, TMPDIR=str(deep)).split()[-1] == "None"
    assert list(deep.iterdir()) == []  # the folder made for the socket is gone

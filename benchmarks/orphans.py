"""The benchmarks' descendants, theirs to reap: what a run leaves behind is counted (peak memory, CPU).

``adopt`` makes this process the subreaper of its descendants (Linux): a process whose parent ended
before it (the extraction's fork server outlives the run's process by a moment) is handed to this
one, so that its peak memory and CPU, and its workers', reach RUSAGE_CHILDREN when it is reaped.
"""

import ctypes
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

PR_SET_CHILD_SUBREAPER = 36  # linux/prctl.h


def adopt() -> None:
    if sys.platform.startswith("linux"):
        ctypes.CDLL(None, use_errno=True).prctl(PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0)


def reap(wait: float = 10.0) -> None:
    """Wait for the descendants handed to this process to end, at most ``wait`` seconds."""
    deadline = time.monotonic() + wait
    while time.monotonic() < deadline:
        try:
            pid, _ = os.waitpid(-1, os.WNOHANG)
        except ChildProcessError:
            return  # none left
        if pid == 0:
            time.sleep(0.05)


def run_reaping(cmd: list[str], cwd: Path) -> tuple[int, str]:
    """``cmd``'s exit code and output. Every process handed to this one while it runs is reaped at
    once, as init would (a test waiting for a killed process to be gone must not find it a zombie),
    then those left, as ``reap``."""
    with tempfile.TemporaryFile("w+") as out:
        proc = subprocess.Popen(cmd, cwd=cwd, stdout=out, stderr=subprocess.STDOUT, text=True)
        while True:
            pid, status = os.waitpid(-1, 0)
            if pid == proc.pid:
                proc.returncode = os.waitstatus_to_exitcode(status)  # reaped here, not by Popen
                break
        reap()
        out.seek(0)
        return proc.returncode, out.read()

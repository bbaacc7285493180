"""Whether a process that did something at a given time is still running (Linux's /proc, else
``kill 0``): a process id is reused, so a process with that id started later is another one. And
the temporary folders of processes that are gone."""

import glob
import os
import shutil
import tempfile
import time

# /proc gives start times in clock ticks since boot; the boot time from /proc/uptime is within a tick
CLOCK_SLACK = 0.5


def process_started_at(pid: int) -> float | None:
    """When process ``pid`` started (seconds since the epoch), or None when there is no such live
    process (a zombie is dead). Without /proc (not Linux), any existing process counts as started
    at the epoch."""
    try:
        with open(f"/proc/{pid}/stat", "rb") as f:
            fields = f.read().rsplit(b")", 1)[1].split()  # after "(command name)", which may hold spaces
        with open("/proc/uptime", "rb") as f:
            uptime = float(f.read().split()[0])
    except FileNotFoundError:
        if os.path.isdir("/proc/self"):
            return None
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return None
        except PermissionError:
            pass  # exists, owned by someone else
        return 0.0
    except OSError:
        return None
    if fields[0] in (b"Z", b"X"):
        return None
    booted = time.time() - uptime
    return booted + int(fields[19]) / os.sysconf("SC_CLK_TCK")


def alive(pid: int, seen_at: float) -> bool:
    """Is the process that wrote an event at ``seen_at`` still running? A process with the same id
    that started after the event is another one (the id was reused, or the machine restarted)."""
    started = process_started_at(pid)
    return started is not None and started <= seen_at + CLOCK_SLACK


def remove_orphaned(prefix: str) -> list[str]:
    """Remove the folders ``<tempdir>/<prefix><pid>-…`` whose process is gone (it was killed, so could
    not remove its own): those of a pid no process has, or that a process started since has. Returns them."""
    removed = []
    for path in glob.glob(os.path.join(tempfile.gettempdir(), glob.escape(prefix) + "[0-9]*-*")):
        try:
            pid = int(os.path.basename(path)[len(prefix) :].split("-", 1)[0])
            made = os.lstat(path).st_mtime  # at the latest, when its process put something in it
        except (ValueError, OSError):
            continue
        if not alive(pid, made):
            shutil.rmtree(path, ignore_errors=True)
            removed.append(path)
    return removed

"""The runs a local instance has that the dead-run check (``runs.release_dead_runs``) would look at,
read from its SQLite files without loading Dagster.

``defcoop materialize`` looks for dead runs before its run starts and while it waits. Loading Dagster
and opening the instance for that takes ~2 CPU-seconds, on the core its own run is loading on; most
times there is nothing to look at (no unfinished run, no step waiting for or holding a slot). Those
times are told here from two queries of the files a default local instance keeps under its home.
Anything else (another storage configured, files not as expected) answers None: look with Dagster.
"""

import contextlib
import json
import sqlite3
from datetime import UTC, datetime
from pathlib import Path

from .processes import alive

# DagsterRunStatus values of a run not ended (runs.WORKING is made from these)
WORKING_STATUSES = ("NOT_STARTED", "STARTING", "STARTED", "CANCELING")
# dagster.yaml keys that put the runs or their events elsewhere than the home's SQLite files
STORAGE_KEYS = {"storage", "run_storage", "event_log_storage"}
# a step waiting while its pool has more slots than steps given one (Dagster's has_unassigned_slots)
LEFT_UNASSIGNED = """
SELECT 1 FROM pending_steps p
WHERE p.assigned_timestamp IS NULL
  AND (SELECT count(*) FROM concurrency_slots s WHERE s.concurrency_key = p.concurrency_key AND NOT s.deleted)
    > (SELECT count(*) FROM pending_steps a
       WHERE a.concurrency_key = p.concurrency_key AND a.assigned_timestamp IS NOT NULL)
LIMIT 1
"""


def runs_to_look_at(home: Path) -> dict[str, datetime | None] | None:
    """The runs ``release_dead_runs`` would look at in the instance at ``home`` (unfinished, or with a
    step holding or waiting for a slot), with when each was created (UTC); None when that cannot be
    told from the files (look with Dagster)."""
    looked = _looked_at(home)
    return None if looked is None else _created(looked[0])


def _looked_at(home: Path) -> tuple[dict[str, tuple[datetime | None, str | None]], bool] | None:
    """``runs_to_look_at`` with each run's status (None for a slot of a run not listed), and whether a pool
    has a free slot while steps wait for one and none is given it (``runs.slots_left_unassigned``)."""
    if not default_storage(home):
        return None
    runs_db, index_db = home / "history" / "runs.db", home / "history" / "runs" / "index.db"
    if not runs_db.exists():
        return {}, False  # no run was ever made here
    try:
        slots, left_unassigned = [], False
        if index_db.exists():
            with contextlib.closing(_open(index_db)) as index:
                slots = [row[0] for row in index.execute("SELECT DISTINCT run_id FROM pending_steps")]
                left_unassigned = index.execute(LEFT_UNASSIGNED).fetchone() is not None
        with contextlib.closing(_open(runs_db)) as con:
            rows = con.execute(
                f"SELECT run_id, create_timestamp, status FROM runs WHERE status IN ({_marks(WORKING_STATUSES)}) "
                f"OR run_id IN ({_marks(slots)})",
                [*WORKING_STATUSES, *slots],
            )
            found = {run_id: (_utc(created), status) for run_id, created, status in rows}
    except sqlite3.Error:
        return None
    found |= {run_id: (None, None) for run_id in slots if run_id not in found}  # a slot of a run not listed
    return found, left_unassigned


def _created(found: dict[str, tuple[datetime | None, str | None]]) -> dict[str, datetime | None]:
    return {run_id: created for run_id, (created, _) in found.items()}


def not_ours(found: dict[str, datetime | None], since: datetime) -> list[str]:
    """The runs of ``found`` (``runs_to_look_at``) other than the asker's own (the one created at or
    after ``since``); all of them when more than one was created since, as which is its own cannot be told."""
    new = [run_id for run_id, created in found.items() if created is not None and created >= since]
    return [run_id for run_id in found if len(new) > 1 or run_id not in new]


def none_dead(home: Path, since: datetime) -> bool:
    """No run the dead-run check would look at can be dead: apart from the asker's own (``not_ours``),
    each is unfinished and one of its processes is alive. False when a run may be dead, a free slot was
    left unassigned (``_looked_at``) or the files cannot tell (look with Dagster). A run started beside
    another one then starts without loading Dagster first (~2 CPU-seconds, ~4 s on a busy machine)."""
    looked = _looked_at(home)
    if looked is None or looked[1]:
        return False
    found = looked[0]
    others = not_ours(_created(found), since)
    return all(found[run_id][1] in WORKING_STATUSES and _running(home, run_id) for run_id in others)


def _running(home: Path, run_id: str) -> bool:
    """A process of the run (that of its RUN_START or a STEP_START event, as ``runs.worker_pids``) is alive."""
    path = home / "history" / "runs" / f"{run_id}.db"
    try:
        with contextlib.closing(_open(path)) as con:
            events = con.execute(
                # RUN_START's value is still "PIPELINE_START" (DagsterEventType.RUN_START.value)
                "SELECT event FROM event_logs WHERE dagster_event_type IN ('PIPELINE_START', 'STEP_START')"
            ).fetchall()
        for (event,) in events:
            entry = json.loads(event)
            pid = entry["dagster_event"]["pid"]
            if pid is not None and alive(pid, entry["timestamp"]):
                return True
    except (sqlite3.Error, ValueError, KeyError, TypeError):  # not as expected: look with Dagster
        return False
    return False


def default_storage(home: Path) -> bool:
    """The instance at ``home`` keeps its runs and events in SQLite files under ``home/history``."""
    config = home / "dagster.yaml"
    if not config.exists():
        return True
    import yaml  # Dagster's own dependency

    try:
        settings = yaml.safe_load(config.read_text(encoding="utf-8")) or {}
    except (OSError, yaml.YAMLError):
        return False
    return isinstance(settings, dict) and not STORAGE_KEYS & settings.keys()


def _marks(values) -> str:
    return ",".join("?" * len(values))


def _open(path: Path) -> sqlite3.Connection:
    # read and write mode creates no database (a missing file is an error), and reads a WAL database whose
    # shared-memory file is gone, as Dagster's own connections do
    return sqlite3.connect(f"file:{path}?mode=rw", uri=True, timeout=5)


def _utc(stamp) -> datetime | None:
    """SQLite's text of a UTC time (what Dagster writes and CURRENT_TIMESTAMP gives), as a time."""
    try:
        return datetime.fromisoformat(str(stamp)).replace(tzinfo=UTC)
    except ValueError:
        return None

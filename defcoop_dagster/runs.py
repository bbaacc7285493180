"""Runs whose process died hold nothing: they are marked failed and their warehouse slot is freed.

A run killed with SIGKILL, by the out-of-memory killer or by a machine restart never writes its
end: it stays STARTED and keeps its concurrency slot of the ``warehouse`` pool (limit 1), and every
later run waits for that slot forever. Dagster's run monitoring cannot see this with the default run
launcher (it has no worker health check), and its ``free_slots_after_run_end_seconds`` frees only
the slots of runs that ended. So the workers are checked here, through the instance: every event
records the process that wrote it, and a run none of whose processes is still alive is dead.

``release_dead_runs`` is what ``defcoop materialize`` calls before (and while) it runs, and what
the ``dead_run_sensor`` calls under the daemon. Process ids are only meaningful on the machine that
ran the process (and in its process namespace), so only a local (SQLite) instance is checked; an
instance shared by several machines (Postgres) needs a run launcher with worker health checks instead.
"""

from collections.abc import Callable
from dataclasses import dataclass

import dagster as dg
from dagster._core.events import JobFailureData, RunFailureReason
from dagster._core.storage.event_log.sql_event_log import SqlEventLogStorage

from .processes import alive
from .unfinished_runs import WORKING_STATUSES

# Statuses of a run that has not ended. A NOT_STARTED run counts once it has a process: its RUN_START
# event is written before its status, and a kill in between leaves both. QUEUED runs have no worker.
WORKING = [dg.DagsterRunStatus(status) for status in WORKING_STATUSES]
# Events whose pid is a process of the run: the run worker, and each step's process (multiprocess executor)
WORKER_EVENTS = {dg.DagsterEventType.RUN_START, dg.DagsterEventType.STEP_START}


@dataclass(frozen=True)
class DeadRun:
    run_id: str
    status: str
    pids: tuple[int, ...]

    def line(self) -> str:
        pids = ", ".join(map(str, self.pids))
        return (
            f"run {self.run_id} was {self.status} but its process (pid {pids}) no longer exists: "
            "marked failed and its warehouse slot freed"
        )


def worker_pids(instance: dg.DagsterInstance, run_id: str) -> dict[int, float]:
    """The processes of a run: pid → the first time one of its events was written."""
    seen: dict[int, float] = {}
    for record in instance.get_records_for_run(run_id, of_type=WORKER_EVENTS).records:
        entry = record.event_log_entry
        pid = entry.dagster_event.pid if entry.dagster_event else None
        if pid is not None:
            seen[pid] = min(seen.get(pid, entry.timestamp), entry.timestamp)
    return seen


def is_dead(instance: dg.DagsterInstance, run_id: str, started: bool = True) -> tuple[int, ...] | None:
    """The pids of a run none of whose processes is alive, or None when one is. With ``started``, a
    run with no process known is not dead: it was launched but has not started yet, which run
    monitoring's start timeout watches."""
    pids = worker_pids(instance, run_id)
    if (started and not pids) or any(alive(pid, seen) for pid, seen in pids.items()):
        return None
    return tuple(sorted(pids))


def local(instance: dg.DagsterInstance) -> bool:
    # SqliteRunStorage: the instance lives in files of this machine, so its pids are ours
    return type(instance.run_storage).__name__.startswith("Sqlite")


def release_dead_runs(instance: dg.DagsterInstance, log: Callable[[str], None] = print) -> list[DeadRun]:
    """Mark runs whose processes are all gone as failed, and free the slots they (or finished runs
    whose processes are gone) still hold; ``log`` gets one line per run. Returns the runs marked."""
    if not local(instance):
        return []
    marked = []
    for record in instance.get_run_records(dg.RunsFilter(statuses=WORKING)):
        run = record.dagster_run
        pids = is_dead(instance, run.run_id)
        if pids is None:
            continue
        dead = DeadRun(run.run_id, run.status.value, pids)
        instance.report_run_failed(
            run,
            f"The run's process (pid {', '.join(map(str, pids))}) ended without finishing the run (killed, "
            "out of memory or a restart): marked failed so that later runs can take the warehouse.",
            JobFailureData(error=None, failure_reason=RunFailureReason.UNEXPECTED_TERMINATION),
        )
        instance.event_log_storage.free_concurrency_slots_for_run(run.run_id)
        log(dead.line())
        marked.append(dead)
    storage = instance.event_log_storage
    if storage.supports_global_concurrency_limits:
        for run_id in storage.get_concurrency_run_ids():
            run = instance.get_run_by_id(run_id)
            # a finished run whose worker died before giving its slot back (the slot-freeing of run
            # monitoring does this too, after free_slots_after_run_end_seconds, when the daemon runs)
            if run is None or (run.is_finished and is_dead(instance, run_id, started=False) is not None):
                storage.free_concurrency_slots_for_run(run_id)
                log(f"freed the warehouse slot still held by run {run_id}, which ended")
        for pool in slots_left_unassigned(storage):
            storage.assign_pending_steps([pool])
            log(f"handed the free {pool} slot to the next waiting step: the run that freed it ended first")
    return marked


def slots_left_unassigned(storage) -> list[str]:
    """The pools with a free slot and steps waiting for one, none of them given it. A step that ends frees
    its slot, then hands it to the next waiting step (Dagster's ``free_concurrency_slot_for_step``): a
    process killed in between leaves the slot free and the waiting steps blocked, and no later claim
    hands it on (they wait for ever, at full CPU). Only SQL storages keep slots this way."""
    if not isinstance(storage, SqlEventLogStorage):
        return []
    return [
        pool
        for pool in storage.get_concurrency_keys()
        if storage.get_concurrency_info(pool).pending_step_count and storage.has_unassigned_slots(pool)
    ]

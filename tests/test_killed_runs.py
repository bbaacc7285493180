"""A killed `defcoop materialize` never holds the warehouse: real runs, SIGKILL to their process
group at several moments (as `kill -9 -<pgid>`, the OOM killer or a power cut), each time the next
run goes on, and the last one ends with the same tables as a clean run, no leftovers, and pictures
that always match the published warehouse."""

import hashlib
import os
import re
import shutil
import time
from functools import partial
from pathlib import Path

import duckdb
import pytest

from defcoop_dagster.warehouse.publish import PICTURES, STORAGE_VERSION, leftovers, storage_of, work_path

from .conftest import SEEDS, query
from .processes import (
    claimed_slots,
    env_for,
    instance_of,
    kill_group,
    latest_run,
    new_home,
    start_defcoop,
    step_started,
    tables_of,
    wait,
)

# each a meeting of two states the seeds never pair: a new edge of the network picture
NEW_ARTICLES = [
    "Министр обороны Казахстана Нурлан Ермекбаев встретился в Ташкенте с министром обороны Узбекистана "
    "Бахадыром Курбановым.",
    "Министр обороны Киргизии Раимберди Дуйшенбиев встретился в Душанбе с министром обороны Таджикистана Шерали Мирзо.",
    "Министр обороны Армении Виген Саргсян встретился в Тбилиси с министром обороны Грузии Леваном Изория.",
]


def in_duckdb_storage(work: Path) -> None:
    """``work`` made again in DuckDB's default storage version, as a work file of an earlier version is."""
    again = work.with_name("again.duckdb")
    con = duckdb.connect()
    con.execute("ATTACH ? AS work (READ_ONLY)", [str(work)])
    con.execute("ATTACH ? AS again", [str(again)])
    con.execute("COPY FROM DATABASE work TO again")
    assert storage_of(con, "again") != STORAGE_VERSION
    con.close()
    os.replace(again, work)


def copying(db: Path) -> list[Path]:
    """The publishing's copy of the warehouse, while it is being written (see publish.temporary)."""
    return list(db.parent.glob(f".{db.name}.*.tmp"))


def digests(db) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in [db, *(db.parent / n for n in PICTURES)]}


@pytest.mark.e2e
def test_killed_runs_never_hold_the_warehouse(tmp_path, seeds_warehouse):
    started = time.monotonic()
    home, inbox, db = new_home(tmp_path), tmp_path / "inbox", tmp_path / "out" / "w.duckdb"
    shutil.copytree(SEEDS, inbox)
    env = env_for(home, inbox, db)
    instance = instance_of(home)
    seen: set[str] = set()

    def run_until(moment, what: str):
        """Start `defcoop materialize`; once its run reaches ``moment``, return it and its process."""
        proc = start_defcoop(env)
        run = wait(lambda: latest_run(instance, seen), "the run to be created")
        seen.add(run.run_id)
        wait(lambda: moment(run.run_id) or proc.poll() is not None, what, every=0.005)
        assert proc.poll() is None, f"the run ended before {what}: {proc.communicate()[1][-2000:]}"
        return run, proc

    # 1. just started, no step yet; 2. in its first step, holding the warehouse slot
    first, proc = run_until(lambda r: step_started(instance, r), "the run to start")
    told = kill_group(proc)  # what every run printed: the dead runs it found
    # killed while its step holds the slot: a short first step may end (and free it) before a late poll
    second, proc = run_until(
        lambda r: step_started(instance, r, "source_files") and claimed_slots(instance) == [r], "the first step"
    )
    told += kill_group(proc)
    assert claimed_slots(instance) == [second.run_id]  # dead, and holding the warehouse

    # 3. killed in (or after) extraction, holding the slot, while another run waits for it: that one goes on.
    # The waiting run's process looks for dead runs (loading Dagster) before it makes its run: on a busy
    # machine the first may end before the second waits. That pair is let finish and a forced pair tries again.
    pending = instance.event_log_storage.get_concurrency_info

    def holds_while_other_waits(third, fourth, proc) -> bool:  # or it ended
        if proc.poll() is not None:
            return True
        info = pending("warehouse")
        return (
            [s.run_id for s in info.claimed_slots] == [third.run_id]
            and fourth.run_id in {p.run_id for p in info.pending_steps if p.assigned_timestamp is None}
            and step_started(instance, third.run_id, "extraction")
        )

    for attempt in range(3):
        forced = ("--force",) if attempt else ()
        proc = start_defcoop(env, *forced)
        third = wait(lambda: latest_run(instance, seen), "the third run")
        seen.add(third.run_id)
        waiting = start_defcoop(env, *forced)
        fourth = wait(lambda: latest_run(instance, seen), "the waiting run")
        seen.add(fourth.run_id)
        wait(partial(holds_while_other_waits, third, fourth, proc), "extraction, a run waiting", every=0.005)
        if proc.poll() is None:
            break
        out, err = proc.communicate()
        assert proc.returncode == 0, err[-2000:]
        told += out  # it told the dead runs it found
        out, err = waiting.communicate(timeout=900)
        assert waiting.returncode == 0, err[-3000:]
        told += out
    else:
        pytest.fail("no run was seen holding the warehouse while another waited for it, in 3 pairs")
    told += kill_group(proc)
    out, err = waiting.communicate(timeout=900)
    assert waiting.returncode == 0, err[-3000:]
    told += out
    for dead in (first, second, third):  # each told, with its pid, by the first run that came after it
        assert re.search(rf"defcoop: run {dead.run_id} was [A-Z_]+ but its process \(pid \d+\) no longer exists", told)
        assert instance.get_run_by_id(dead.run_id).status.value == "FAILURE"
    assert f"defcoop: run {third.run_id} was STARTED" in out  # freed while that run waited for it
    assert claimed_slots(instance) == []
    assert tables_of(db) == tables_of(seeds_warehouse)  # the same tables as a run never interrupted
    assert leftovers(db) == [] and all((db.parent / n).is_file() for n in PICTURES)

    # 4. killed while publishing a changed folder: the published file and its pictures stay as they were.
    # A work file in the published storage is copied byte for byte in a few hundredths of a second; one in
    # DuckDB's own (as an earlier version made it) has its tables copied, ~0.5 s: that path, long enough to
    # be seen. A run that publishes before the test sees it (a busy machine) is let finish, and the next
    # new article tries again.
    in_duckdb_storage(work_path(db))
    for attempt, text in enumerate(NEW_ARTICLES):
        before = digests(db)
        ((articles,),) = query(db, "SELECT count(*) FROM articles")
        (inbox / f"new_article_{attempt}.txt").write_text(text, encoding="utf-8")
        proc = start_defcoop(env)
        fifth = wait(lambda: latest_run(instance, seen), "the run to be created")
        seen.add(fifth.run_id)
        # the warehouse's copy, not any leftover: a picture's temporary file is one too, renamed within its step
        wait(lambda p=proc: copying(db) or p.poll() is not None, "the publishing copy or the run's end", every=0.005)
        if proc.poll() is None:
            break
        assert proc.returncode == 0, proc.communicate()[1][-2000:]
    else:
        pytest.fail(f"no run of {len(NEW_ARTICLES)} was seen publishing")
    kill_group(proc)
    assert digests(db) == before
    assert query(db, "SELECT count(*) FROM articles") == [(articles,)]
    assert leftovers(db)  # the half-written copy, as large as the warehouse by the end

    # 5. the next run removes what the killed publishing left and publishes the warehouse with its pictures
    last = start_defcoop(env)
    out, err = last.communicate(timeout=900)
    assert last.returncode == 0, err[-3000:]
    assert f"defcoop: run {fifth.run_id} was STARTED" in out
    assert leftovers(db) == []
    assert query(db, "SELECT count(*) FROM articles") == [(articles + 1,)]
    after = digests(db)
    assert all(after[name] != before[name] for name in ["w.duckdb", "network.png"])  # a new edge
    instance.dispose()
    print(f"kill test: {time.monotonic() - started:.0f} s")

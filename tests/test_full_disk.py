"""A full disk during a real run: one line naming the cause, from the CLI and on the failed step in the
UI; the published warehouse and its pictures untouched; nothing left behind; the next run publishes.

Two ways to fill a disk for real: a 64 MB tmpfs mounted for the test (ENOSPC from the kernel; skipped
where mounting is not allowed: not root, no CAP_SYS_ADMIN), and an RLIMIT_FSIZE below the
warehouse's size on the publishing run (EFBIG, "File too large", from the kernel; runs anywhere).
"""

import hashlib
import os
import resource
import subprocess

import dagster as dg
import duckdb
import pytest

from defcoop_dagster.warehouse.publish import PICTURES, leftovers, picture_work_path, work_path

from .conftest import SEEDS, published_copy
from .processes import env_for, instance_of, new_home, start_defcoop

SELECT_PUBLISHING = "cooperation_network,dyad_timelines,published_warehouse"


@pytest.fixture(params=["tmpfs", "rlimit"])
def small_disk(request, tmp_path):
    """A 64 MB tmpfs, or None: the file size limit of the process stands for the full disk."""
    if request.param == "rlimit":
        yield None
        return
    mnt = tmp_path / "disk"
    mnt.mkdir()
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=64m", "tmpfs", str(mnt)], capture_output=True)
    if mounted.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here ({mounted.stderr.decode().strip()}): the rlimit variant runs")
    try:
        yield mnt
    finally:
        subprocess.run(["umount", "-l", str(mnt)], check=False)


def fill(disk, leave: int) -> None:
    """Take all free space of the disk but ``leave`` bytes."""
    filler = disk / "filler"
    filler.unlink(missing_ok=True)
    st = os.statvfs(disk)
    with open(filler, "wb") as f:
        os.posix_fallocate(f.fileno(), 0, st.f_bavail * st.f_frsize - leave)


def digests(db) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in [db, *(db.parent / n for n in PICTURES)]}


def defcoop(env, *args, fsize: int | None = None):
    limit = (lambda: resource.setrlimit(resource.RLIMIT_FSIZE, (fsize, fsize))) if fsize else None
    proc = start_defcoop(env, *args, preexec_fn=limit)
    out, err = proc.communicate(timeout=900)
    return proc.returncode, out, err


def told(err: str) -> str:
    (line,) = [x for x in err.splitlines() if x.startswith("the run failed: ")]
    return line.removeprefix("the run failed: ")


def step_failure(instance: dg.DagsterInstance) -> tuple[str, str]:
    """The failed step of the latest run and the error message the UI shows for it."""
    run = instance.get_runs(limit=1)[0]
    (record,) = instance.get_records_for_run(run.run_id, of_type=dg.DagsterEventType.STEP_FAILURE).records
    event = record.event_log_entry.dagster_event
    return event.step_key, event.step_failure_data.error.message.strip()


@pytest.mark.e2e
def test_a_full_disk_is_told_in_one_line_and_changes_nothing(tmp_path, small_disk, seeds_run):
    folder = small_disk or tmp_path / "plain"
    folder.mkdir(exist_ok=True)
    db = published_copy(seeds_run, folder)  # the last good run on SEEDS, published (its files copied here)
    before = digests(db)
    home = new_home(tmp_path)
    env = env_for(home, SEEDS, db)
    instance = instance_of(home)

    if small_disk is not None:
        # 2. the whole graph on a disk with 1 MB free: the first write that does not fit fails the run
        fill(small_disk, leave=1 << 20)
        code, _, err = defcoop(env, "--force")  # every step writes (over an unchanged folder none would)
        assert code != 0
        assert told(err).startswith(f"No space left on device: cannot write the warehouse work file {work_path(db)}")
        step, message = step_failure(instance)
        assert message.endswith(told(err)), message  # the same line on the failed step in the UI
        assert digests(db) == before and leftovers(db) == []

    # 3. new pictures drawn, the publishing copy does not fit: the published file and pictures stay as they were
    con = duckdb.connect(str(work_path(db)))
    con.execute(
        "DELETE FROM dyad_events WHERE country_a <> (SELECT min(country_a) FROM dyad_events)"
    )  # the network reads it
    con.close()
    if small_disk is not None:
        fill(small_disk, leave=4 << 20)  # the pictures fit, a copy of the 9 MB warehouse does not
        code, _, err = defcoop(env, "--select", SELECT_PUBLISHING)
        cause = "No space left on device"
    else:
        code, _, err = defcoop(env, "--select", SELECT_PUBLISHING, fsize=db.stat().st_size // 2)
        cause = "File too large"
    assert code != 0
    assert told(err).startswith(f"{cause}: cannot write the published warehouse {db}")
    assert step_failure(instance) == ("published_warehouse", step_failure(instance)[1])
    assert step_failure(instance)[1].endswith(told(err))
    assert digests(db) == before and leftovers(db) == []
    drawn = {n: hashlib.sha256(picture_work_path(db, n).read_bytes()).hexdigest() for n in PICTURES}
    assert drawn["network.png"] != before["network.png"]  # drawn for the new data, not published

    # 4. space again: the next run publishes the warehouse with the pictures drawn for it
    (folder / "filler").unlink(missing_ok=True)
    code, _, err = defcoop(env, "--select", SELECT_PUBLISHING)
    assert code == 0, err[-3000:]
    after = digests(db)
    assert after[db.name] != before[db.name] and leftovers(db) == []
    assert {n: after[n] for n in PICTURES} == drawn
    instance.dispose()

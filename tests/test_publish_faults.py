"""Publishing under faults: leftovers of a crashed publishing removed, pictures published with the
warehouse and never before, a full disk told in one line with its cause."""

import errno
import fcntl
import hashlib
import os
import subprocess
import sys

import duckdb
import pytest

from defcoop_dagster.cli import failure_reason
from defcoop_dagster.faults import fault_line, machine_fault
from defcoop_dagster.warehouse.publish import PICTURES, folder_lock, leftovers, picture_work_path, publish, work_path


def digest(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def drawn(tmp_path):
    """A work file with one table and its two pictures drawn, as the graph leaves them before publishing."""
    target = tmp_path / "data" / "w.duckdb"
    target.parent.mkdir()
    con = duckdb.connect(str(work_path(target)))
    con.execute("CREATE TABLE articles AS SELECT 'новая статья' AS title")
    con.close()
    for name in PICTURES:
        picture_work_path(target, name).write_bytes(f"new {name}".encode())
    return target


def published_before(target):
    """The last good publishing: a warehouse and its pictures; returns their digests."""
    con = duckdb.connect(str(target))
    con.execute("CREATE TABLE articles AS SELECT 'last good run' AS title")
    con.close()
    for name in PICTURES:
        (target.parent / name).write_bytes(f"old {name}".encode())
    return {p.name: digest(p) for p in [target, *(target.parent / n for n in PICTURES)]}


def test_pictures_are_published_with_the_warehouse(drawn):
    assert not any((drawn.parent / name).exists() for name in PICTURES)  # drawn, not yet published
    stats = publish(work_path(drawn), drawn)
    assert stats["pictures"] == list(PICTURES)
    for name in PICTURES:
        assert (drawn.parent / name).read_bytes() == f"new {name}".encode()
    titles = duckdb.connect(str(drawn), read_only=True).sql("SELECT title FROM articles").fetchall()
    assert titles == [("новая статья",)]


def test_leftovers_of_a_crashed_publishing_are_removed(drawn):
    folder = drawn.parent
    left = [
        folder / ".w.duckdb.0badf00d.tmp",  # the copy a killed publishing was writing
        folder / ".w.duckdb.0badf00d.tmp.wal",
        folder / ".network.png.1a2b3c4d.tmp",
        folder / "..w.work.timelines.png.x8y9z0.tmp",  # a picture being drawn when the step died
    ]
    for path in left:
        path.write_bytes(b"\0" * 4096)
    other = folder / ".other.duckdb.0badf00d.tmp"  # another warehouse's: not ours to remove
    other.write_bytes(b"x")
    assert leftovers(drawn) == sorted(left)
    stats = publish(work_path(drawn), drawn)
    assert sorted(stats["leftovers_removed"]) == sorted(p.name for p in left)
    assert not any(p.exists() for p in left) and other.exists()
    assert leftovers(drawn) == []


def test_a_failed_publishing_changes_nothing_and_leaves_nothing(drawn):
    before = published_before(drawn)
    work_path(drawn).write_bytes(b"not a database at all")  # the copy fails
    with pytest.raises(duckdb.Error):
        publish(work_path(drawn), drawn)
    assert {p.name: digest(p) for p in [drawn, *(drawn.parent / n for n in PICTURES)]} == before
    assert leftovers(drawn) == []


def test_the_publishing_lock_is_exclusive_between_processes(tmp_path):
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sys, time; from defcoop_dagster.warehouse.publish import folder_lock\n"
            f"with folder_lock(__import__('pathlib').Path({str(tmp_path)!r})):\n"
            "    print('locked', flush=True); time.sleep(30)",
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout.readline().strip() == "locked"
        fd = os.open(tmp_path, os.O_RDONLY)
        try:
            with pytest.raises(BlockingIOError):
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)  # a publishing runs: its copy is not a leftover
        finally:
            os.close(fd)
    finally:
        holder.kill()
        holder.wait()
    with folder_lock(tmp_path):  # released when its process died
        pass


def test_a_full_disk_is_found_behind_a_failed_rollback():
    try:
        try:
            raise duckdb.TransactionException(
                'TransactionContext Error: Failed to commit: Could not write file "/d/.w.work.duckdb.wal": '
                "No space left on device"
            )
        except duckdb.Error:
            # as a ROLLBACK after the failed COMMIT raises it: implicitly chained, not "from"
            raise duckdb.TransactionException("TransactionContext Error: cannot rollback - no transaction is active")  # noqa: B904
    except duckdb.Error as e:
        code, told_by = machine_fault(e)
    assert code == errno.ENOSPC and "Failed to commit" in str(told_by)
    assert machine_fault(ValueError("a bug")) is None
    assert machine_fault(OSError(errno.EFBIG, "File too large"))[0] == errno.EFBIG
    assert fault_line(errno.ENOSPC, "the published warehouse /d/w.duckdb") == (
        "No space left on device: cannot write the published warehouse /d/w.duckdb; free space on that disk, or set "
        "DEFCOOP_DUCKDB_PATH to a folder on another disk."
    )


def test_the_cli_tells_a_full_disk_rather_than_materialization_failed():
    output = (
        "OSError: [Errno 28] No space left on device: '/home/x/.dagster_home/history/runs/abc.db'\n"
        "dagster._core.errors.DagsterExecutionStepExecutionError: Error occurred while executing op\n"
        "Error: Materialization failed.\n"
    )
    assert failure_reason(output).startswith("No space left on device: OSError: [Errno 28] No space left on device")
    assert failure_reason("ValueError: bad\nError: Materialization failed.\n") == "ValueError: bad"

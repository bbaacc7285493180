"""How publishing copies the work file: as bytes when it is in the published storage version with nothing
left in its log, by its tables otherwise; either way a file DuckDB 1.x reads, with every committed row."""

import filecmp

import duckdb

from defcoop_dagster.warehouse.publish import (
    STORAGE_VERSION,
    leftovers,
    new_database,
    publish,
    storage_of,
    temporary,
    work_path,
)

from .conftest import query


def storage_of_file(path) -> str:
    con = duckdb.connect()
    try:
        con.execute("ATTACH ? AS f (READ_ONLY)", [str(path)])
        return storage_of(con, "f")
    finally:
        con.close()


def fill(path, rows: int, checkpoint: bool = True) -> None:
    con = duckdb.connect(str(path))
    if not checkpoint:  # the rows stay in the log (path.wal), as after a writer killed before its checkpoint
        con.execute("PRAGMA disable_checkpoint_on_shutdown")
        con.execute("SET checkpoint_threshold = '1GB'")
    con.execute(
        "CREATE OR REPLACE TABLE meetings AS SELECT range AS id, 'встреча ' || range AS title FROM range(?)", [rows]
    )
    con.close()


def rows_of(path) -> int:
    return query(path, "SELECT count(*) FROM meetings")[0][0]


def test_a_new_work_file_is_in_the_published_storage_and_is_published_as_its_bytes(tmp_path):
    work, published = tmp_path / ".w.work.duckdb", tmp_path / "w.duckdb"
    new_database(work)
    assert storage_of_file(work) == STORAGE_VERSION
    fill(work, 1000)
    stats = publish(work, published)
    assert filecmp.cmp(work, published, shallow=False)
    assert stats["rows"] == {"meetings": 1000} and rows_of(published) == 1000


def test_a_work_file_whose_creation_was_killed_leaves_nothing_after_the_next_publishing(tmp_path):
    published = tmp_path / "w.duckdb"
    work = work_path(published)
    staged = temporary(work)  # what new_database leaves when killed before the file is linked into place
    staged.write_bytes(b"")
    assert leftovers(published) == [staged]
    new_database(work)
    fill(work, 10)
    publish(work, published)
    assert leftovers(published) == [] and rows_of(published) == 10


def test_new_database_never_replaces_a_file_that_is_there(tmp_path):
    work = tmp_path / "w.duckdb"
    fill(work, 3)
    new_database(work)
    assert rows_of(work) == 3


def test_a_work_file_in_duckdb_s_own_storage_is_published_in_the_published_one(tmp_path):
    work, published = tmp_path / ".w.work.duckdb", tmp_path / "w.duckdb"
    fill(work, 500)  # created by DuckDB as it is: its own, newer storage
    assert storage_of_file(work) != STORAGE_VERSION
    publish(work, published)
    assert storage_of_file(published) == STORAGE_VERSION and rows_of(published) == 500


def test_rows_still_in_the_log_are_published_too(tmp_path):
    work, published = tmp_path / ".w.work.duckdb", tmp_path / "w.duckdb"
    new_database(work)
    fill(work, 700, checkpoint=False)
    assert work.with_name(work.name + ".wal").exists()  # the file's bytes alone do not hold the rows
    publish(work, published)
    assert storage_of_file(published) == STORAGE_VERSION and rows_of(published) == 700

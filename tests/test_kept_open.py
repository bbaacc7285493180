"""A step's connections to the private work file share one open database (``Warehouse.kept_open``),
released when the step ends; written in place, nothing is kept."""

import subprocess
import sys

from defcoop_dagster.defs.resources import Warehouse


def databases(warehouse: Warehouse) -> set[str]:
    with warehouse.get_connection() as con:
        return {r[0] for r in con.execute("SELECT database_name FROM duckdb_databases()").fetchall()}


def opened_elsewhere(path) -> bool:
    """Whether another process can open ``path`` for writing now."""
    code = "import duckdb, sys; duckdb.connect(sys.argv[1]).close()"
    return subprocess.run([sys.executable, "-c", code, str(path)], capture_output=True).returncode == 0


def test_a_steps_connections_share_the_open_work_file_until_it_ends(tmp_path):
    warehouse = Warehouse(database=str(tmp_path / "w.duckdb"), private_work_file=True)
    with warehouse.kept_open():
        with warehouse.get_connection() as con:
            con.execute("ATTACH ':memory:' AS scratch")  # belongs to the open database, not the connection
        assert "scratch" in databases(warehouse)  # a later block of the step opens the same database
        assert not opened_elsewhere(warehouse.path_written())  # held, as while a block is open
    assert "scratch" not in databases(warehouse)  # closed with the step: opened anew
    assert opened_elsewhere(warehouse.path_written())


def test_written_in_place_nothing_is_kept(tmp_path):
    warehouse = Warehouse(database=str(tmp_path / "w.duckdb"))
    with warehouse.kept_open():
        with warehouse.get_connection() as con:
            con.execute("ATTACH ':memory:' AS scratch")
        assert "scratch" not in databases(warehouse)
        assert opened_elsewhere(warehouse.database)  # readers of the published file are not held off

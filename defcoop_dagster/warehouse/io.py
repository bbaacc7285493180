"""Atomic table replacement and quarantine rows in one DuckDB transaction."""

import datetime as dt

import duckdb
import pandas as pd

from .tables import TABLES, ddl


def ensure_table(con: duckdb.DuckDBPyConnection, table: str) -> None:
    cols = ", ".join(f'"{n}" {k}' for n, k in TABLES[table].items())
    con.execute(f'CREATE TABLE IF NOT EXISTS "{table}" ({cols})')


def replace_table(
    con: duckdb.DuckDBPyConnection,
    table: str,
    df: pd.DataFrame,
    quarantined: pd.DataFrame | None = None,
    run_id: str | None = None,
) -> None:
    """Replace ``table`` with ``df`` and this asset's quarantine rows, all or nothing.

    A failure anywhere rolls back, so readers see the previous table until the new one is whole.
    """
    columns = list(TABLES[table])
    frame = df[columns]  # a missing column raises here, before anything is touched
    con.execute("BEGIN TRANSACTION")
    try:
        con.execute(ddl(table))
        con.register("_incoming", frame)
        con.execute(f'INSERT INTO "{table}" SELECT * FROM _incoming')
        con.unregister("_incoming")
        ensure_table(con, "quarantine")
        con.execute("DELETE FROM quarantine WHERE asset = ?", [table])
        if quarantined is not None and len(quarantined):
            q = quarantined.assign(asset=table, run_id=run_id, quarantined_at=dt.datetime.now())
            con.register("_quarantine", q[list(TABLES["quarantine"])])
            con.execute("INSERT INTO quarantine SELECT * FROM _quarantine")
            con.unregister("_quarantine")
        con.execute("COMMIT")
    except BaseException:
        con.execute("ROLLBACK")
        raise


def read_table(con: duckdb.DuckDBPyConnection, table: str) -> pd.DataFrame:
    return con.execute(f'SELECT * FROM "{table}"').df()

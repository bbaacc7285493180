"""Atomic table replacement and quarantine rows in one DuckDB transaction."""

import contextlib
import datetime as dt

import duckdb
import pandas as pd

from .runstate import forget
from .tables import TABLES


def ensure_table(con: duckdb.DuckDBPyConnection, table: str) -> None:
    """Create ``table`` if missing; add the columns a warehouse made by an older version lacks."""
    declared = TABLES[table]
    con.execute(declared.ddl().replace("CREATE OR REPLACE TABLE", "CREATE TABLE IF NOT EXISTS"))
    have = {
        r[0] for r in con.execute("SELECT column_name FROM duckdb_columns() WHERE table_name = ?", [table]).fetchall()
    }
    for column in declared.columns:
        if column.name not in have:
            con.execute(f'ALTER TABLE "{table}" ADD COLUMN "{column.name}" {column.type}')


def replace_table(
    con: duckdb.DuckDBPyConnection,
    table: str,
    df: pd.DataFrame,
    quarantined: pd.DataFrame | None = None,
    run_id: str | None = None,
) -> None:
    """Replace ``table`` with ``df`` and its quarantine rows, all or nothing."""
    replace_tables(con, {table: (df, quarantined)}, run_id)


def replace_tables(
    con: duckdb.DuckDBPyConnection,
    tables: dict[str, tuple[pd.DataFrame, pd.DataFrame | None]],
    run_id: str | None = None,
    kept_articles: pd.Series | None = None,
    forget_steps: list[str] | None = None,
    owners: dict[str, tuple[str, str] | None] | None = None,
) -> None:
    """Replace several tables and their quarantine rows in one transaction.

    ``kept_articles``: articles whose rows an incremental stage kept from the last run; their
    quarantined rows are kept too (they are not in the tables, so not among the rows passed here).
    ``owners``: the tables (of ``tables``) whose kept articles' rows stay where they are, the frames
    passed holding only the other articles' rows; each with None when it has article_id, else its
    (parent table, key). The others' old rows are deleted; nothing else is rewritten.
    A failure anywhere rolls back, so readers see the previous tables until the new ones are whole.
    """
    frames = {name: df[TABLES[name].names] for name, (df, _) in tables.items()}  # a missing column raises here
    owners = owners or {}
    kept = pd.DataFrame({"article_id": list(kept_articles) if kept_articles is not None else []})
    con.execute("BEGIN TRANSACTION")
    try:
        if forget_steps:  # their fingerprints no longer describe these tables (runstate.py)
            forget(con, forget_steps)
        ensure_table(con, "quarantine")
        con.register("_kept", kept)
        for name, owner in owners.items():  # before the new rows go in, which belong to no kept article
            delete_unkept(con, name, owner)
        for name, frame in frames.items():
            if name not in owners:
                con.execute(TABLES[name].ddl())
            con.register("_incoming", frame)
            con.execute(f'INSERT INTO "{name}" SELECT * FROM _incoming')
            con.unregister("_incoming")
            if len(kept):
                con.execute(
                    "DELETE FROM quarantine WHERE asset = ? AND (article_id IS NULL "
                    "OR article_id NOT IN (SELECT article_id FROM _kept))",
                    [name],
                )
            else:
                con.execute("DELETE FROM quarantine WHERE asset = ?", [name])
            quarantined = tables[name][1]
            if quarantined is not None and len(quarantined):
                rows = quarantined.assign(asset=name, run_id=run_id, quarantined_at=dt.datetime.now())
                con.register("_quarantine", rows[TABLES["quarantine"].names])
                con.execute("INSERT INTO quarantine SELECT * FROM _quarantine")
                con.unregister("_quarantine")
        con.execute("COMMIT")
    except BaseException:
        rollback(con)
        raise
    finally:
        con.unregister("_kept")


def delete_unkept(con: duckdb.DuckDBPyConnection, table: str, owner: tuple[str, str] | None) -> None:
    """Delete the rows of ``table`` that belong to no article of ``_kept`` (through ``owner``, its
    (parent, key), when it has no article_id)."""
    if owner is None:
        con.execute(f'DELETE FROM "{table}" WHERE article_id NOT IN (SELECT article_id FROM _kept)')
        return
    parent, key = owner
    con.execute(
        f'DELETE FROM "{table}" WHERE "{key}" NOT IN '
        f'(SELECT "{key}" FROM "{parent}" WHERE article_id IN (SELECT article_id FROM _kept))'
    )


def as_declared(con: duckdb.DuckDBPyConnection, tables: list[str]) -> bool:
    """Every one of ``tables`` exists with its declared columns, in order: rows can be added to it."""
    rows = con.execute(
        "SELECT table_name, list(column_name ORDER BY column_index) FROM duckdb_columns() "
        "WHERE schema_name = current_schema() AND table_name IN (SELECT unnest(?)) GROUP BY ALL",
        [tables],
    ).fetchall()
    found = dict(rows)
    return all(found.get(name) == TABLES[name].names for name in tables)


def rollback(con: duckdb.DuckDBPyConnection) -> None:
    """Roll back if a transaction is still open: a COMMIT that failed (a full disk) has ended it
    already, and the ROLLBACK's own error would hide the one that says why."""
    with contextlib.suppress(duckdb.TransactionException):
        con.execute("ROLLBACK")

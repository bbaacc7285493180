"""Parquet parts: each partition writes its rows of each table to ``<parts>/<table>/<key>.parquet``.

Partitions never share a file, so any number of them run at once, on any machine that mounts the
parts folder. Parts are written through an in-memory DuckDB table made from the table's declaration,
so their column types are the warehouse's. No Dagster here.
"""

import os
from pathlib import Path

import duckdb
import pandas as pd

from ..warehouse.tables import TABLES

# article_id → digest of the inputs the extraction read (body and INPUTS): which part holds an article as
# the assembled warehouse has it
BATCH_ARTICLES = "batch_articles"
BATCH_ARTICLES_DDL = f'CREATE OR REPLACE TABLE "{BATCH_ARTICLES}" ("article_id" VARCHAR, "inputs" VARCHAR)'


def part_path(parts_dir: Path, table: str, key: str) -> Path:
    return Path(parts_dir) / table / f"{key}.parquet"


def _ddl(table: str) -> str:
    """The table's columns and types without its constraints: parts hold rows before validation, which
    quarantines (rather than refuses) a duplicate key."""
    if table == BATCH_ARTICLES:
        return BATCH_ARTICLES_DDL
    columns = ", ".join(f'"{c.name}" {c.type}' for c in TABLES[table].columns)
    return f'CREATE OR REPLACE TABLE "{table}" ({columns})'


def _columns(table: str) -> list[str]:
    return ["article_id", "inputs"] if table == BATCH_ARTICLES else TABLES[table].names


def write_parts(parts_dir: Path, key: str, frames: dict[str, pd.DataFrame], last: str) -> None:
    """The parts of batch ``key``: every table written under a temporary name, then renamed, ``last`` at
    the end, so the assembly (which looks for ``last``) never reads a batch half written for the first time."""
    con = duckdb.connect()
    written = []
    try:
        for table, df in frames.items():
            con.execute(_ddl(table))
            con.register("_rows", df[_columns(table)])
            con.execute(f'INSERT INTO "{table}" SELECT * FROM _rows')
            con.unregister("_rows")
            path = part_path(parts_dir, table, key)
            path.parent.mkdir(parents=True, exist_ok=True)
            tmp = path.with_name(f".{path.name}.tmp")
            con.execute(f"COPY \"{table}\" TO '{tmp}' (FORMAT parquet)")
            written.append((tmp, path, table == last))
    finally:
        con.close()
    for tmp, path, _ in sorted(written, key=lambda w: w[2]):
        os.replace(tmp, path)


def part_files(parts_dir: Path, table: str, keys: list[str]) -> list[str]:
    return [str(p) for key in keys if (p := part_path(parts_dir, table, key)).is_file()]


def scan_parts(con: duckdb.DuckDBPyConnection, parts_dir: Path, table: str, keys: list[str]) -> str:
    """A SQL relation over the parts of ``table`` of batches ``keys``: the table's columns, the batch's
    key (``_batch``) and the row's place in its part (``_row``); empty with the same columns if none."""
    files = part_files(parts_dir, table, keys)
    if not files:
        con.execute(_ddl(table).replace(f'"{table}"', f'"_empty_{table}"'))
        return f'(SELECT *, NULL::VARCHAR AS _batch, NULL::BIGINT AS _row FROM "_empty_{table}")'
    listed = ", ".join(f"'{f}'" for f in files)
    return (
        f"(SELECT * EXCLUDE (filename, file_row_number), "
        f"regexp_extract(filename, '([^/]+)\\.parquet$', 1) AS _batch, file_row_number AS _row "
        f"FROM read_parquet([{listed}], filename = true, file_row_number = true))"
    )

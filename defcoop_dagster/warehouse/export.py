"""Every table of the published warehouse as Parquet or CSV files, for readers without DuckDB.

Parquet keeps the types (dates, lists, booleans) and is what pandas, polars, R (arrow) and Excel's
Power Query read best. CSV is for everything else: UTF-8 with a header, NULL as an empty field,
list columns (``countries``, ``parties``…) as JSON arrays (``["AZE","BLR"]``), so no comma inside a
list can be taken for a column break.
"""

import os
from pathlib import Path

import duckdb

FORMATS = ("parquet", "csv")


def _literal(path: Path) -> str:
    return "'" + str(path).replace("'", "''") + "'"


def tables(con: duckdb.DuckDBPyConnection) -> list[str]:
    return [
        r[0]
        for r in con.execute(
            "SELECT table_name FROM duckdb_tables() WHERE database_name = current_database() "
            "AND schema_name = 'main' ORDER BY table_name"
        ).fetchall()
    ]


def csv_select(con: duckdb.DuckDBPyConnection, table: str) -> str:
    """The table with its list columns as JSON text, the rest as it is."""
    columns = con.execute(
        "SELECT column_name, data_type FROM duckdb_columns() WHERE database_name = current_database() "
        "AND schema_name = 'main' AND table_name = ? ORDER BY column_index",
        [table],
    ).fetchall()
    parts = [f'to_json("{c}") AS "{c}"' if kind.endswith("[]") else f'"{c}"' for c, kind in columns]
    return f'SELECT {", ".join(parts)} FROM "{table}"'


def export(warehouse: str | Path, out_dir: str | Path, fmt: str = "parquet") -> dict[str, int]:
    """Write each table of ``warehouse`` to ``out_dir/<table>.<fmt>``; returns rows per table.

    The warehouse is opened read-only, so the pipeline keeps running; each file is written under a
    temporary name and renamed, so a reader never opens half a file.
    """
    if fmt not in FORMATS:
        raise ValueError(f"format {fmt!r}: use one of {', '.join(FORMATS)}")
    warehouse, out_dir = Path(warehouse).expanduser(), Path(out_dir).expanduser()
    if not warehouse.is_file():
        raise FileNotFoundError(f"no warehouse at {warehouse}: run `defcoop materialize` first")
    out_dir.mkdir(parents=True, exist_ok=True)
    options = "FORMAT parquet, COMPRESSION zstd" if fmt == "parquet" else "FORMAT csv, HEADER true"
    rows = {}
    con = duckdb.connect(str(warehouse), read_only=True)
    try:
        for table in tables(con):
            target = out_dir / f"{table}.{fmt}"
            tmp = out_dir / f".{table}.{fmt}.tmp"
            query = f'SELECT * FROM "{table}"' if fmt == "parquet" else csv_select(con, table)
            con.execute(f"COPY ({query}) TO {_literal(tmp)} ({options})")
            os.replace(tmp, target)
            rows[table] = con.execute(f'SELECT count(*) FROM "{table}"').fetchone()[0]
    finally:
        con.close()
    return rows

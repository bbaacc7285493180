"""defcoop export: every published table as Parquet or CSV, read back equal by DuckDB and pandas."""

import json
import subprocess
import sys
from pathlib import Path

import duckdb
import pandas as pd
import pytest

from defcoop_dagster.warehouse.export import export, tables

BIN = Path(sys.executable).parent


def warehouse_tables(db: Path) -> dict[str, pd.DataFrame]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return {t: con.execute(f'SELECT * FROM "{t}"').df() for t in tables(con)}
    finally:
        con.close()


def as_text(df: pd.DataFrame) -> pd.DataFrame:
    """What a CSV can hold: lists as JSON arrays, NULL as empty, everything else as its text."""

    def cell(v):
        if isinstance(v, list | tuple) or hasattr(v, "tolist") and not pd.api.types.is_scalar(v):
            return json.dumps(list(v), ensure_ascii=False, separators=(",", ":"))
        if v is None or pd.isna(v):
            return ""
        if isinstance(v, bool):
            return str(v).lower()
        if isinstance(v, pd.Timestamp):
            if v == v.normalize():
                return str(v.date())
            text = v.isoformat(sep=" ")
            # DuckDB writes a fraction of a second without its trailing zeros (.12345, not .123450)
            return text.rstrip("0") if "." in text else text
        return str(v)

    # column by column as objects: a nullable integer column would otherwise come through as floats
    return pd.DataFrame({c: df[c].astype(object).map(cell) for c in df.columns}, columns=df.columns)


@pytest.fixture(scope="module")
def exported(analytics_run, tmp_path_factory):
    _, db = analytics_run
    out = tmp_path_factory.mktemp("export")
    for fmt in ("parquet", "csv"):
        run = subprocess.run(
            [str(BIN / "defcoop"), "export", "--warehouse", str(db), "--format", fmt, str(out)],
            capture_output=True,
            text=True,
            timeout=300,
        )
        assert run.returncode == 0, run.stderr
    return db, out


def test_every_table_is_written(exported):
    db, out = exported
    names = set(warehouse_tables(db))
    assert {"articles", "meetings", "dyad_year", "quarantine", "stg_meetings"} <= names
    assert {p.stem for p in out.glob("*.parquet")} == names == {p.stem for p in out.glob("*.csv")}
    assert not list(out.glob(".*"))  # no temporary file left


def test_parquet_reads_back_equal_in_duckdb_and_pandas(exported):
    db, out = exported
    con = duckdb.connect(str(db), read_only=True)
    try:
        for table in tables(con):
            path = str(out / f"{table}.parquet")
            # DuckDB: the same rows and types, both ways
            diff = con.execute(
                f'SELECT count(*) FROM ((SELECT * FROM "{table}" EXCEPT ALL SELECT * FROM read_parquet(?)) '
                f'UNION ALL (SELECT * FROM read_parquet(?) EXCEPT ALL SELECT * FROM "{table}"))',
                [path, path],
            ).fetchone()[0]
            assert diff == 0, table
            # names and types (Parquet keeps no NOT NULL constraint)
            read = con.execute("DESCRIBE SELECT * FROM read_parquet(?)", [path]).fetchall()
            assert [r[:2] for r in read] == [r[:2] for r in con.execute(f'DESCRIBE "{table}"').fetchall()]
    finally:
        con.close()
    for table, df in warehouse_tables(db).items():
        # numpy_nullable: integers with NULLs stay integers (the default would turn them into floats)
        back = pd.read_parquet(out / f"{table}.parquet", dtype_backend="numpy_nullable")
        assert as_text(back).equals(as_text(df)), table


def test_csv_reads_back_equal_in_pandas_and_duckdb(exported):
    db, out = exported
    for table, df in warehouse_tables(db).items():
        back = pd.read_csv(out / f"{table}.csv", dtype=str, keep_default_na=False)
        assert list(back.columns) == list(df.columns), table
        assert back.equals(as_text(df).reset_index(drop=True)), table
    con = duckdb.connect(str(db), read_only=True)
    try:
        # DuckDB reads the lists back from their JSON text, the other columns with their types
        path = str(out / "stg_meetings.csv")
        back = con.execute(
            "SELECT meeting_id, event_date, countries::JSON::VARCHAR[] AS countries, confidence FROM read_csv(?)",
            [path],
        ).fetchall()
        assert back == con.execute("SELECT meeting_id, event_date, countries, confidence FROM stg_meetings").fetchall()
    finally:
        con.close()


def test_a_missing_warehouse_says_so(tmp_path):
    with pytest.raises(FileNotFoundError, match="defcoop materialize"):
        export(tmp_path / "none.duckdb", tmp_path / "out")

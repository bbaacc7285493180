"""Incremental stages: which articles a stage has processed, with which extractor and which inputs.

An article's id digests its cleaned body; a stage also reads a few other fields of the article (the
publication date, the dateline). A stage keeps the rows of an article whose id, extractor version
and input digest are those it recorded, and processes the others.
"""

import hashlib

import duckdb
import pandas as pd

from .tables import TABLES

STATE_COLUMNS = TABLES["extraction_state"].names


def input_digests(articles: pd.DataFrame, columns: list[str]) -> list[str]:
    """A digest per article of the fields ``columns`` the stage reads besides the body."""
    return [
        hashlib.sha1(repr(tuple(_canonical(v) for v in row)).encode()).hexdigest()[:16]
        for row in articles[columns].itertuples(index=False)
    ]


def _canonical(value) -> str | None:
    # an integer column read with NULLs comes back as floats: 12.0 must digest as 12
    if value is None or pd.isna(value):
        return None
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _columns(con: duckdb.DuckDBPyConnection, table: str) -> set[str]:
    return {
        r[0] for r in con.execute("SELECT column_name FROM duckdb_columns() WHERE table_name = ?", [table]).fetchall()
    }


def unchanged(con: duckdb.DuckDBPyConnection, state_table: str, version: str, current: pd.DataFrame) -> pd.DataFrame:
    """Articles of ``current`` (article_id, inputs) this version processed from the same inputs, with
    when it did; none when the state table is missing or from an older layout."""
    if not set(STATE_COLUMNS) <= _columns(con, state_table):
        return pd.DataFrame(columns=["article_id", "analysed_at"])
    state = con.execute(
        f'SELECT article_id, inputs, analysed_at FROM "{state_table}" WHERE extractor_version = ?', [version]
    ).df()
    return current[["article_id", "inputs"]].merge(state, on=["article_id", "inputs"])[["article_id", "analysed_at"]]


def rows_of(con: duckdb.DuckDBPyConnection, table: str, key: str, values) -> pd.DataFrame:
    """The rows of ``table`` whose ``key`` is among ``values``."""
    if not _columns(con, table) or not len(values):
        return TABLES[table].empty()
    con.register("_wanted", pd.DataFrame({key: list(values)}))
    try:
        return con.execute(f'SELECT t.* FROM "{table}" t SEMI JOIN _wanted w ON t."{key}" = w."{key}"').df()
    finally:
        con.unregister("_wanted")


def stack(kept: pd.DataFrame, new: pd.DataFrame) -> pd.DataFrame:
    """Kept rows and new rows of one table, in the table's column order."""
    # all-empty columns are left out of the concatenation, so they do not decide its dtypes
    parts = [df.dropna(axis=1, how="all") for df in (kept, new) if len(df)]
    return pd.concat(parts, ignore_index=True).reindex(columns=new.columns) if parts else new


def new_state(current: pd.DataFrame, kept: pd.DataFrame, version: str) -> pd.DataFrame:
    """The state to record: every current article, kept ones with the time they were processed."""
    since = dict(zip(kept["article_id"], kept["analysed_at"], strict=True))
    now = pd.Timestamp.now()
    return pd.DataFrame(
        {
            "article_id": current["article_id"],
            "extractor_version": version,
            "analysed_at": [since.get(a, now) for a in current["article_id"]],
            "inputs": current["inputs"],
        },
        columns=STATE_COLUMNS,
    )

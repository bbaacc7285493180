"""What the Dagster UI shows of a table: its columns with their meaning, row count, a preview."""

import dagster as dg
import pandas as pd

from .validation import Validated
from .warehouse.tables import TABLES

PREVIEW_ROWS = 10
PREVIEW_CHARS = 80


def _short(value) -> str:
    """A cell for a markdown table: NULL (None, NaN, NaT) shows as empty."""
    if value is None or (pd.api.types.is_scalar(value) and pd.isna(value)):
        return ""
    text = " ".join(str(value).split()).replace("|", "\\|")
    return text if len(text) <= PREVIEW_CHARS else text[: PREVIEW_CHARS - 1] + "…"


def _cell(value):
    """A cell of a table preview: NULL stays NULL (the UI shows it empty), lists read as text."""
    if isinstance(value, list | tuple) or (hasattr(value, "tolist") and not pd.api.types.is_scalar(value)):
        return ", ".join("" if v is None else str(v) for v in list(value))
    if value is None or pd.isna(value):
        return None
    if isinstance(value, pd.Timestamp):  # a DATE column reads back as midnight: show the day alone
        return str(value.date()) if value == value.normalize() else str(value)
    if isinstance(value, float) and value.is_integer():  # an integer column with a NULL reads as float
        return int(value)
    if isinstance(value, bool | int | float | str):
        return value if not isinstance(value, str) or len(value) <= PREVIEW_CHARS else value[: PREVIEW_CHARS - 1] + "…"
    if hasattr(value, "item"):  # numpy scalars
        return _cell(value.item())
    return _cell(str(value))


def preview_table(df: pd.DataFrame, columns: list[str] | None = None, rows: int = PREVIEW_ROWS) -> dg.MetadataValue:
    """The first rows as a table the UI shows inline (markdown over 1000 characters hides behind a
    button), with NULL shown as an empty cell rather than None, NaN or NaT."""
    cols = columns or list(df.columns)
    records = [
        dg.TableRecord({c: _cell(v) for c, v in zip(cols, row, strict=True)})
        for row in df[cols].head(rows).itertuples(index=False)
    ]
    return dg.MetadataValue.table(records, schema=dg.TableSchema(columns=[dg.TableColumn(c, "string") for c in cols]))


def markdown_table(df: pd.DataFrame, columns: list[str] | None = None, rows: int = PREVIEW_ROWS) -> str:
    cols = columns or list(df.columns)
    if df.empty:
        return "_no rows_"
    head = "| " + " | ".join(cols) + " |\n|" + "---|" * len(cols) + "\n"
    body = "\n".join(
        "| " + " | ".join(_short(v) for v in row) + " |" for row in df[cols].head(rows).itertuples(index=False)
    )
    return head + body


def column_schema(table: str) -> dg.TableSchema:
    """The declared columns of ``table``, each with its type, meaning and constraints."""
    return dg.TableSchema(
        columns=[
            dg.TableColumn(
                c.name,
                c.type,
                description=c.description,
                constraints=dg.TableColumnConstraints(nullable=c.nullable, unique=c.key),
            )
            for c in TABLES[table].columns
        ]
    )


def table_metadata(table: str, df: pd.DataFrame, preview_columns: list[str]) -> dict:
    return {
        "dagster/row_count": len(df),
        "dagster/table_name": table,
        "dagster/column_schema": column_schema(table),
        "preview": preview_table(df, preview_columns),
    }


def written_metadata(con, table: str, preview_columns: list[str]) -> dict:
    """``table_metadata`` of ``table`` as written in the DuckDB connection ``con``."""
    ((rows,),) = con.execute(f'SELECT count(*) FROM "{table}"').fetchall()
    head = TABLES[table].read_back(con.execute(f'SELECT * FROM "{table}" LIMIT {PREVIEW_ROWS}').df())
    return {**table_metadata(table, head, preview_columns), "dagster/row_count": rows}


def counts_in(con, table: str, column: str, label: str, rows: int = 50) -> dg.MetadataValue:
    """``counts`` of a column of ``table`` as written in the DuckDB connection ``con``."""
    frame = con.execute(
        f'SELECT "{column}", count(*) AS "{label}" FROM "{table}" WHERE "{column}" IS NOT NULL '
        f"GROUP BY ALL ORDER BY 2 DESC, 1"
    ).df()
    return dg.MetadataValue.md(markdown_table(frame, rows=rows))


def counts(series: pd.Series, label: str, rows: int = 50) -> dg.MetadataValue:
    """How many rows have each value of ``series``, as a markdown table."""
    frame = series.value_counts().rename_axis(series.name or "value").reset_index(name=label)
    return dg.MetadataValue.md(markdown_table(frame, rows=rows))


def schema_check(table: str, outcome: Validated, valid_rows: int) -> dg.AssetCheckResult:
    """The Pandera outcome as an asset check: failing rows are quarantined, so it warns. ``valid_rows``:
    the table's rows as written (kept rows included)."""
    failed = len(outcome.quarantined)
    return dg.AssetCheckResult(
        check_name="pandera_schema",
        asset_key=table,
        passed=failed == 0,
        severity=dg.AssetCheckSeverity.WARN,
        metadata={
            "rows_valid": valid_rows,
            "rows_quarantined": failed,
            "failure_cases": dg.MetadataValue.md(
                markdown_table(outcome.quarantined, ["rule", "column_name", "failure_case"], rows=50)
            ),
        },
    )

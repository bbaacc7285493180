"""Metadata shown in the UI for a written table: count, preview, column schema, check results."""

import dagster as dg
import pandas as pd

from ..validation import Validated
from ..warehouse.tables import TABLES

PREVIEW_ROWS = 10
PREVIEW_CHARS = 80


def _short(value) -> str:
    text = "" if value is None or (isinstance(value, float) and value != value) else str(value)
    text = " ".join(text.split()).replace("|", "\\|")
    return text if len(text) <= PREVIEW_CHARS else text[: PREVIEW_CHARS - 1] + "…"


def markdown_table(df: pd.DataFrame, columns: list[str] | None = None, rows: int = PREVIEW_ROWS) -> str:
    cols = columns or list(df.columns)
    if df.empty:
        return "_no rows_"
    head = "| " + " | ".join(cols) + " |\n|" + "---|" * len(cols) + "\n"
    body = "\n".join(
        "| " + " | ".join(_short(v) for v in row) + " |" for row in df[cols].head(rows).itertuples(index=False)
    )
    return head + body


def table_metadata(table: str, df: pd.DataFrame, preview_columns: list[str]) -> dict:
    return {
        "dagster/row_count": len(df),
        "dagster/table_name": table,
        "dagster/column_schema": dg.TableSchema(
            columns=[dg.TableColumn(name, kind) for name, kind in TABLES[table].items()]
        ),
        "preview": dg.MetadataValue.md(markdown_table(df, preview_columns)),
    }


def schema_check(table: str, outcome: Validated) -> dg.AssetCheckResult:
    """The Pandera outcome as an asset check: failing rows are quarantined, so it warns."""
    failed = len(outcome.quarantined)
    return dg.AssetCheckResult(
        check_name="pandera_schema",
        asset_key=table,
        passed=failed == 0,
        severity=dg.AssetCheckSeverity.WARN,
        metadata={
            "rows_valid": len(outcome.valid),
            "rows_quarantined": failed,
            "failure_cases": dg.MetadataValue.md(
                markdown_table(outcome.quarantined, ["rule", "column_name", "failure_case"], rows=50)
            ),
        },
    )


def schema_check_spec(table: str, model_name: str) -> dg.AssetCheckSpec:
    return dg.AssetCheckSpec(
        "pandera_schema",
        asset=table,
        description=f"Rows of {table} validated against {model_name}; rows breaking a row rule are "
        "quarantined (table quarantine), a column missing or of the wrong type fails the asset.",
    )

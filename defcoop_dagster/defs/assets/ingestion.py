"""Stage 1: the input folder → source_files (every file, accepted or rejected with a reason)."""

import dagster as dg
import pandas as pd

from defcoop_dagster.core.ingest.sources import scan

from ...schemas import SourceFilesSchema
from ...validation import validate
from ...warehouse.io import replace_table
from ...warehouse.tables import DESCRIPTIONS
from ..metadata import markdown_table, schema_check, schema_check_spec, table_metadata
from ..resources import WAREHOUSE_POOL, InputFolder, Warehouse


@dg.asset(
    pool=WAREHOUSE_POOL,  # one writer of the DuckDB file at a time, across runs
    group_name="ingestion",
    description=DESCRIPTIONS["source_files"],
    kinds={"duckdb", "python"},
    check_specs=[schema_check_spec("source_files", "SourceFilesSchema")],
)
def source_files(
    context: dg.AssetExecutionContext, input_folder: InputFolder, warehouse: Warehouse
) -> dg.MaterializeResult:
    root = input_folder.root()
    try:
        rows = scan(root, input_folder.max_file_bytes)
    except OSError as e:  # a folder below the root cannot be listed: its files must not look removed
        raise input_folder.cannot_read(e) from e
    df = pd.DataFrame(rows, columns=list(SourceFilesSchema.to_schema().columns))
    outcome = validate(SourceFilesSchema, df)
    with warehouse.get_connection() as con:
        replace_table(con, "source_files", outcome.valid, outcome.quarantined, context.run.run_id)

    rejected = df[df["status"] == "rejected"]
    for row in rejected.itertuples():
        context.log.warning(f"rejected {row.source_path}: {row.reason}")
    by_reason = rejected["reason"].str.replace(r"[\d,]+ bytes", "N bytes", regex=True).value_counts()
    by_status = df["status"].value_counts()
    return dg.MaterializeResult(
        metadata={
            **table_metadata(
                "source_files",
                outcome.valid,
                ["source_path", "format", "encoding", "status", "reason", "size_bytes"],
            ),
            "input_folder": str(root),
            "accepted": int(by_status.get("accepted", 0)),
            "duplicates": int(by_status.get("duplicate", 0)),
            "rejected": int(by_status.get("rejected", 0)),
            "rejected_by_reason": dg.MetadataValue.md(
                markdown_table(by_reason.rename_axis("reason").reset_index(name="files"), rows=50)
            ),
        },
        check_results=[schema_check("source_files", outcome)],
    )

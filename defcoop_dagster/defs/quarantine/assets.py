"""The quarantine table as an asset: rows set apart by the row rules of every stage, by table and rule.

The stages write quarantine rows in the same transaction as their tables (``stage.finish``); this
asset reads them after every stage has run, so the UI shows what was set apart and why, and
publishing waits for it like for any table.
"""

import dagster as dg

from ...stage import KINDS, WAREHOUSE_POOL
from ...ui import column_schema, counts, preview_table
from ...warehouse.io import ensure_table
from ...warehouse.tables import TABLES
from ..resources import Warehouse

# Every table a stage validates: their quarantined rows land here
QUARANTINED_FROM = sorted(name for name in TABLES if name not in ("quarantine", "extraction_state"))


@dg.asset(
    name="quarantine",
    group_name="quality",
    deps=QUARANTINED_FROM,
    pool=WAREHOUSE_POOL,  # reads the file the stages write: one step on it at a time
    kinds=KINDS,
    description=TABLES["quarantine"].description
    + " Counted here by table and rule, with the latest rows; the stages' pandera_schema checks warn "
    "when they set rows apart.",
    metadata={"dagster/column_schema": column_schema("quarantine"), "dagster/table_name": "quarantine"},
)
def quarantine(warehouse: Warehouse) -> dg.MaterializeResult:
    with warehouse.get_connection() as con:
        ensure_table(con, "quarantine")  # a warehouse where nothing was ever set apart has none yet
        rows = con.execute(
            "SELECT asset, rule, column_name, failure_case, article_id, run_id, quarantined_at FROM quarantine "
            "ORDER BY quarantined_at DESC, asset, rule"
        ).df()
        by_rule = con.execute(
            "SELECT asset, rule, count(*) AS rows FROM quarantine GROUP BY ALL ORDER BY rows DESC, asset, rule"
        ).df()
    return dg.MaterializeResult(
        metadata={
            "dagster/row_count": len(rows),
            "dagster/column_schema": column_schema("quarantine"),
            "by_asset_and_rule": preview_table(by_rule, rows=50),
            "by_asset": counts(rows["asset"], "rows"),
            "preview": preview_table(rows, ["asset", "rule", "column_name", "failure_case", "article_id"], rows=20),
        }
    )

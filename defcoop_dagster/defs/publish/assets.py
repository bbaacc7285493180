"""The last asset: the private work file, copied and renamed over the published warehouse."""

from pathlib import Path

import dagster as dg

from ...stage import WAREHOUSE_POOL
from ...unchanged import forced
from ...warehouse.publish import PICTURES as PICTURE_FILES
from ...warehouse.publish import STORAGE_VERSION, publish
from ...warehouse.runstate import already_published
from ..models import assets as models  # modules, not their assets: the defs folder loader would count them twice
from ..pictures.assets import PICTURES
from ..quarantine import assets as quarantine
from ..resources import Warehouse, machine_faults_told

# The sinks of the graph: every other asset is upstream of one of them (a test checks it), so publishing
# runs only when everything before it succeeded.
SINKS = [*models.dbt_like_models.keys, *PICTURES, quarantine.quarantine.key]


@dg.asset(
    group_name="publish",
    deps=SINKS,
    pool=WAREHOUSE_POOL,
    kinds={"duckdb"},
    description="The warehouse analysts read (DEFCOOP_DUCKDB_PATH): a fresh copy of the pipeline's private work "
    f"file, renamed over it in one step, readable by DuckDB 1.x and 2.x (storage {STORAGE_VERSION}), with the "
    "pictures drawn for it. An open reader neither blocks it nor sees half a run.",
)
def published_warehouse(context: dg.AssetExecutionContext, warehouse: Warehouse) -> dg.MaterializeResult:
    if not warehouse.private_work_file:
        return dg.MaterializeResult(
            metadata={
                "published": "in place: the assets write this file directly",
                "path": dg.MetadataValue.path(warehouse.database),
            }
        )
    work = warehouse.checked_path()  # the published path is still one a warehouse may replace
    published = Path(warehouse.database).expanduser()
    same = None if forced() else already_published(work, published, PICTURE_FILES)
    if same is not None:  # nothing changed since it was published: a copy would be the same tables
        context.log.info("published_warehouse: unchanged, skipped")
        return dg.MaterializeResult(
            metadata={
                "path": dg.MetadataValue.path(warehouse.database),
                "unchanged": f"skipped: the published file holds this state already (run {same})",
            }
        )
    with machine_faults_told(f"the published warehouse {warehouse.database}"):
        stats = publish(warehouse.path_written(), warehouse.database)
    for name in stats["leftovers_removed"]:
        context.log.info(f"removed {name}, left by a publishing that did not finish")
    return dg.MaterializeResult(
        metadata={
            "path": dg.MetadataValue.path(warehouse.database),
            "work_file": dg.MetadataValue.path(str(warehouse.path_written())),
            "tables": stats["tables"],
            "bytes": stats["bytes"],
            "storage_version": STORAGE_VERSION,
            "pictures": ", ".join(stats["pictures"]) or "none drawn",
            "leftovers_removed": len(stats["leftovers_removed"]),
        }
    )

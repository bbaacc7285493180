"""Stage 2: source_files → articles (clean body, title, publication date, one row per distinct text)."""

import dagster as dg
import pandas as pd

from defcoop_dagster.core.ingest.articles import article_rows

from ...schemas import ArticlesSchema
from ...validation import validate
from ...warehouse.io import replace_table
from ...warehouse.tables import DESCRIPTIONS, TABLES
from ..metadata import markdown_table, schema_check, schema_check_spec, table_metadata
from ..resources import WAREHOUSE_POOL, Warehouse


@dg.asset(
    pool=WAREHOUSE_POOL,  # one writer of the DuckDB file at a time, across runs
    group_name="ingestion",
    description=DESCRIPTIONS["articles"],
    deps=["source_files"],
    kinds={"duckdb", "python"},
    check_specs=[schema_check_spec("articles", "ArticlesSchema")],
)
def articles(context: dg.AssetExecutionContext, warehouse: Warehouse) -> dg.MaterializeResult:
    with warehouse.get_connection() as con:
        sources = con.execute(
            "SELECT source_path, status, duplicate_of, raw_text, title_hint, url, published_hint "
            "FROM source_files WHERE status IN ('accepted', 'duplicate') ORDER BY source_path"
        ).df()
    rows = article_rows(sources.to_dict("records"))
    df = pd.DataFrame(rows, columns=list(TABLES["articles"]))
    outcome = validate(ArticlesSchema, df)
    with warehouse.get_connection() as con:
        replace_table(con, "articles", outcome.valid, outcome.quarantined, context.run.run_id)

    valid = outcome.valid
    precision = valid["published_precision"].fillna("unknown").value_counts()
    return dg.MaterializeResult(
        metadata={
            **table_metadata("articles", valid, ["article_id", "source_path", "title", "published", "agency"]),
            "published_by_precision": dg.MetadataValue.md(
                markdown_table(precision.rename_axis("precision").reset_index(name="articles"))
            ),
            "published_inferred": int(valid["published_inferred"].sum()),
            "merged_sources": int((valid["source_paths"].map(len) > 1).sum()),
            "boilerplate_lines_removed": int(valid["boilerplate_removed"].sum()),
        },
        check_results=[schema_check("articles", outcome)],
    )

"""Stage 3: articles → mentions, persons, person_mentions (natasha once per process, in batches)."""

import dagster as dg
import pandas as pd

from ...core.entities import extract
from ...schemas import MentionsSchema, PersonMentionsSchema, PersonsSchema
from ...validation import follow_parent, validate
from ...warehouse.io import replace_tables
from ...warehouse.tables import DESCRIPTIONS, TABLES
from ..metadata import markdown_table, schema_check, schema_check_spec, table_metadata
from ..resources import WAREHOUSE_POOL, Warehouse

SCHEMAS = {"mentions": MentionsSchema, "persons": PersonsSchema, "person_mentions": PersonMentionsSchema}
PREVIEW = {
    "mentions": ["type", "text", "normal", "code", "date_iso"],
    "persons": ["name", "role", "rank", "country_iso3", "mention_count"],
    "person_mentions": ["text", "normal", "role", "country_iso3", "rule"],
}


@dg.multi_asset(
    pool=WAREHOUSE_POOL,  # one writer of the DuckDB file at a time, across runs
    specs=[
        dg.AssetSpec(
            name, group_name="entities", description=DESCRIPTIONS[name], deps=["articles"], kinds={"duckdb", "python"}
        )
        for name in SCHEMAS
    ],
    check_specs=[schema_check_spec(name, model.__name__) for name, model in SCHEMAS.items()],
)
def entities(context: dg.AssetExecutionContext, warehouse: Warehouse):
    with warehouse.get_connection() as con:
        articles = con.execute("SELECT article_id, body, published, dateline_end FROM articles ORDER BY 1").df()
    found = extract(articles.to_dict("records"))
    outcomes = {
        name: validate(model, pd.DataFrame(getattr(found, name), columns=list(TABLES[name])))
        for name, model in SCHEMAS.items()
    }
    outcomes["person_mentions"] = follow_parent(
        outcomes["person_mentions"], outcomes["persons"], "persons", "person_id"
    )
    with warehouse.get_connection() as con:
        replace_tables(con, {n: (o.valid, o.quarantined) for n, o in outcomes.items()}, context.run.run_id)

    extra = {
        "mentions": lambda df: {
            "by_type": dg.MetadataValue.md(
                markdown_table(df["type"].value_counts().rename_axis("type").reset_index(name="mentions"))
            )
        },
        "persons": lambda df: {
            "with_role": int(df["role"].notna().sum()),
            "with_country": int(df["country_iso3"].notna().sum()),
        },
        "person_mentions": lambda df: {},
    }
    for name, outcome in outcomes.items():
        yield dg.MaterializeResult(
            asset_key=name,
            metadata={**table_metadata(name, outcome.valid, PREVIEW[name]), **extra[name](outcome.valid)},
        )
        yield schema_check(name, outcome)

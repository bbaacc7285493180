"""Stage 3: articles → mentions, persons, person_mentions (natasha once per process, in batches)."""

import dagster as dg
import pandas as pd

from defcoop_dagster.core.entities.extract import extract
from defcoop_dagster.core.version import extractor_version

from ...schemas import MentionsSchema, PersonMentionsSchema, PersonsSchema
from ...validation import follow_parent, validate
from ...warehouse.io import replace_tables
from ...warehouse.state import input_digests, new_state, rows_of, stack, unchanged
from ...warehouse.tables import DESCRIPTIONS, TABLES
from ..metadata import markdown_table, schema_check, schema_check_spec, table_metadata
from ..resources import WAREHOUSE_POOL, Warehouse

SCHEMAS = {"mentions": MentionsSchema, "persons": PersonsSchema, "person_mentions": PersonMentionsSchema}
PREVIEW = {
    "mentions": ["type", "text", "normal", "code", "date_iso"],
    "persons": ["name", "role", "rank", "country_iso3", "mention_count"],
    "person_mentions": ["text", "normal", "role", "country_iso3", "rule"],
}


# Fields of an article the entity layer reads besides its body (dates are resolved against them)
INPUTS = ["published", "dateline_end"]


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
    version = extractor_version()
    with warehouse.get_connection() as con:
        articles = con.execute("SELECT article_id, body, published, dateline_end FROM articles ORDER BY 1").df()
        articles["inputs"] = input_digests(articles, INPUTS)
        # incremental: an article analysed by this extractor version from the same inputs keeps its rows
        kept = unchanged(con, "entity_state", version, articles)
        old = {name: rows_of(con, name, "article_id", kept["article_id"]) for name in SCHEMAS}
    todo = articles[~articles["article_id"].isin(kept["article_id"])]
    found = extract(todo.to_dict("records"))
    outcomes = {}
    for name, model in SCHEMAS.items():
        new = pd.DataFrame(getattr(found, name), columns=list(TABLES[name]))
        outcomes[name] = validate(model, stack(old[name], new))
    context.log.info(f"{len(todo)} articles analysed, {len(kept)} unchanged (extractor {version})")
    outcomes["person_mentions"] = follow_parent(
        outcomes["person_mentions"], outcomes["persons"], "persons", "person_id"
    )
    with warehouse.get_connection() as con:
        replace_tables(
            con,
            {
                **{n: (o.valid, o.quarantined) for n, o in outcomes.items()},
                "entity_state": (new_state(articles, kept, version), None),
            },
            context.run.run_id,
            kept_articles=kept["article_id"],  # their quarantined rows stay in quarantine
        )

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
            metadata={
                **table_metadata(name, outcome.valid, PREVIEW[name]),
                **extra[name](outcome.valid),
                "articles_analysed": len(todo),
                "articles_unchanged": len(kept),
                "extractor_version": version,
            },
        )
        yield schema_check(name, outcome)

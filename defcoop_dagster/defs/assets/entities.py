"""Stage 3: articles → mentions, persons, person_mentions (natasha once per process, in batches)."""

import dagster as dg
import pandas as pd

from ...core.entities import extract
from ...core.version import extractor_version
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


def previous_rows(con, version: str) -> dict[str, pd.DataFrame]:
    """Rows of the last run for the articles this extractor version already analysed."""
    tables = {r[0] for r in con.execute("SELECT table_name FROM information_schema.tables").fetchall()}
    if not {"entity_state", *SCHEMAS} <= tables:
        empty = {name: pd.DataFrame(columns=list(TABLES[name])) for name in SCHEMAS}
        return {**empty, "state": pd.DataFrame(columns=list(TABLES["entity_state"]))}
    state = con.execute("SELECT * FROM entity_state WHERE extractor_version = ?", [version]).df()
    out = {"state": state}
    for name in SCHEMAS:
        out[name] = con.execute(
            f'SELECT t.* FROM "{name}" t JOIN entity_state s USING (article_id) WHERE s.extractor_version = ?',
            [version],
        ).df()
    return out


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
        kept = previous_rows(con, version)
    # incremental: an article (content-derived id) analysed by this extractor version keeps its rows
    todo = articles[~articles["article_id"].isin(kept["state"]["article_id"])]
    found = extract(todo.to_dict("records"))
    outcomes = {}
    for name, model in SCHEMAS.items():
        new = pd.DataFrame(getattr(found, name), columns=list(TABLES[name]))
        old = kept[name][kept[name]["article_id"].isin(articles["article_id"])]
        frame = pd.concat([df for df in (old, new) if len(df)], ignore_index=True) if len(old) else new
        outcomes[name] = validate(model, frame.reindex(columns=list(TABLES[name])))
    now = pd.Timestamp.now()
    since = dict(zip(kept["state"]["article_id"], kept["state"]["analysed_at"], strict=True))
    state = pd.DataFrame(
        {
            "article_id": articles["article_id"],
            "extractor_version": version,
            "analysed_at": [since.get(a, now) for a in articles["article_id"]],
        }
    )
    context.log.info(f"{len(todo)} articles analysed, {len(articles) - len(todo)} unchanged (extractor {version})")
    outcomes["person_mentions"] = follow_parent(
        outcomes["person_mentions"], outcomes["persons"], "persons", "person_id"
    )
    with warehouse.get_connection() as con:
        replace_tables(
            con,
            {**{n: (o.valid, o.quarantined) for n, o in outcomes.items()}, "entity_state": (state, None)},
            context.run.run_id,
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
                "articles_unchanged": len(articles) - len(todo),
                "extractor_version": version,
            },
        )
        yield schema_check(name, outcome)

"""Stage 4: articles + entities → the contract's meetings and agreements tables, with evidence."""

import dagster as dg
import pandas as pd

from defcoop_dagster.core.events.rows import extract_all
from defcoop_dagster.core.version import extractor_version

from ...schemas import (
    AgreementPartiesSchema,
    AgreementsSchema,
    MeetingCountriesSchema,
    MeetingParticipantsSchema,
    MeetingsSchema,
)
from ...validation import Validated, attribute_to_articles, follow_parent, move_to_quarantine, validate
from ...warehouse.io import replace_tables
from ...warehouse.state import input_digests, new_state, rows_of, stack, unchanged
from ...warehouse.tables import DESCRIPTIONS, TABLES
from ..metadata import markdown_table, schema_check, schema_check_spec, table_metadata
from ..resources import WAREHOUSE_POOL, Warehouse

SCHEMAS = {
    "meetings": MeetingsSchema,
    "meeting_countries": MeetingCountriesSchema,
    "meeting_participants": MeetingParticipantsSchema,
    "agreements": AgreementsSchema,
    "agreement_parties": AgreementPartiesSchema,
}
PARENT = {
    "meeting_countries": ("meetings", "meeting_id"),
    "meeting_participants": ("meetings", "meeting_id"),
    "agreement_parties": ("agreements", "agreement_id"),
}
# Fields of an article the event rules read besides its body
INPUTS = ["published", "published_date", "dateline_end", "dateline_place"]
PREVIEW = {
    "meetings": ["meeting_date", "date_iso", "place", "status", "rule", "evidence"],
    "meeting_countries": ["meeting_id", "country_iso3"],
    "meeting_participants": ["name", "role", "country_iso3"],
    "agreements": ["kind", "status", "signed_date", "period_year", "title", "evidence"],
    "agreement_parties": ["country_iso3", "party_name", "signatory_name"],
}


def held_not_after_publication(meetings: Validated, published: dict) -> Validated:
    """A meeting reported as held cannot be dated after its article: such rows go to quarantine."""
    df = meetings.valid

    def after(status, day, article) -> bool:
        pub = published.get(article)
        if status != "held" or day is None or pd.isna(day) or pub is None or pd.isna(pub):
            return False
        return pd.Timestamp(day) > pd.Timestamp(pub)

    late = pd.Series(
        [after(*r) for r in zip(df["status"], df["meeting_date"], df["article_id"], strict=True)],
        index=df.index,
        dtype=bool,
    )
    return move_to_quarantine(meetings, late, "held meeting not after its article's publication", "meeting_date")


@dg.multi_asset(
    pool=WAREHOUSE_POOL,  # one writer of the DuckDB file at a time, across runs
    specs=[
        dg.AssetSpec(
            name,
            group_name="events",
            description=DESCRIPTIONS[name],
            deps=["articles", "persons", "person_mentions", "mentions"],
            kinds={"duckdb", "python"},
        )
        for name in SCHEMAS
    ],
    check_specs=[schema_check_spec(name, model.__name__) for name, model in SCHEMAS.items()],
)
def events(context: dg.AssetExecutionContext, warehouse: Warehouse):
    version = extractor_version()
    with warehouse.get_connection() as con:
        articles = con.execute(
            "SELECT article_id, body, published, published_date, dateline_end, dateline_place "
            "FROM articles ORDER BY article_id"
        ).df()
        articles["inputs"] = input_digests(articles, INPUTS)
        # incremental: the entity rows of an article are fixed by its id, inputs and the extractor
        # version (entity_state), so an article read by this version from the same inputs keeps its events
        kept = unchanged(con, "event_state", version, articles)
        old = {name: rows_of(con, name, "article_id", kept["article_id"]) for name in ("meetings", "agreements")}
        for name, (parent, key) in PARENT.items():
            old[name] = rows_of(con, name, key, old[parent][key])
        todo = articles[~articles["article_id"].isin(kept["article_id"])]
        frames = {
            t: rows_of(con, t, "article_id", todo["article_id"]) for t in ("persons", "person_mentions", "mentions")
        }
    rows = extract_all(
        todo.to_dict("records"), *(frames[t].to_dict("records") for t in ("persons", "person_mentions", "mentions"))
    )
    new = {name: pd.DataFrame(getattr(rows, name), columns=list(TABLES[name])) for name in SCHEMAS}
    outcomes = {name: validate(model, stack(old[name], new[name])) for name, model in SCHEMAS.items()}
    published = dict(zip(articles["article_id"], articles["published_date"], strict=True)) if len(articles) else {}
    outcomes["meetings"] = held_not_after_publication(outcomes["meetings"], published)
    for name, (parent, key) in PARENT.items():
        outcomes[name] = follow_parent(outcomes[name], outcomes[parent], parent, key)
        article_of = {
            k: a for frame in (old[parent], new[parent]) for k, a in zip(frame[key], frame["article_id"], strict=True)
        }
        outcomes[name] = attribute_to_articles(outcomes[name], key, article_of)
    context.log.info(f"{len(todo)} articles read, {len(kept)} unchanged (extractor {version})")
    with warehouse.get_connection() as con:
        replace_tables(
            con,
            {
                **{n: (o.valid, o.quarantined) for n, o in outcomes.items()},
                "event_state": (new_state(articles, kept, version), None),
            },
            context.run.run_id,
            kept_articles=kept["article_id"],  # their quarantined rows stay in quarantine
        )

    for name, outcome in outcomes.items():
        meta = table_metadata(name, outcome.valid, PREVIEW[name])
        if name in ("meetings", "agreements"):
            meta["by_rule"] = dg.MetadataValue.md(
                markdown_table(outcome.valid["rule"].value_counts().rename_axis("rule").reset_index(name="rows"))
            )
        meta.update(articles_read=len(todo), articles_unchanged=len(kept), extractor_version=version)
        yield dg.MaterializeResult(asset_key=name, metadata=meta)
        yield schema_check(name, outcome)

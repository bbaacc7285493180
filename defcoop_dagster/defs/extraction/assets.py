"""articles → the entity tables (mentions, persons, person_mentions) and the event tables (meetings,
agreements and their children), in one step: natasha analyses each article once and the event rules
read that analysis. Incremental: an article analysed by this extractor version from the same inputs
keeps its rows."""

import dagster as dg
import pandas as pd

from ...stage import finish, offsets_check, orphans_check, stage, table_spec
from ...ui import counts_in
from ...unchanged import run_or_skip
from ...validation import (
    Validated,
    attribute_to_articles,
    follow_parent,
    move_to_quarantine,
    validate,
    with_kept,
)
from ...warehouse.io import as_declared
from ...warehouse.state import input_digests, new_state, rows_of, unchanged
from ...warehouse.tables import TABLES
from .. import warm_start
from ..resources import Warehouse
from ..warm_start import ExtractionWorkers

ENTITY_TABLES = ["mentions", "persons", "person_mentions"]
EVENT_TABLES = ["meetings", "meeting_countries", "meeting_participants", "agreements", "agreement_parties"]
# child table → (parent table, key): a child of a quarantined parent follows it into quarantine
PARENTS = {
    "person_mentions": ("persons", "person_id"),
    "meeting_countries": ("meetings", "meeting_id"),
    "meeting_participants": ("meetings", "meeting_id"),
    "agreement_parties": ("agreements", "agreement_id"),
}
# Fields of an article the extraction reads besides its body
INPUTS = ["published", "published_date", "dateline_end", "dateline_place"]
PREVIEWS = {
    "mentions": ["type", "text", "normal", "code", "date_iso"],
    "persons": ["name", "role", "rank", "country_iso3", "mention_count"],
    "person_mentions": ["text", "normal", "role", "country_iso3", "rule"],
    "meetings": ["meeting_date", "date_iso", "place", "status", "rule", "evidence"],
    "meeting_countries": ["meeting_id", "country_iso3"],
    "meeting_participants": ["name", "role", "country_iso3"],
    "agreements": ["kind", "status", "signed_date", "period_year", "title", "evidence"],
    "agreement_parties": ["country_iso3", "party_name", "signatory_name"],
}
# how each table's rows belong to an article, for writing in place: its own article_id, or its parent's
OWNERS = {name: PARENTS.get(name) if "article_id" not in TABLES[name].names else None for name in PREVIEWS}
CHECKS = [
    offsets_check("mentions", "text", "start", "end"),
    offsets_check("person_mentions", "text", "start", "end"),
    offsets_check("persons", "evidence", "evidence_start", "evidence_end"),
    offsets_check("meetings", "evidence", "evidence_start", "evidence_end"),
    offsets_check("agreements", "evidence", "evidence_start", "evidence_end"),
    *(orphans_check(child, parent, key) for child, (parent, key) in PARENTS.items()),
    orphans_check("meeting_participants", "persons", "person_id", name="person_known"),
]


def table_specs() -> list[dg.AssetSpec]:
    # built where the decorator uses them: AssetSpecs at module scope would be loaded as definitions too
    return [
        *(table_spec(name, "entities", ["articles"]) for name in ENTITY_TABLES),
        *(table_spec(name, "events", ["articles", *ENTITY_TABLES]) for name in EVENT_TABLES),
    ]


LEGACY_STATE = ["entity_state", "event_state"]  # the two stages' state tables before they became one step


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


def kept_rows(con, kept: pd.Series) -> dict[str, pd.DataFrame]:
    """The rows of the kept articles in every table of the step (children through their parents)."""
    old = {name: rows_of(con, name, "article_id", kept) for name in ["mentions", "persons", "meetings", "agreements"]}
    old["person_mentions"] = rows_of(con, "person_mentions", "article_id", kept)
    for child in ["meeting_countries", "meeting_participants", "agreement_parties"]:
        parent, key = PARENTS[child]
        old[child] = rows_of(con, child, key, old[parent][key])
    return old


def validated(frames: dict[str, pd.DataFrame], published: dict) -> dict[str, Validated]:
    """The eight tables' rows (``frames``) validated: row rules, held meetings dated after their article
    (``published``: article_id → date), children following their quarantined parents."""
    outcomes = {name: validate(TABLES[name], frames[name]) for name in PREVIEWS}
    outcomes["meetings"] = held_not_after_publication(outcomes["meetings"], published)
    # a participant is a person of the article: one quarantined takes its participation along
    outcomes["meeting_participants"] = follow_parent(
        outcomes["meeting_participants"], outcomes["persons"], "persons", "person_id"
    )
    for child, (parent, key) in PARENTS.items():
        outcomes[child] = follow_parent(outcomes[child], outcomes[parent], parent, key)
        article_of = dict(zip(frames[parent][key], frames[parent]["article_id"], strict=True))
        outcomes[child] = attribute_to_articles(outcomes[child], key, article_of)
    return outcomes


def table_counts(con, name: str) -> dict:
    """What the UI shows of a table of the step besides its rows, as written: counts by type or rule."""
    if name == "mentions":
        return {"by_type": counts_in(con, name, "type", "mentions")}
    if name == "persons":
        ((role, country),) = con.execute("SELECT count(role), count(country_iso3) FROM persons").fetchall()
        return {"with_role": role, "with_country": country}
    if name in ("meetings", "agreements"):
        return {"by_rule": counts_in(con, name, "rule", "rows")}
    return {}


@stage("extraction", table_specs(), CHECKS)
def extraction(context: dg.AssetExecutionContext, warehouse: Warehouse, extraction_workers: ExtractionWorkers):
    # extraction_workers: its fork server, started by the first step (defs/warm_start.py), or now
    warm_start.begin()

    def kept(con) -> dict:
        return {
            "articles_analysed": 0,
            "articles_unchanged": con.execute("SELECT count(*) FROM articles").fetchone()[0],
        }

    yield from run_or_skip(context, warehouse, "extraction", lambda: extract(context, warehouse), skipped_metadata=kept)


def extract(context: dg.AssetExecutionContext, warehouse: Warehouse):
    """The articles not analysed yet by this extractor analysed, the others' rows kept; all validated and written."""
    # natasha and the rules load in the step that runs them, not with the definitions
    from ...core.extraction import extract_articles
    from ...core.version import extractor_version

    version = extractor_version()
    with warehouse.get_connection() as con:
        articles = con.execute(
            "SELECT article_id, body, published, published_date, dateline_end, dateline_place "
            "FROM articles ORDER BY article_id"
        ).df()
        articles["inputs"] = input_digests(articles, INPUTS)
        kept = unchanged(con, "extraction_state", version, articles)
        # the kept articles' rows stay in their tables, the others' are replaced; a table not as this
        # version declares it (which the kept articles' state rules out, unless edited by hand) is rewritten
        in_place = len(kept) > 0 and as_declared(con, list(PREVIEWS))
        old = {} if in_place else kept_rows(con, kept["article_id"])
    todo = articles[~articles["article_id"].isin(kept["article_id"])]
    found = extract_articles(todo.to_dict("records"))
    context.log.info(f"{len(todo)} articles analysed, {len(kept)} unchanged (extractor {version})")

    new = {name: TABLES[name].frame(getattr(found, name)) for name in PREVIEWS}
    # only the new rows go through the rules: the kept ones passed them when this extractor version (which
    # digests the table declarations too) wrote them
    fresh = validated(new, dict(zip(articles["article_id"], articles["published_date"], strict=True)))
    outcomes = fresh if in_place else {name: with_kept(fresh[name], TABLES[name], old[name]) for name in PREVIEWS}

    with warehouse.get_connection() as con:

        def extra(name: str, _valid: pd.DataFrame) -> dict:
            meta = {"articles_analysed": len(todo), "articles_unchanged": len(kept), "extractor_version": version}
            return {**meta, **table_counts(con, name)}

        for legacy in LEGACY_STATE:
            con.execute(f'DROP TABLE IF EXISTS "{legacy}"')
        yield from finish(
            context,
            con,
            outcomes,
            PREVIEWS,
            extra,
            bookkeeping={"extraction_state": new_state(articles, kept, version)},
            checks=CHECKS,
            kept_articles=kept["article_id"],
            forget_steps=["extraction"],
            owners=OWNERS if in_place else None,
        )

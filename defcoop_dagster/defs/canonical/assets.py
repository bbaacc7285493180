"""The report tables (meetings, agreements and their children) → canonical events: one row per
real-world meeting or document however many articles tell it, link tables from each report to its
event, and the defence flag. Incremental: a report keeps the event it joined in the last run
(``core.canonical.merge``)."""

import dagster as dg
import duckdb
import pandas as pd

from ...core.canonical.rows import EventRows, merge_reports
from ...stage import SqlCheck, finish, stage, table_spec
from ...ui import counts
from ...unchanged import run_or_skip
from ...validation import follow_parent, validate
from ...warehouse.tables import TABLES
from ..resources import Warehouse

REPORT_TABLES = ["meetings", "meeting_countries", "meeting_participants", "agreements", "agreement_parties"]
PREVIEWS = {
    "meeting_events": ["event_date", "date_precision", "place", "status", "reports", "defence", "defence_rule"],
    "meeting_event_countries": ["event_id", "country_iso3"],
    "meeting_event_participants": ["name", "role", "country_iso3"],
    "meeting_event_reports": ["meeting_id", "event_id", "match_score"],
    "agreement_events": ["kind", "title", "status", "signed_date", "period_year", "reports", "defence"],
    "agreement_event_parties": ["country_iso3", "party_name", "signatory_name"],
    "agreement_event_reports": ["agreement_id", "event_id", "match_score"],
}
# child table → its event table: a child of a quarantined event follows it
PARENTS = {
    "meeting_event_countries": "meeting_events",
    "meeting_event_participants": "meeting_events",
    "meeting_event_reports": "meeting_events",
    "agreement_event_parties": "agreement_events",
    "agreement_event_reports": "agreement_events",
}
KINDS = {  # kind → (report table, its key, its date column, its countries table)
    "meeting": ("meetings", "meeting_id", "meeting_date", "meeting_countries"),
    "agreement": ("agreements", "agreement_id", "signed_date", "agreement_parties"),
}


def checks_of(kind: str) -> list[SqlCheck]:
    """No event without a report, every report in exactly one event, an event's sides and date as its
    reports', and never two reports of one article in one event (the article kept them apart)."""
    reports, key, date, sides = KINDS[kind]
    events, links = f"{kind}_events", f"{kind}_event_reports"
    countries = f"{kind}_event_countries" if kind == "meeting" else f"{kind}_event_parties"
    event_date = "event_date" if kind == "meeting" else "signed_date"
    return [
        SqlCheck(
            events,
            "has_reports",
            "Every event has at least one report.",
            f"SELECT e.event_id FROM {events} e ANTI JOIN {links} l USING (event_id)",
        ),
        SqlCheck(
            links,
            "every_report_once",
            f"Every row of {reports} is in exactly one event.",
            f"SELECT r.{key} FROM {reports} r LEFT JOIN {links} l USING ({key}) "
            f"GROUP BY r.{key} HAVING count(l.event_id) <> 1",
        ),
        SqlCheck(
            links,
            "sides_agree",
            "An event's countries are those of each of its reports.",
            f"SELECT l.{key}, l.event_id FROM {links} l "
            f"JOIN (SELECT {key}, list_sort(list(DISTINCT country_iso3)) AS c FROM {sides} GROUP BY ALL) r "
            f"USING ({key}) "
            f"JOIN (SELECT event_id, list_sort(list(DISTINCT country_iso3)) AS c FROM {countries} GROUP BY ALL) e "
            f"USING (event_id) WHERE r.c <> e.c",
        ),
        SqlCheck(
            links,
            "dates_agree",
            "An event's date agrees with each dated report as far as both are known.",
            f"SELECT l.{key}, l.event_id, r.{date}, e.{event_date} "
            f"FROM {links} l JOIN {reports} r USING ({key}) JOIN {events} e USING (event_id) "
            f"WHERE {_disagree(f'r.{date}', 'r.date_precision', f'e.{event_date}', 'e.date_precision')}",
        ),
        SqlCheck(
            links,
            "articles_kept_apart",
            "No event holds two reports of one article.",
            f"SELECT event_id, article_id FROM {links} GROUP BY ALL HAVING count(*) > 1",
        ),
    ]


def _disagree(a: str, a_precision: str, b: str, b_precision: str) -> str:
    """SQL: two dates that are both known and differ at the coarser of their precisions."""
    fine = {"day": 3, "month": 2, "year": 1}
    rank = lambda p: f"CASE {p} " + " ".join(f"WHEN '{k}' THEN {v}" for k, v in fine.items()) + " END"  # noqa: E731
    return (
        f"{a} IS NOT NULL AND {b} IS NOT NULL AND CASE least({rank(a_precision)}, {rank(b_precision)}) "
        f"WHEN 3 THEN {a} <> {b} "
        f"WHEN 2 THEN date_trunc('month', {a}) <> date_trunc('month', {b}) "
        f"ELSE year({a}) <> year({b}) END"
    )


CHECKS = [*checks_of("meeting"), *checks_of("agreement")]


def table_specs() -> list[dg.AssetSpec]:
    return [table_spec(name, "canonical", REPORT_TABLES + ["articles"]) for name in PREVIEWS]


def previous_links(con: duckdb.DuckDBPyConnection) -> dict[str, tuple[str, float]]:
    """Report id → (event id, match score) as the last run left them; nothing on a first run."""
    have = {r[0] for r in con.execute("SELECT table_name FROM duckdb_tables()").fetchall()}
    out: dict[str, tuple[str, float]] = {}
    for links, key in (("meeting_event_reports", "meeting_id"), ("agreement_event_reports", "agreement_id")):
        if links in have:
            for report, event, score in con.execute(f"SELECT {key}, event_id, match_score FROM {links}").fetchall():
                out[report] = (event, score)
    return out


def read(con: duckdb.DuckDBPyConnection, table: str) -> list[dict]:
    """Rows as dicts of Python values (None, not NaN, where a value is missing)."""
    cursor = con.execute(f'SELECT * FROM "{table}"')
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]


@stage("canonical_events", table_specs(), CHECKS)
def canonical_events(context: dg.AssetExecutionContext, warehouse: Warehouse):
    yield from run_or_skip(context, warehouse, "canonical_events", lambda: merge(context, warehouse))


def merge(context: dg.AssetExecutionContext, warehouse: Warehouse):
    """Reports merged into events (incrementally: each keeps its last event while it agrees), written, checked."""
    with warehouse.get_connection() as con:
        reports = {name: read(con, name) for name in REPORT_TABLES}
        published = dict(con.execute("SELECT article_id, published_date FROM articles").fetchall())
        previous = previous_links(con)
    found: EventRows = merge_reports(*(reports[n] for n in REPORT_TABLES), published, previous)
    outcomes = {name: validate(TABLES[name], TABLES[name].frame(getattr(found, name))) for name in PREVIEWS}
    for child, parent in PARENTS.items():
        outcomes[child] = follow_parent(outcomes[child], outcomes[parent], parent, "event_id")
    context.log.info(
        f"{len(reports['meetings'])} meeting reports → {len(found.meeting_events)} meetings; "
        f"{len(reports['agreements'])} document reports → {len(found.agreement_events)} documents"
    )

    def extra(name: str, valid: pd.DataFrame) -> dict:
        if name in ("meeting_events", "agreement_events"):
            report_table = "meetings" if name == "meeting_events" else "agreements"
            return {
                "reports": len(reports[report_table]),
                "merged_events": int((valid["reports"] > 1).sum()) if len(valid) else 0,
                "defence_events": int(valid["defence"].sum()) if len(valid) else 0,
                "by_defence_rule": counts(valid["defence_rule"], "events"),
            }
        return {}

    with warehouse.get_connection() as con:
        yield from finish(context, con, outcomes, PREVIEWS, extra, checks=CHECKS, forget_steps=["canonical_events"])

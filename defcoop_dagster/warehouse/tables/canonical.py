"""The canonical tables: one row per real-world meeting or document, merged across the articles that
report it, with link tables from each report (a row of ``meetings`` / ``agreements``) to its event."""

import pandera.pandas as pa

from .declare import CAPITALISED, CODE_PATTERNS, PARTIAL_DATE, Column, Table, id_column
from .entities import COUNTRY
from .events import KINDS, precision_column

EVENT_ID = {"meeting": "meeting_event_id", "agreement": "agreement_event_id"}


def event_id(kind: str, description: str, key: bool = False) -> Column:
    """The ``event_id`` column, its pattern that of the kind's ids (``mev_…`` / ``aev_…``)."""
    return Column(
        "event_id",
        "VARCHAR",
        description,
        nullable=False,
        key=key,
        checks=(pa.Check.str_matches(CODE_PATTERNS[EVENT_ID[kind]]),),
    )


def event_columns() -> tuple[Column, ...]:
    """What every event carries after its own columns: how it was told, by how many, how surely, defence."""
    return (
        Column(
            "date_iso",
            "VARCHAR",
            "The best-known date as written (`--05-25` without a year).",
            checks=(pa.Check.str_matches(PARTIAL_DATE),),
        ),
        Column("reports", "INTEGER", "How many report rows tell of it.", nullable=False, checks=(pa.Check.ge(1),)),
        Column("articles", "INTEGER", "How many articles tell of it.", nullable=False, checks=(pa.Check.ge(1),)),
        Column("first_published", "DATE", "Publication date of the first article that reports it."),
        Column("last_published", "DATE", "Publication date of the last article that reports it."),
        Column(
            "merge_confidence",
            "DOUBLE",
            "The weakest join that merged its reports: 1 for one report or the same day, less for looser matches.",
            nullable=False,
            checks=(pa.Check.ge(0), pa.Check.le(1)),
        ),
        Column("defence", "BOOLEAN", "Any report of it is about defence or military cooperation.", nullable=False),
        Column(
            "defence_rule",
            "VARCHAR",
            "The rule that flagged most of its reports (see `meetings.defence_rule`).",
            nullable=False,
        ),
    )


def link_table(kind: str, report_key: str, reports: str) -> Table:
    return Table(
        f"{kind}_event_reports",
        f"Which event each row of {reports} (a report) belongs to: every report in exactly one event.",
        (
            id_column(report_key, f"The report, a row of {reports}.", key=True),
            event_id(kind, "The event it belongs to."),
            id_column("article_id", "The article of the report."),
            Column(
                "match_score",
                "DOUBLE",
                "How surely it joined the event (1: it started it).",
                nullable=False,
                checks=(pa.Check.ge(0), pa.Check.le(1)),
            ),
        ),
        schema_name=f"{kind.capitalize()}EventReportsSchema",
    )


def countries_of(what: str) -> Column:
    return Column(
        "country_iso3", "VARCHAR", f"ISO3 code of {what}, or an organisation's code.", nullable=False, checks=(COUNTRY,)
    )


MEETING_EVENTS = Table(
    "meeting_events",
    "One row per real-world meeting, however many articles report it: best-known date with precision, place, "
    "held or planned (held wins), reports and articles, first and last publication, merge confidence, defence flag.",
    (
        event_id("meeting", "Id of the meeting (kept across runs while any of its reports stays).", key=True),
        Column("event_date", "DATE", "First day of the best-known period."),
        precision_column("event_date"),
        Column("place", "VARCHAR", "The place its reports name most."),
        Column(
            "status",
            "VARCHAR",
            "`held` when any report says so, else `planned`.",
            nullable=False,
            checks=(pa.Check.isin(["held", "planned"]),),
        ),
        *event_columns(),
    ),
    schema_name="MeetingEventsSchema",
)

MEETING_EVENT_COUNTRIES = Table(
    "meeting_event_countries",
    "The sides of each meeting event (the same for all its reports).",
    (event_id("meeting", "The meeting event."), countries_of("a state taking part")),
    unique_together=("event_id", "country_iso3"),
    schema_name="MeetingEventCountriesSchema",
)

MEETING_EVENT_PARTICIPANTS = Table(
    "meeting_event_participants",
    "Everyone any report names at the meeting, once (compared by nominative surname), with the fullest name "
    "and the role and country most reported.",
    (
        event_id("meeting", "The meeting event."),
        Column("name", "VARCHAR", "Full name, nominative.", nullable=False, checks=(CAPITALISED,)),
        Column("role", "VARCHAR", "Position, lower case, nominative."),
        Column("country_iso3", "VARCHAR", "The country the person represents.", checks=(COUNTRY,)),
    ),
    schema_name="MeetingEventParticipantsSchema",
)

MEETING_EVENT_REPORTS = link_table("meeting", "meeting_id", "meetings")

AGREEMENT_EVENTS = Table(
    "agreement_events",
    "One row per real-world document, however many articles report it: kind, title, signed or planned (signed "
    "wins), signed date with precision, the year it is for, reports, publication span, merge confidence, defence.",
    (
        event_id("agreement", "Id of the document (kept across runs while any of its reports stays).", key=True),
        Column("kind", "VARCHAR", "As in agreements.kind.", nullable=False, checks=(pa.Check.isin(KINDS),)),
        Column("title", "VARCHAR", "The title its reports give most."),
        Column(
            "status",
            "VARCHAR",
            "`signed` when any report says so, else `planned`.",
            nullable=False,
            checks=(pa.Check.isin(["signed", "planned"]),),
        ),
        Column("signed_date", "DATE", "First day of the best-known period."),
        precision_column("signed_date"),
        Column("place", "VARCHAR", "Where it was signed, as its reports name it most."),
        Column(
            "period_year",
            "INTEGER",
            "The year it is for, when a report states it.",
            checks=(pa.Check.ge(1900), pa.Check.le(2100)),
        ),
        *event_columns(),
    ),
    schema_name="AgreementEventsSchema",
)

AGREEMENT_EVENT_PARTIES = Table(
    "agreement_event_parties",
    "The parties of each document event, the body most reported and every signatory any report names.",
    (
        event_id("agreement", "The document event."),
        countries_of("a party"),
        Column("party_name", "VARCHAR", "The body that is party, as most reports name it."),
        Column("signatory_name", "VARCHAR", "Who signed for the party, comma-separated."),
    ),
    unique_together=("event_id", "country_iso3"),
    schema_name="AgreementEventPartiesSchema",
)

AGREEMENT_EVENT_REPORTS = link_table("agreement", "agreement_id", "agreements")

CANONICAL_TABLES = [
    MEETING_EVENTS,
    MEETING_EVENT_COUNTRIES,
    MEETING_EVENT_PARTICIPANTS,
    MEETING_EVENT_REPORTS,
    AGREEMENT_EVENTS,
    AGREEMENT_EVENT_PARTIES,
    AGREEMENT_EVENT_REPORTS,
]

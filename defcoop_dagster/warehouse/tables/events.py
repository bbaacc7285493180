"""The contract's event tables: meetings, meeting_countries, meeting_participants, agreements, agreement_parties."""

import pandera.pandas as pa

from .declare import CAPITALISED, NOT_EMPTY, PARTIAL_DATE, PRECISIONS, Column, Table, id_column, row_check
from .entities import COUNTRY

KINDS = [
    "agreement",
    "plan",
    "declaration",
    "memorandum",
    "protocol",
    "treaty",
    "contract",
    "program",
    "roadmap",
    "statement",
    "other",
]


def evidence_columns() -> tuple[Column, ...]:
    """What every meeting and agreement row carries, last in both tables: where it was read, how sure."""
    return (
        Column("evidence", "VARCHAR", "The text that supports the row.", nullable=False, checks=(NOT_EMPTY,)),
        Column(
            "evidence_start",
            "INTEGER",
            "Offset of the evidence in articles.body.",
            nullable=False,
            checks=(pa.Check.ge(0),),
        ),
        Column(
            "evidence_end",
            "INTEGER",
            "body[evidence_start:evidence_end] == evidence.",
            nullable=False,
            checks=(pa.Check.ge(1),),
        ),
        Column(
            "date_iso",
            "VARCHAR",
            "The date as the text gives it: `--05-25` when it states no year.",
            checks=(pa.Check.str_matches(PARTIAL_DATE),),
        ),
        Column("date_inferred", "BOOLEAN", "The year of the date was inferred, not written.", nullable=False),
        Column(
            "confidence",
            "DOUBLE",
            "How sure the rule is, 0–1.",
            nullable=False,
            checks=(pa.Check.ge(0), pa.Check.le(1)),
        ),
        Column("rule", "VARCHAR", "The pattern that made the row.", nullable=False, checks=(NOT_EMPTY,)),
        Column(
            "defence",
            "BOOLEAN",
            "About defence or military cooperation, as its people, sides, document, sentence, paragraph or "
            "headline say.",
            nullable=False,
        ),
        Column(
            "defence_rule",
            "VARCHAR",
            "Which sign decided `defence`: defence_official, defence_document, defence_sentence, "
            "defence_paragraph, defence_headline, or `no sign of defence`.",
            nullable=False,
            checks=(NOT_EMPTY,),
        ),
    )


def precision_column(of: str) -> Column:
    return Column(
        "date_precision",
        "VARCHAR",
        f"`day`, `month`, `year`; null when {of} is null.",
        checks=(pa.Check.isin(PRECISIONS),),
    )


def dated(column: str) -> pa.Check:
    return row_check(
        "precision set exactly when the date is", lambda df: df[column].isna() == df["date_precision"].isna()
    )


EVIDENCE_SPAN = row_check(
    "evidence length matches its offsets",
    lambda df: (df["evidence_end"] - df["evidence_start"]) == df["evidence"].str.len(),
)


def two_sides(key: str, what: str) -> pa.Check:
    return row_check(f"two or more {what}", lambda df: df.groupby(key)["country_iso3"].transform("nunique") >= 2)


MEETINGS = Table(
    "meetings",
    "One row per meeting reported in an article: date (first day of the known period, with precision; date_iso "
    "keeps a day and month whose year the text does not give), place, held or planned, the sentence that reports "
    "it (evidence and offsets in articles.body), confidence and the rule that made it.",
    (
        id_column("meeting_id", "Id of the meeting as reported in this article.", key=True),
        id_column("article_id", "The article it was read from."),
        Column("meeting_date", "DATE", "First day of the known period."),
        precision_column("meeting_date"),
        Column("place", "VARCHAR", "City or locality, nominative case."),
        Column(
            "status", "VARCHAR", "`held` or `planned`.", nullable=False, checks=(pa.Check.isin(["held", "planned"]),)
        ),
        *evidence_columns(),
    ),
    checks=(EVIDENCE_SPAN, dated("meeting_date")),
    schema_name="MeetingsSchema",
)

MEETING_COUNTRIES = Table(
    "meeting_countries",
    "Every state or organisation taking part in a meeting; at least two per meeting.",
    (
        id_column("meeting_id", "The meeting."),
        Column(
            "country_iso3",
            "VARCHAR",
            "ISO3 code of a state taking part, or an organisation's code.",
            nullable=False,
            checks=(COUNTRY,),
        ),
    ),
    checks=(two_sides("meeting_id", "countries per meeting"),),
    unique_together=("meeting_id", "country_iso3"),
    schema_name="MeetingCountriesSchema",
)

MEETING_PARTICIPANTS = Table(
    "meeting_participants",
    "Named people taking part in a meeting, with role and the country they represent.",
    (
        id_column("meeting_id", "The meeting."),
        Column("name", "VARCHAR", 'Full name, nominative ("Закир Гасанов").', nullable=False, checks=(CAPITALISED,)),
        Column("role", "VARCHAR", 'Position, lower case, nominative, without the country ("министр обороны").'),
        Column("country_iso3", "VARCHAR", "The country the person represents.", checks=(COUNTRY,)),
        id_column("person_id", "The person in persons."),
    ),
    schema_name="MeetingParticipantsSchema",
)

AGREEMENTS = Table(
    "agreements",
    "One row per document reported signed or to be signed: kind, title as written, status, date, the year it is "
    "for (period_year), place, evidence, confidence and rule.",
    (
        id_column("agreement_id", "Id of the document as reported in this article.", key=True),
        id_column("article_id", "The article it was read from."),
        Column(
            "kind",
            "VARCHAR",
            "`agreement`, `plan`, `declaration`, `memorandum`, `protocol`, `treaty`, "
            "`contract`, `program`, `roadmap`, `statement`, `other`.",
            nullable=False,
            checks=(pa.Check.isin(KINDS),),
        ),
        Column("title", "VARCHAR", "The document's name as written, when given."),
        Column(
            "status",
            "VARCHAR",
            "`signed` (signed, approved, adopted, ratified) or `planned`.",
            nullable=False,
            checks=(pa.Check.isin(["signed", "planned"]),),
        ),
        Column("signed_date", "DATE", "When it was signed (first day of the known period)."),
        precision_column("signed_date"),
        Column(
            "period_year",
            "INTEGER",
            "The year the document is for, when stated.",
            checks=(pa.Check.ge(1900), pa.Check.le(2100)),
        ),
        Column("place", "VARCHAR", "Where it was signed, nominative."),
        *evidence_columns(),
    ),
    checks=(EVIDENCE_SPAN, dated("signed_date")),
    schema_name="AgreementsSchema",
)

AGREEMENT_PARTIES = Table(
    "agreement_parties",
    "Every state or organisation party to a document, the body that is party and who signed.",
    (
        id_column("agreement_id", "The document."),
        Column(
            "country_iso3",
            "VARCHAR",
            "ISO3 code of a party, or an organisation's code.",
            nullable=False,
            checks=(COUNTRY,),
        ),
        Column(
            "party_name",
            "VARCHAR",
            'The body that is party, nominative ("Министерство обороны Азербайджанской Республики").',
        ),
        Column("signatory_name", "VARCHAR", "Who signed for it, when said."),
    ),
    checks=(two_sides("agreement_id", "parties per document"),),
    unique_together=("agreement_id", "country_iso3"),
    schema_name="AgreementPartiesSchema",
)

"""mentions, persons, person_mentions: the entity layer's tables."""

import pandera.pandas as pa

from ...core.entities.mentions import TYPES
from ...core.gazetteers.countries import ORG_CODES, un_member_codes
from .declare import CAPITALISED, NOT_EMPTY, PRECISIONS, Column, Table, id_column, row_check

# ISO3 codes of states (UN members, Palestine, the Holy See, Taiwan) and the organisations' codes
CODES = sorted(set(un_member_codes()) | set(ORG_CODES) | {"PSE", "VAT", "TWN"})
COUNTRY = pa.Check.isin(CODES)


def span_columns() -> tuple[Column, ...]:
    return (
        Column(
            "sentence_no", "INTEGER", "Sentence of the body it is in, from 1.", nullable=False, checks=(pa.Check.ge(1),)
        ),
        Column(
            "start", "INTEGER", "Offset where it starts in articles.body.", nullable=False, checks=(pa.Check.ge(0),)
        ),
        Column(
            "end", "INTEGER", "Offset where it ends: body[start:end] == text.", nullable=False, checks=(pa.Check.ge(1),)
        ),
    )


def text_column(what: str) -> Column:
    return Column("text", "VARCHAR", f"The {what} as written.", nullable=False, checks=(NOT_EMPTY,))


SPAN_LENGTH = row_check("span length matches the text", lambda df: (df["end"] - df["start"]) == df["text"].str.len())

MENTIONS = Table(
    "mentions",
    "Every entity natasha and the gazetteers find in article bodies: PER, LOC, ORG, COUNTRY (ISO3 code), "
    "ORGANISATION (NATO, CSTO…), DATE (resolved value and precision), with sentence and offsets.",
    (
        id_column("article_id", "The article it is in."),
        *span_columns(),
        Column(
            "type",
            "VARCHAR",
            "PER, LOC, ORG (natasha after noise rules), COUNTRY, ORGANISATION (gazetteer), DATE.",
            nullable=False,
            checks=(pa.Check.isin(list(TYPES)),),
        ),
        text_column("mention"),
        Column("normal", "VARCHAR", "Nominative form (a country's short name, a date's ISO form)."),
        Column("code", "VARCHAR", "ISO3 code of a COUNTRY, code of an ORGANISATION.", checks=(COUNTRY,)),
        Column("date_value", "DATE", "A DATE's first day, when its year is known."),
        Column(
            "date_precision", "VARCHAR", "`day`, `month` or `year` of date_value.", checks=(pa.Check.isin(PRECISIONS),)
        ),
        Column("date_iso", "VARCHAR", "The date as far as it is known (`--05-25` without a year)."),
        Column("date_inferred", "BOOLEAN", "The date's year was inferred, not written."),
        Column(
            "source",
            "VARCHAR",
            "natasha, gazetteer, dates, or rule:<name> when a rule changed natasha's type or extent.",
            nullable=False,
        ),
    ),
    checks=(
        SPAN_LENGTH,
        row_check(
            "countries and organisations carry a code",
            lambda df: ~df["type"].isin(["COUNTRY", "ORGANISATION"]) | df["code"].notna(),
        ),
    ),
    schema_name="MentionsSchema",
)

PERSONS = Table(
    "persons",
    "One row per person per article: canonical nominative name, role (lower case, without the country), "
    "military rank, the country or organisation represented, and the sentence that shows it.",
    (
        id_column("person_id", "Id of the person in this article.", key=True),
        id_column("article_id", "The article the person is named in."),
        Column(
            "name",
            "VARCHAR",
            'Full name, nominative, as the article gives it most fully ("Закир Гасанов").',
            nullable=False,
            checks=(CAPITALISED,),
        ),
        # "аль-Аббасси", "ван Гал": a lower-case particle may lead, a capital must follow
        Column(
            "surname",
            "VARCHAR",
            "The family name, nominative.",
            nullable=False,
            checks=(pa.Check.str_matches(r"^(?:[a-zа-яё]+[-\s])?[A-ZА-ЯЁ]"),),
        ),
        Column(
            "role",
            "VARCHAR",
            'Position, lower case, nominative, without the country ("министр обороны").',
            checks=(pa.Check.str_matches(r"^[^A-ZА-ЯЁ]+$"),),
        ),
        Column("rank", "VARCHAR", 'Military rank ("генерал-полковник").'),
        Column("country_iso3", "VARCHAR", "The country (or organisation) the person represents.", checks=(COUNTRY,)),
        Column(
            "mention_count",
            "INTEGER",
            "How often the article names the person.",
            nullable=False,
            checks=(pa.Check.ge(1),),
        ),
        Column(
            "role_rule", "VARCHAR", "How the role was read: apposition, plural_post, colleague, official_gazetteer."
        ),
        Column("evidence", "VARCHAR", "The sentence that introduces the person.", nullable=False, checks=(NOT_EMPTY,)),
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
    ),
    checks=(
        row_check(
            "evidence length matches its offsets",
            lambda df: (df["evidence_end"] - df["evidence_start"]) == df["evidence"].str.len(),
        ),
    ),
    schema_name="PersonsSchema",
)

PERSON_MENTIONS = Table(
    "person_mentions",
    "Every mention of a person (full name, surname, initials) with what its apposition says.",
    (
        id_column("person_id", "The person mentioned."),
        id_column("article_id", "The article it is in."),
        *span_columns(),
        text_column("name"),
        Column("normal", "VARCHAR", "The name in the nominative.", nullable=False, checks=(NOT_EMPTY,)),
        Column("role", "VARCHAR", "The role this mention's apposition gives."),
        Column("rank", "VARCHAR", "The rank this mention's apposition gives."),
        Column("country_iso3", "VARCHAR", "The country this mention's apposition gives.", checks=(COUNTRY,)),
        Column(
            "rule",
            "VARCHAR",
            "How role and country were read: apposition, colleague, this_country, official_gazetteer.",
            nullable=False,
        ),
    ),
    checks=(SPAN_LENGTH,),
    schema_name="PersonMentionsSchema",
)

"""mentions, persons, person_mentions: the entity layer's tables."""

import pandera.pandas as pa
from pandera.engines import pandas_engine
from pandera.typing import Series

from defcoop_dagster.core.entities.mentions import TYPES
from defcoop_dagster.core.gazetteers.countries import ORG_CODES, un_member_codes

from .articles import PRECISIONS

CODES = sorted(set(un_member_codes()) | set(ORG_CODES) | {"PSE", "VAT", "TWN"})


class MentionsSchema(pa.DataFrameModel):
    """Every entity, state, organisation and date named in an article body, with offsets."""

    article_id: Series[str] = pa.Field(str_matches=r"^art_[0-9a-f]{16}$")
    sentence_no: Series[int] = pa.Field(ge=1)
    start: Series[int] = pa.Field(ge=0)
    end: Series[int] = pa.Field(ge=1)
    type: Series[str] = pa.Field(isin=list(TYPES))
    text: Series[str] = pa.Field(str_length={"min_value": 1})
    normal: Series[str] = pa.Field(nullable=True)
    code: Series[str] = pa.Field(nullable=True, isin=CODES)
    date_value: Series[pandas_engine.Date] = pa.Field(nullable=True)
    date_precision: Series[str] = pa.Field(nullable=True, isin=PRECISIONS)
    date_iso: Series[str] = pa.Field(nullable=True)
    date_inferred: Series[pa.BOOL] = pa.Field(nullable=True)
    source: Series[str]

    @pa.dataframe_check(name="span length matches the text")
    def span_length(cls, df):
        return (df["end"] - df["start"]) == df["text"].str.len()

    @pa.dataframe_check(name="countries and organisations carry a code")
    def coded(cls, df):
        return ~df["type"].isin(["COUNTRY", "ORGANISATION"]) | df["code"].notna()

    class Config:
        strict = True
        coerce = True


class PersonsSchema(pa.DataFrameModel):
    """One row per person per article: canonical name, role, rank, country."""

    person_id: Series[str] = pa.Field(unique=True, str_matches=r"^per_[0-9a-f]{16}$")
    article_id: Series[str] = pa.Field(str_matches=r"^art_[0-9a-f]{16}$")
    name: Series[str] = pa.Field(str_matches=r"^[A-ZА-ЯЁ]")
    surname: Series[str] = pa.Field(str_matches=r"^[A-ZА-ЯЁ]")
    role: Series[str] = pa.Field(nullable=True, str_matches=r"^[^A-ZА-ЯЁ]+$")
    rank: Series[str] = pa.Field(nullable=True)
    country_iso3: Series[str] = pa.Field(nullable=True, isin=CODES)
    mention_count: Series[int] = pa.Field(ge=1)
    role_rule: Series[str] = pa.Field(nullable=True)
    evidence: Series[str] = pa.Field(str_length={"min_value": 1})
    evidence_start: Series[int] = pa.Field(ge=0)
    evidence_end: Series[int] = pa.Field(ge=1)

    @pa.dataframe_check(name="evidence length matches its offsets")
    def evidence_span(cls, df):
        return (df["evidence_end"] - df["evidence_start"]) == df["evidence"].str.len()

    class Config:
        strict = True
        coerce = True


class PersonMentionsSchema(pa.DataFrameModel):
    """Every mention of a person, with what its apposition said (role, rank, country)."""

    person_id: Series[str] = pa.Field(str_matches=r"^per_[0-9a-f]{16}$")
    article_id: Series[str] = pa.Field(str_matches=r"^art_[0-9a-f]{16}$")
    sentence_no: Series[int] = pa.Field(ge=1)
    start: Series[int] = pa.Field(ge=0)
    end: Series[int] = pa.Field(ge=1)
    text: Series[str] = pa.Field(str_length={"min_value": 1})
    normal: Series[str] = pa.Field(str_length={"min_value": 1})
    role: Series[str] = pa.Field(nullable=True)
    rank: Series[str] = pa.Field(nullable=True)
    country_iso3: Series[str] = pa.Field(nullable=True, isin=CODES)
    rule: Series[str]

    @pa.dataframe_check(name="span length matches the text")
    def span_length(cls, df):
        return (df["end"] - df["start"]) == df["text"].str.len()

    class Config:
        strict = True
        coerce = True

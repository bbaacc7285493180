"""The contract's event tables: meetings, meeting_countries, meeting_participants, agreements, agreement_parties."""

import pandera.pandas as pa
from pandera.engines import pandas_engine
from pandera.typing import Series

from .articles import PRECISIONS
from .entities import CODES

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


class _Evidence(pa.DataFrameModel):
    evidence: Series[str] = pa.Field(str_length={"min_value": 1})
    evidence_start: Series[int] = pa.Field(ge=0)
    evidence_end: Series[int] = pa.Field(ge=1)
    date_precision: Series[str] = pa.Field(nullable=True, isin=PRECISIONS)
    date_iso: Series[str] = pa.Field(nullable=True, str_matches=r"^(\d{4}(-\d{2}(-\d{2})?)?|--\d{2}(-\d{2})?)$")
    date_inferred: Series[bool]
    confidence: Series[float] = pa.Field(ge=0, le=1)
    rule: Series[str] = pa.Field(str_length={"min_value": 1})

    @pa.dataframe_check(name="evidence length matches its offsets")
    def evidence_span(cls, df):
        return (df["evidence_end"] - df["evidence_start"]) == df["evidence"].str.len()


class MeetingsSchema(_Evidence):
    """One row per meeting reported in an article."""

    meeting_id: Series[str] = pa.Field(unique=True, str_matches=r"^mtg_[0-9a-f]{16}$")
    article_id: Series[str] = pa.Field(str_matches=r"^art_[0-9a-f]{16}$")
    meeting_date: Series[pandas_engine.Date] = pa.Field(nullable=True)
    place: Series[str] = pa.Field(nullable=True)
    status: Series[str] = pa.Field(isin=["held", "planned"])

    @pa.dataframe_check(name="precision set exactly when the date is")
    def precision_with_date(cls, df):
        return df["meeting_date"].isna() == df["date_precision"].isna()

    class Config:
        strict = True
        coerce = True


class MeetingCountriesSchema(pa.DataFrameModel):
    """Every state or organisation taking part; at least two per meeting."""

    meeting_id: Series[str] = pa.Field(str_matches=r"^mtg_[0-9a-f]{16}$")
    country_iso3: Series[str] = pa.Field(isin=CODES)

    @pa.dataframe_check(name="two or more countries per meeting")
    def two_sides(cls, df):
        return df.groupby("meeting_id")["country_iso3"].transform("nunique") >= 2

    class Config:
        strict = True
        coerce = True
        unique = ["meeting_id", "country_iso3"]


class MeetingParticipantsSchema(pa.DataFrameModel):
    """Named people taking part."""

    meeting_id: Series[str] = pa.Field(str_matches=r"^mtg_[0-9a-f]{16}$")
    name: Series[str] = pa.Field(str_matches=r"^[A-ZА-ЯЁ]")
    role: Series[str] = pa.Field(nullable=True)
    country_iso3: Series[str] = pa.Field(nullable=True, isin=CODES)
    person_id: Series[str] = pa.Field(str_matches=r"^per_[0-9a-f]{16}$")

    class Config:
        strict = True
        coerce = True


class AgreementsSchema(_Evidence):
    """One row per document reported signed or to be signed."""

    agreement_id: Series[str] = pa.Field(unique=True, str_matches=r"^agr_[0-9a-f]{16}$")
    article_id: Series[str] = pa.Field(str_matches=r"^art_[0-9a-f]{16}$")
    kind: Series[str] = pa.Field(isin=KINDS)
    title: Series[str] = pa.Field(nullable=True)
    status: Series[str] = pa.Field(isin=["signed", "planned"])
    signed_date: Series[pandas_engine.Date] = pa.Field(nullable=True)
    period_year: Series[pa.Int64] = pa.Field(nullable=True, ge=1900, le=2100)
    place: Series[str] = pa.Field(nullable=True)

    @pa.dataframe_check(name="precision set exactly when the date is")
    def precision_with_date(cls, df):
        return df["signed_date"].isna() == df["date_precision"].isna()

    class Config:
        strict = True
        coerce = True


class AgreementPartiesSchema(pa.DataFrameModel):
    """Every state or organisation party to a document."""

    agreement_id: Series[str] = pa.Field(str_matches=r"^agr_[0-9a-f]{16}$")
    country_iso3: Series[str] = pa.Field(isin=CODES)
    party_name: Series[str] = pa.Field(nullable=True)
    signatory_name: Series[str] = pa.Field(nullable=True)

    @pa.dataframe_check(name="two or more parties per document")
    def two_sides(cls, df):
        return df.groupby("agreement_id")["country_iso3"].transform("nunique") >= 2

    class Config:
        strict = True
        coerce = True
        unique = ["agreement_id", "country_iso3"]

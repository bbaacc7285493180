"""articles: one row per distinct article (CONTRACT.md), plus provenance columns."""

import datetime as dt

import pandera.pandas as pa
from pandera.engines import pandas_engine
from pandera.typing import Series

PRECISIONS = ["day", "month", "year"]
PUBLISHED_SOURCES = ["metadata", "bsnlp_header", "stamp", "header", "dateline"]


class ArticlesSchema(pa.DataFrameModel):
    """Clean articles; offsets of every later table refer to ``body``."""

    article_id: Series[str] = pa.Field(unique=True, str_matches=r"^art_[0-9a-f]{16}$")
    source_path: Series[str] = pa.Field(str_length={"min_value": 1})
    source_paths: Series[object]
    title: Series[str] = pa.Field(nullable=True)
    published_date: Series[pandas_engine.Date] = pa.Field(nullable=True)
    published_precision: Series[str] = pa.Field(nullable=True, isin=PRECISIONS)
    published: Series[str] = pa.Field(nullable=True, str_matches=r"^(\d{4}(-\d{2}(-\d{2})?)?|--\d{2}(-\d{2})?)$")
    published_inferred: Series[bool]
    published_source: Series[str] = pa.Field(nullable=True, isin=PUBLISHED_SOURCES)
    published_evidence: Series[str] = pa.Field(nullable=True)
    agency: Series[str] = pa.Field(nullable=True)
    dateline_place: Series[str] = pa.Field(nullable=True)
    dateline_end: Series[int] = pa.Field(ge=0)
    url: Series[str] = pa.Field(nullable=True)
    body: Series[str] = pa.Field(str_length={"min_value": 1})
    boilerplate_removed: Series[int] = pa.Field(ge=0)

    @pa.dataframe_check(name="precision set exactly when the date is")
    def precision_with_date(cls, df):
        return df["published_date"].isna() == df["published_precision"].isna()

    @pa.dataframe_check(name="published date not in the future")
    def not_in_future(cls, df):
        today = dt.date.today()
        return df["published_date"].map(lambda d: d is None or d != d or d <= today)

    @pa.dataframe_check(name="dateline inside the body")
    def dateline_in_body(cls, df):
        return df["dateline_end"] <= df["body"].str.len()

    class Config:
        strict = True
        coerce = True

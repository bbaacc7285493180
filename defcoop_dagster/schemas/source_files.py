"""source_files: one row per file found in the input folder, accepted or not."""

import pandera.pandas as pa
from pandera.typing import Series

STATUSES = ["accepted", "duplicate", "rejected"]


class SourceFilesSchema(pa.DataFrameModel):
    """Every input file, with what was decided about it and why."""

    source_path: Series[str] = pa.Field(unique=True, str_length={"min_value": 1})
    size_bytes: Series[int] = pa.Field(ge=0)
    sha256: Series[str] = pa.Field(str_matches=r"^[0-9a-f]{64}$")
    modified_at: Series[pa.DateTime] = pa.Field(nullable=True)
    format: Series[str]
    encoding: Series[str] = pa.Field(nullable=True)
    status: Series[str] = pa.Field(isin=STATUSES)
    reason: Series[str] = pa.Field(nullable=True)
    duplicate_of: Series[str] = pa.Field(nullable=True)
    content_sha256: Series[str] = pa.Field(nullable=True, str_matches=r"^[0-9a-f]{64}$")
    title_hint: Series[str] = pa.Field(nullable=True)
    url: Series[str] = pa.Field(nullable=True)
    published_hint: Series[str] = pa.Field(nullable=True)
    raw_text: Series[str] = pa.Field(nullable=True)

    @pa.dataframe_check(name="rejected rows say why")
    def rejected_have_reason(cls, df):
        return (df["status"] != "rejected") | df["reason"].notna()

    @pa.dataframe_check(name="accepted rows carry their text")
    def accepted_have_text(cls, df):
        return (df["status"] != "accepted") | df["raw_text"].fillna("").str.strip().ne("")

    @pa.dataframe_check(name="duplicates name their original")
    def duplicates_point_back(cls, df):
        return (df["status"] != "duplicate") | df["duplicate_of"].notna()

    class Config:
        strict = True
        coerce = True

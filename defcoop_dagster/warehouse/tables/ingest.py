"""source_files and articles: what the folder held, and the distinct articles read from it."""

import datetime as dt

import pandera.pandas as pa

from .declare import NOT_EMPTY, PARTIAL_DATE, PRECISIONS, Column, Table, id_column, row_check

SHA256 = pa.Check.str_matches(r"^[0-9a-f]{64}$")

SOURCE_FILES = Table(
    "source_files",
    "Every file found in the input folder: size, hash, encoding, format, and whether it became an article "
    "(accepted), repeated another (duplicate) or was rejected, with the reason.",
    (
        Column(
            "source_path",
            "VARCHAR",
            "Path of the file relative to the input folder, `/`-separated.",
            nullable=False,
            key=True,
            checks=(NOT_EMPTY,),
        ),
        Column("size_bytes", "BIGINT", "Size of the file in bytes.", nullable=False, checks=(pa.Check.ge(0),)),
        Column("sha256", "VARCHAR", "SHA-256 of the file's bytes.", nullable=False, checks=(SHA256,)),
        Column("modified_at", "TIMESTAMP", "When the file was last modified."),
        Column("format", "VARCHAR", "txt, html, json, or the suffix of an unsupported format.", nullable=False),
        Column("encoding", "VARCHAR", "The text encoding the file was decoded with."),
        Column(
            "status",
            "VARCHAR",
            "accepted (became an article), duplicate (same text as another file) or rejected (see reason).",
            nullable=False,
            checks=(pa.Check.isin(["accepted", "duplicate", "rejected"]),),
        ),
        Column("reason", "VARCHAR", "Why the file was rejected, or which file it duplicates."),
        Column(
            "note",
            "VARCHAR",
            "What reading the file had to change: an incomplete last character of a file cut short dropped, a "
            "file name that is not UTF-8 shown with \\xNN escapes.",
        ),
        Column("duplicate_of", "VARCHAR", "The accepted file with the same text."),
        Column("content_sha256", "VARCHAR", "SHA-256 of the decoded text (what duplicates share).", checks=(SHA256,)),
        Column("title_hint", "VARCHAR", "A title the file format carries (HTML title, JSON title)."),
        Column("url", "VARCHAR", "Where the text was published, when the file says."),
        Column("published_hint", "VARCHAR", "A publication date the file format carries."),
        Column("raw_text", "VARCHAR", "The decoded text, before site chrome is removed."),
    ),
    checks=(
        row_check("rejected rows say why", lambda df: (df["status"] != "rejected") | df["reason"].notna()),
        row_check(
            "accepted rows carry their text",
            lambda df: (df["status"] != "accepted") | df["raw_text"].fillna("").str.strip().ne(""),
        ),
        row_check(
            "duplicates name their original", lambda df: (df["status"] != "duplicate") | df["duplicate_of"].notna()
        ),
    ),
    schema_name="SourceFilesSchema",
)

ARTICLES = Table(
    "articles",
    "One row per distinct article: cleaned body (all offsets refer to it), title, publication date with "
    "precision and where it was read, dateline place, agency, and every source path.",
    (
        id_column("article_id", "Stable id derived from the content.", key=True),
        Column(
            "source_path",
            "VARCHAR",
            "Path of the file relative to the input folder, `/`-separated.",
            nullable=False,
            checks=(NOT_EMPTY,),
        ),
        Column("title", "VARCHAR", "Headline, when one can be told apart."),
        Column("published_date", "DATE", "Publication date, when known or inferred."),
        Column(
            "published_precision",
            "VARCHAR",
            "`day`, `month` or `year`; null when published_date is null.",
            checks=(pa.Check.isin(PRECISIONS),),
        ),
        Column(
            "body",
            "VARCHAR",
            "The cleaned text that offsets of every other table refer to.",
            nullable=False,
            checks=(NOT_EMPTY,),
        ),
        Column("source_paths", "VARCHAR[]", "Every file that held this article.", nullable=False),
        Column(
            "published",
            "VARCHAR",
            "The publication date as far as it is known: `2021-05-18`, or `--04-24` when the year is not.",
            checks=(pa.Check.str_matches(PARTIAL_DATE),),
        ),
        Column(
            "published_inferred",
            "BOOLEAN",
            "The year of the publication date was inferred, not written.",
            nullable=False,
        ),
        Column(
            "published_source",
            "VARCHAR",
            "Where the date was read: metadata, bsnlp_header, stamp, header, publication_line («Опубликовано …»)"
            " or dateline.",
            checks=(pa.Check.isin(["metadata", "bsnlp_header", "stamp", "header", "publication_line", "dateline"]),),
        ),
        Column("published_evidence", "VARCHAR", "The text the publication date was read from."),
        Column("agency", "VARCHAR", "The news agency the article names as its source."),
        Column("dateline_place", "VARCHAR", "The place of the dateline («БАКУ, 26 ноя — Sputnik.»)."),
        Column(
            "dateline_end",
            "INTEGER",
            "Offset in body where the lead starts after the dateline.",
            nullable=False,
            checks=(pa.Check.ge(0),),
        ),
        Column("url", "VARCHAR", "Where the article was published, when known."),
        Column(
            "boilerplate_removed",
            "INTEGER",
            "Lines of site chrome removed from the text.",
            nullable=False,
            checks=(pa.Check.ge(0),),
        ),
    ),
    checks=(
        row_check(
            "precision set exactly when the date is",
            lambda df: df["published_date"].isna() == df["published_precision"].isna(),
        ),
        row_check(
            "published date not in the future",
            lambda df: df["published_date"].map(lambda d: d is None or d != d or d <= dt.date.today()),
        ),
        row_check("dateline inside the body", lambda df: df["dateline_end"] <= df["body"].str.len()),
    ),
    schema_name="ArticlesSchema",
)

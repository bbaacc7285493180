"""The pipeline's own tables: what the incremental stage has processed, and the quarantined rows."""

from .declare import Column, Table

EXTRACTION_STATE = Table(
    "extraction_state",
    "Which extractor version analysed each article, from which inputs (a digest of the fields read besides the "
    "body): an article whose content, inputs and extractor version are unchanged is not analysed again and keeps "
    "its entities, meetings and agreements.",
    (
        Column("article_id", "VARCHAR", "The article.", nullable=False, key=True),
        Column("extractor_version", "VARCHAR", "Digest of the extraction code and its data files.", nullable=False),
        Column("analysed_at", "TIMESTAMP", "When it was analysed.", nullable=False),
        Column("inputs", "VARCHAR", "Digest of the article fields read besides the body.", nullable=False),
    ),
)

ARTICLE_SOURCES = Table(
    "article_sources",
    "Which article each accepted file became, from which inputs (a digest of its text, the file's hints and the "
    "cleaning code): a file whose inputs are unchanged keeps its article without being cleaned again.",
    (
        Column("source_path", "VARCHAR", "The file.", nullable=False, key=True),
        Column(
            "inputs", "VARCHAR", "Digest of the text and hints read, and of the code that read them.", nullable=False
        ),
        Column("article_id", "VARCHAR", "The article it became.", nullable=False),
    ),
)

SOURCE_READS = Table(
    "source_reads",
    "What each entry of the input folder was read from (a digest of its name, size, times, inode and mode, the "
    "size limits and the reading code): an entry whose digest is unchanged keeps its source_files row without "
    "being read again.",
    (
        Column("source_path", "VARCHAR", "The entry.", nullable=False, key=True),
        Column("inputs", "VARCHAR", "Digest of the entry's lstat, the limits and the reading code.", nullable=False),
    ),
)

QUARANTINE = Table(
    "quarantine",
    "Rows that broke a row rule of their table, with the rule and the row: nothing is lost.",
    (
        Column("asset", "VARCHAR", "The table the row was meant for.", nullable=False),
        Column("rule", "VARCHAR", "The rule it broke.", nullable=False),
        Column("column_name", "VARCHAR", "The column the rule is about (the schema's name for a row rule)."),
        Column("failure_case", "VARCHAR", "The failing value."),
        Column("row_json", "VARCHAR", "The whole row, as JSON.", nullable=False),
        Column("run_id", "VARCHAR", "The Dagster run that set it apart."),
        Column("quarantined_at", "TIMESTAMP", "When.", nullable=False),
        # last, so a quarantine table of an older version gains it with ADD COLUMN
        Column("article_id", "VARCHAR", "The article the row was read from."),
    ),
)

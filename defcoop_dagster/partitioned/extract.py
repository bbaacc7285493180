"""The partitioned asset: one batch of input files read, its articles extracted, its rows as Parquet parts."""

import warnings
from pathlib import Path

import dagster as dg
import duckdb
import pandas as pd

from ..core.extraction import extract_articles
from ..core.ingest.articles import article_rows
from ..core.ingest.sources import scan
from ..core.version import extractor_version
from ..defs.extraction.assets import INPUTS, PREVIEWS
from ..defs.resources import InputFolder
from ..validation import Validated, validate
from ..warehouse.state import input_digests
from ..warehouse.tables import TABLES
from .batches import read_manifest
from .parts import BATCH_ARTICLES, write_parts
from .resources import PartsFolder

file_batches = dg.DynamicPartitionsDefinition(name="file_batches")
SOURCE_COLUMNS = ["source_path", "status", "duplicate_of", "raw_text", "title_hint", "url", "published_hint"]


def as_read(table: str, rows: pd.DataFrame, sql: str) -> pd.DataFrame:
    """``sql`` over ``rows`` written as ``table``: what a step of the default location reads back from the
    warehouse, with the same types (NULLs as None), so the core gets the same values here as there."""
    con = duckdb.connect()
    try:
        con.execute(TABLES[table].ddl())
        con.register("_rows", rows[TABLES[table].names])
        con.execute(f'INSERT INTO "{table}" SELECT * FROM _rows')
        return con.execute(sql).df()
    finally:
        con.close()


def articles_of(sources: pd.DataFrame) -> Validated:
    """Validated articles of valid source_files rows, as the default location's ``articles`` asset makes them."""
    read = as_read(
        "source_files",
        sources,
        f"SELECT {', '.join(SOURCE_COLUMNS)} FROM source_files WHERE status IN ('accepted', 'duplicate') "
        "ORDER BY source_path",
    )
    return validate(TABLES["articles"], TABLES["articles"].frame(article_rows(read.to_dict("records"))))


def extraction_input(articles: pd.DataFrame) -> pd.DataFrame:
    """The articles as the extraction reads them from the warehouse, with the digest of the inputs it
    reads besides the body."""
    df = as_read(
        "articles",
        articles,
        "SELECT article_id, body, published, published_date, dateline_end, dateline_place FROM articles "
        "ORDER BY article_id",
    )
    df["inputs"] = input_digests(df, INPUTS)
    return df


def extraction_frames(articles: pd.DataFrame) -> dict[str, pd.DataFrame]:
    found = extract_articles(articles.drop(columns="inputs").to_dict("records"))
    return {name: TABLES[name].frame(getattr(found, name)) for name in PREVIEWS}


def process_batch(root: Path, parts_dir: Path, key: str, input_folder: InputFolder) -> dict:
    """Read the files of batch ``key`` that are still there, extract their articles, write the parts."""
    files = read_manifest(parts_dir, key)
    paths = [root / p for p in sorted(files) if (root / p).is_symlink() or (root / p).exists()]
    sources = TABLES["source_files"].frame(scan(root, input_folder.max_file_bytes, input_folder.max_text_chars, paths))
    articles = extraction_input(articles_of(validate(TABLES["source_files"], sources).valid).valid)
    frames = {"source_files": sources, BATCH_ARTICLES: articles, **extraction_frames(articles)}
    write_parts(parts_dir, key, frames, last="source_files")
    return {
        "files": len(files),
        "files_read": len(paths),
        "articles": len(articles),
        "meetings": len(frames["meetings"]),
    }


def _article_parts(context: dg.AssetExecutionContext, input_folder: InputFolder, parts: PartsFolder):
    root, parts_dir = input_folder.root(), parts.root()
    done = {}
    for key in context.partition_keys:
        done[key] = process_batch(root, parts_dir, key, input_folder)
        context.log.info(f"batch {key}: {done[key]}")
    totals = {k: sum(d[k] for d in done.values()) for k in ("files", "files_read", "articles", "meetings")}
    return dg.MaterializeResult(metadata={**totals, "extractor_version": extractor_version()})


with warnings.catch_warnings():
    warnings.simplefilter("ignore", dg.BetaWarning)  # backfill_policy: beta, and what a cluster wants
    article_parts = dg.asset(
        name="article_parts",
        partitions_def=file_batches,
        code_version=extractor_version(),  # a new extractor shows every partition stale in the UI
        # one run a batch: a backfill's runs spread over the workers, as many at once as the run queue allows
        backfill_policy=dg.BackfillPolicy.multi_run(max_partitions_per_run=1),
        group_name="partitions",
        kinds={"parquet", "python"},
        description="One batch of input files (its manifest under the parts folder): files read, articles cleaned, "
        "entities and events extracted, every table's rows written as <parts>/<table>/<batch>.parquet. Batches "
        "write nothing they share, so they run at once on any number of workers.",
    )(_article_parts)

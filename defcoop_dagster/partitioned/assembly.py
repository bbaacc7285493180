"""The unpartitioned asset that assembles every batch's parts into the warehouse's tables.

It makes the tables the default location's ``source_files``, ``articles`` and ``extraction`` steps
make (the same asset keys, checks and metadata), so the canonical events, the dbt models, the
pictures and publishing run downstream of it unchanged.
"""

import dagster as dg
import duckdb

from ..core.ingest.sources import relative_name, walk
from ..defs.extraction.assets import CHECKS, PARENTS, PREVIEWS, table_counts, table_specs, validated
from ..defs.ingest.assets import (
    EVERY_ACCEPTED_FILE,
    EVERY_FILE,
    accepted_file_result,
    articles_metadata,
    every_file_result,
    source_files_metadata,
)
from ..defs.resources import InputFolder, Warehouse
from ..stage import finish, stage, table_spec
from ..validation import validate
from ..warehouse.runstate import forget
from ..warehouse.state import stack
from ..warehouse.tables import TABLES
from .assemble import extraction_rows, source_rows
from .extract import article_parts, articles_of, extraction_frames, extraction_input, file_batches
from .resources import PartsFolder

INGEST_PREVIEWS = {
    "source_files": ["source_path", "format", "encoding", "status", "reason", "note", "size_bytes"],
    "articles": ["article_id", "source_path", "title", "published", "agency"],
}
# the bookkeeping of the default location's incremental reading and extraction: partitions replace it
STATE_TABLES = ["extraction_state", "entity_state", "event_state", "source_reads"]


def specs() -> list[dg.AssetSpec]:
    own = [table_spec("source_files", "ingestion", []), table_spec("articles", "ingestion", ["source_files"])]
    return [spec.merge_attributes(deps=[article_parts.key]) for spec in [*own, *table_specs()]]


@stage("assembly", specs(), CHECKS, extra_checks=[EVERY_FILE, EVERY_ACCEPTED_FILE])
def assembly(context: dg.AssetExecutionContext, input_folder: InputFolder, warehouse: Warehouse, parts: PartsFolder):
    root, parts_dir = input_folder.root(), parts.root()
    try:
        on_disk = [relative_name(p, root)[0] for p in walk(root)]
    except OSError as e:  # a folder below the root cannot be listed: its files must not look removed
        raise input_folder.cannot_read(e) from e
    keys = sorted(context.instance.get_dynamic_partitions(file_batches.name))
    con = duckdb.connect()
    try:
        files = TABLES["source_files"].frame(source_rows(con, parts_dir, keys, on_disk))
        sources = validate(TABLES["source_files"], files)
        articles = articles_of(sources.valid)
        wanted = extraction_input(articles.valid)
        frames, todo = extraction_rows(con, parts_dir, keys, wanted, PARENTS)
    finally:
        con.close()
    if len(todo):  # their first file is in a batch not done yet, or read from other inputs there
        context.log.warning(f"{len(todo)} articles in no finished batch as they are now: extracted here")
        found = extraction_frames(todo)
        frames = {name: stack(frames[name], found[name]) for name in PREVIEWS}
    outcomes = validated(frames, dict(zip(wanted["article_id"], wanted["published_date"], strict=True)))
    context.log.info(f"{len(keys)} batches, {len(sources.valid)} files, {len(articles.valid)} articles assembled")

    with warehouse.get_connection() as wcon:

        def extra(name, valid):
            if name == "source_files":
                return source_files_metadata(root, files)
            if name == "articles":
                return articles_metadata(valid)
            return {"batches": len(keys), "articles_extracted_here": len(todo), **table_counts(wcon, name)}

        for table in STATE_TABLES:
            wcon.execute(f'DROP TABLE IF EXISTS "{table}"')
        forget(wcon)  # the default location's steps read these tables: none of them may be skipped now
        yield from finish(
            context,
            wcon,
            {"source_files": sources, "articles": articles, **outcomes},
            {**INGEST_PREVIEWS, **PREVIEWS},
            extra,
            checks=CHECKS,
        )
        yield accepted_file_result(wcon, len(articles.quarantined))
    yield every_file_result(set(on_disk), sources.valid)
